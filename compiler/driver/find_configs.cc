#include "compiler/driver/find_configs.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstdint>
#include <cstring>

#include <fmt/format.h>

#include "compiler/driver/discover.h"
#include "compiler/driver/project_files.h"

namespace trigc::driver {

namespace fs = std::filesystem;

namespace {

constexpr size_t kNone = SIZE_MAX;

// A folder waiting to be listed.
struct Pending {
  fs::path relative;  // below the root, as walked (through symlinks' names, not their targets)
  size_t parent;      // index in Walker::listed_ of the folder it was found in; kNone for the start
  bool via_symlink;
};

// A folder already listed: which one it is and where it was found, to tell a symlink that leads back up.
struct Listed {
  dev_t dev;
  ino_t ino;
  size_t parent;
};

// One entry of a folder: its name and type (DT_DIR, DT_LNK, DT_REG, ...).
struct Entry {
  std::string name;
  unsigned char type;
};

// The type of an entry whose file system does not say it in the listing.
unsigned char TypeOf(int dir_fd, const char* name) {
  struct stat st;
  if (::fstatat(dir_fd, name, &st, AT_SYMLINK_NOFOLLOW) != 0) return DT_UNKNOWN;
  if (S_ISDIR(st.st_mode)) return DT_DIR;
  if (S_ISLNK(st.st_mode)) return DT_LNK;
  if (S_ISREG(st.st_mode)) return DT_REG;
  return DT_UNKNOWN;
}

// Every entry of the open folder `fd` (closed here); 0, or the errno of a failed listing.
int ListFolder(UniqueFd fd, std::vector<Entry>& entries) {
  DIR* dir = ::fdopendir(fd.get());
  if (dir == nullptr) return errno;
  fd.Release();  // the DIR owns it now
  int error = 0;
  while (true) {
    errno = 0;
    const dirent* e = ::readdir(dir);
    if (e == nullptr) {
      error = errno;
      break;
    }
    if (std::strcmp(e->d_name, ".") == 0 || std::strcmp(e->d_name, "..") == 0) continue;
    unsigned char type = e->d_type == DT_UNKNOWN ? TypeOf(::dirfd(dir), e->d_name) : e->d_type;
    entries.push_back({e->d_name, type});
  }
  ::closedir(dir);
  return error;
}

class Walker {
 public:
  Walker(const ConfinedRoot& confined, const fs::path& root, DiagSink& sink)
      : confined_(confined), root_(root), sink_(sink) {}

  std::vector<fs::path> Run(const fs::path& folder) {
    pending_.push_back({folder, kNone, false});
    while (!pending_.empty()) {
      Pending item = std::move(pending_.back());
      pending_.pop_back();
      List(item);
    }
    return std::move(configs_);
  }

 private:
  void List(const Pending& item) {
    Opened dir = confined_.OpenFolder(item.relative);
    if (dir.status != OpenStatus::kOk) {
      ReportUnopened(dir, root_ / item.relative, PathRole::kFolder, {}, sink_);
      return;
    }
    if (item.via_symlink && LeadsBackUp(item.parent, dir)) {
      sink_
          .Report(Code::E0911, {},
                  fmt::format("{} is a symlink to a folder that contains it; trigc does not search it again",
                              Quote(DisplayPath(root_ / item.relative))))
          .Help("remove the symlink, or rename it to start with '.' (trigc skips hidden names)");
      return;
    }
    listed_.push_back({dir.dev, dir.ino, item.parent});
    size_t self = listed_.size() - 1;
    std::vector<Entry> entries;
    if (int error = ListFolder(std::move(dir.fd), entries); error != 0) {
      Opened failed;
      failed.error = error;
      ReportUnopened(failed, root_ / item.relative, PathRole::kFolder, {}, sink_);
      return;
    }
    for (const Entry& entry : entries) Visit(item.relative / entry.name, entry, self);
  }

  // True when the folder just opened is the one it was found in, or one of that folder's own parents.
  bool LeadsBackUp(size_t from, const Opened& dir) const {
    for (size_t i = from; i != kNone; i = listed_[i].parent)
      if (listed_[i].dev == dir.dev && listed_[i].ino == dir.ino) return true;
    return false;
  }

  void Visit(const fs::path& relative, const Entry& entry, size_t parent) {
    if (entry.name[0] == '.' || entry.name == "node_modules") return;
    bool config = IsConfigName(entry.name);
    switch (entry.type) {
      case DT_DIR:
        if (config) {
          ReportUnopened(WrongType(), root_ / relative, PathRole::kConfig, {}, sink_);
        } else if (relative != "generated") {
          pending_.push_back({relative, parent, false});
        }
        return;
      case DT_LNK:
        if (config) {
          VisitConfigLink(relative);
        } else {
          VisitFolderLink(relative, parent);
        }
        return;
      case DT_REG:
        if (config) configs_.push_back(root_ / relative);
        return;
      default:  // a FIFO, socket or device (or an entry gone meanwhile)
        if (config) ReportUnopened(WrongType(), root_ / relative, PathRole::kConfig, {}, sink_);
        return;
    }
  }

  static Opened WrongType() {
    Opened opened;
    opened.status = OpenStatus::kWrongType;
    return opened;
  }

  // A config that is a symlink: a config when it opens as a file inside the project (it is opened again,
  // confined the same way, when read).
  void VisitConfigLink(const fs::path& relative) {
    Opened file = confined_.OpenFile(relative);
    if (file.status == OpenStatus::kOk) {
      configs_.push_back(root_ / relative);
    } else {
      ReportUnopened(file, root_ / relative, PathRole::kConfig, {}, sink_);
    }
  }

  // Any other symlink: searched when it leads to a folder inside the project, left alone when it leads to a
  // file, an error when it leads to a folder outside the project or nowhere.
  void VisitFolderLink(const fs::path& relative, size_t parent) {
    Opened folder = confined_.OpenFolder(relative);
    switch (folder.status) {
      case OpenStatus::kOk:
        pending_.push_back({relative, parent, true});
        return;
      case OpenStatus::kWrongType:
        return;  // a file: trigc reads no file but configs
      case OpenStatus::kOutside: {
        // Only what the target is, never its content: a folder outside might hold pipelines, a file does not.
        struct stat st;
        int found = ::stat((root_ / relative).c_str(), &st);
        if (found == 0 && !S_ISDIR(st.st_mode)) return;
        if (found != 0 && errno == ENOENT) folder.status = OpenStatus::kMissing;
        break;
      }
      default:
        break;
    }
    ReportUnopened(folder, root_ / relative, PathRole::kFolder, {}, sink_);
  }

  const ConfinedRoot& confined_;
  const fs::path& root_;
  DiagSink& sink_;
  std::vector<Pending> pending_;
  std::vector<Listed> listed_;
  std::vector<fs::path> configs_;
};

}  // namespace

bool IsConfigName(const std::string& name) { return name == "config.yaml" || name == "config.yml"; }

std::vector<fs::path> FindPipelineConfigs(const ConfinedRoot& confined, const fs::path& root,
                                          const fs::path& folder, DiagSink& sink) {
  return Walker(confined, root, sink).Run(folder);
}

}  // namespace trigc::driver
