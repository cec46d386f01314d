#include "compiler/emit/safe_dir.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "compiler/emit/temp_files.h"

namespace trigc::emit {

namespace fs = std::filesystem;

Fd::~Fd() {
  if (fd_ >= 0) ::close(fd_);
}

Fd& Fd::operator=(Fd&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = other.fd_;
    other.fd_ = -1;
  }
  return *this;
}

namespace {

// The process's umask, read once during static initialisation, before any thread exists: umask() also sets
// it, so it must never run beside other threads.
const mode_t kUmask = [] {
  mode_t mask = ::umask(0);
  ::umask(mask);
  return mask;
}();

// Fills `error` for a component `name` of folder `dir` that could not be opened with errno `err`: a symbolic
// link (O_NOFOLLOW fails with ELOOP, or ENOTDIR with O_DIRECTORY) is told apart from other failures.
void Explain(int dir, const std::string& name, int err, std::string at, PathError& error) {
  struct stat st;
  bool link = (err == ELOOP || err == ENOTDIR) && StatAt(dir, name, st) && S_ISLNK(st.st_mode);
  error.problem = link ? PathProblem::kSymlink : err == ENOENT ? PathProblem::kMissing : PathProblem::kOther;
  error.at = std::move(at);
  error.message = std::strerror(err);
}

int OpenChild(int dir, const std::string& name) {
  return ::openat(dir, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
}

}  // namespace

std::pair<std::string, std::string> SplitPath(const std::string& relative) {
  size_t slash = relative.rfind('/');
  if (slash == std::string::npos) return {"", relative};
  return {relative.substr(0, slash), relative.substr(slash + 1)};
}

bool StatAt(int dir, const std::string& name, struct stat& st) {
  return ::fstatat(dir, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0;
}

SafeTree::SafeTree(fs::path base, std::string relative)
    : base_(std::move(base)), relative_(std::move(relative)), dir_((base_ / relative_).lexically_normal()) {}

std::string SafeTree::Display(const std::string& relative) const {
  return relative.empty() ? dir_.generic_string() : (dir_ / relative).generic_string();
}

int SafeTree::Folder(const std::string& folder, bool create, PathError& error) {
  std::string key = relative_;
  if (!folder.empty()) key = key.empty() ? folder : key + "/" + folder;
  return Open(key, create, error);
}

int SafeTree::Open(const std::string& key, bool create, PathError& error) {
  auto it = open_.find(key);
  if (it != open_.end()) return it->second.get();
  if (key.empty()) {  // the base: a path the user gave, followed as any path is
    std::error_code ec;
    if (create) fs::create_directories(base_, ec);
    int fd = ::open(base_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
      error = {errno == ENOENT ? PathProblem::kMissing : PathProblem::kOther, base_.generic_string(),
               std::strerror(errno)};
      return -1;
    }
    return open_.emplace(key, Fd(fd)).first->second.get();
  }
  auto [parent_key, name] = SplitPath(key);
  // Recursion as deep as the path has components: an `out:` has at most 256 characters, artifact paths are
  // trigc's own.
  int parent = Open(parent_key, create, error);
  if (parent < 0) return -1;
  int fd = OpenChild(parent, name);
  if (fd < 0 && errno == ENOENT && create) {
    if (::mkdirat(parent, name.c_str(), 0777) == 0) created_.push_back(key);
    fd = OpenChild(parent, name);  // also when another process made it first (EEXIST)
  }
  if (fd < 0) {
    Explain(parent, name, errno, (base_ / key).lexically_normal().generic_string(), error);
    return -1;
  }
  return open_.emplace(key, Fd(fd)).first->second.get();
}

void SafeTree::RemoveCreated() {
  for (auto it = created_.rbegin(); it != created_.rend(); ++it) {
    auto [parent_key, name] = SplitPath(*it);
    open_.erase(*it);
    auto parent = open_.find(parent_key);
    if (parent != open_.end()) ::unlinkat(parent->second.get(), name.c_str(), AT_REMOVEDIR);
  }
  created_.clear();
}

bool ReadAt(int dir, const std::string& name, size_t limit, std::string& content, PathError& error) {
  // O_NONBLOCK: a FIFO put where a generated file belongs must not hang the build in open().
  int fd = ::openat(dir, name.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    Explain(dir, name, errno, name, error);
    return false;
  }
  Fd owner(fd);
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    error = {PathProblem::kOther, name, "not a regular file"};
    return false;
  }
  content.resize(std::min(limit, static_cast<size_t>(st.st_size)));
  size_t done = 0;
  while (done < content.size()) {
    ssize_t n = ::read(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      error = {PathProblem::kOther, name, std::strerror(errno)};
      return false;
    }
    if (n == 0) break;  // the file shrank while read
    done += static_cast<size_t>(n);
  }
  content.resize(done);
  return true;
}

bool WriteTempAt(int dir, std::string_view name, std::string_view content, bool executable, bool sync,
                 std::string& temp, std::string& error) {
  const mode_t mode = executable ? 0755 : 0644;
  int fd = -1;
  for (int attempt = 0; fd < 0 && attempt < 100; ++attempt) {
    temp = TempName(name);
    fd = ::openat(dir, temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
    if (fd < 0 && errno != EEXIST) break;
  }
  if (fd < 0) {
    error = std::strerror(errno);
    return false;
  }
  size_t done = 0;
  bool ok = true;
  while (ok && done < content.size()) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) done += static_cast<size_t>(n);
  }
  // The umask took bits away (e.g. 077): set the mode the output must have.
  ok = ok && ((mode & kUmask) == 0 || ::fchmod(fd, mode) == 0) && (!sync || ::fsync(fd) == 0);
  if (!ok) error = std::strerror(errno);
  ok = ::close(fd) == 0 && ok;
  if (!ok) ::unlinkat(dir, temp.c_str(), 0);
  return ok;
}

bool WriteReplacingAt(int dir, const std::string& name, std::string_view content, bool sync,
                      std::string& error) {
  std::string temp;
  if (!WriteTempAt(dir, name, content, false, sync, temp, error)) return false;
  if (::renameat(dir, temp.c_str(), dir, name.c_str()) == 0) return true;
  error = std::strerror(errno);
  ::unlinkat(dir, temp.c_str(), 0);
  return false;
}

}  // namespace trigc::emit
