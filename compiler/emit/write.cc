#include "compiler/emit/write.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "compiler/emit/temp_files.h"

namespace trigc::emit {

namespace fs = std::filesystem;

namespace {

constexpr size_t kHeadBytes = 4095;  // enough of a file to see its header

std::string Join(const std::string& folder, const std::string& name) {
  return folder.empty() ? name : folder + "/" + name;
}

}  // namespace

bool HasTempFiles(const fs::path& dir) {
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.empty() || name[0] != '.') continue;
    if (it->is_directory(ec))
      it.disable_recursion_pending();
    else if (IsTempFile(name))
      return true;
  }
  return false;
}

bool IsSafeRelativePath(const std::string& path) {
  if (path.empty() || path.front() == '/') return false;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    std::string part = path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    if (part.empty() || part == "." || part == "..") return false;
    for (char c : part) {
      bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                c == '_' || c == '-';
      if (!ok) return false;
    }
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return true;
}

bool HasTrigcHeader(std::string_view text) {
  size_t end = 0;
  for (int line = 0; line < 3 && end != std::string_view::npos; ++line) end = text.find('\n', end + 1);
  return text.substr(0, end).find(kHeaderMark) != std::string_view::npos;
}

void ReportPathError(const PathError& error, std::string_view action, Span span, DiagSink& sink) {
  if (error.problem == PathProblem::kSymlink) {
    sink.Report(Code::E0915, span,
                fmt::format("{} is a symbolic link: trigc does not {} through symbolic links",
                            Quote(error.at), action))
        .Help(
            "replace the link with a real folder or file (or remove it), or set another 'out:' for the "
            "target in trigc.yaml");
    return;
  }
  sink.Report(Code::E0901, span, fmt::format("cannot {} {}: {}", action, Quote(error.at), error.message));
}

FolderOutput::FolderOutput(fs::path base, std::string relative, Span span, bool write_now, DiagSink& sink)
    : tree_(std::move(base), std::move(relative)), span_(span), write_now_(write_now), sink_(sink) {
  PathError error;
  int dir = tree_.Folder("", false, error);
  if (dir < 0) {
    listed_all_ = error.problem == PathProblem::kMissing;  // nothing there yet
    if (!listed_all_) Fail(error, "write");
    return;
  }
  struct stat st;
  if (StatAt(dir, std::string(kManifestName), st)) {
    has_manifest_ = ReadAt(dir, std::string(kManifestName), SIZE_MAX / 2, old_manifest_, error);
    if (!has_manifest_) {
      error.at = tree_.Display(std::string(kManifestName));
      Fail(error, "read");
      return;
    }
  }
  for (ManifestEntry& entry : ManifestFiles(old_manifest_))
    if (IsSafeRelativePath(entry.path)) listed_.insert(std::move(entry.path));
  List();
}

void FolderOutput::List() {
  // What is on disk before this build writes anything: which artifacts are new, and the temp files builds
  // that no longer run left behind. The listing does not follow links to folders; it only informs: every
  // write and removal goes through the folder's descriptors.
  std::error_code ec;
  const fs::path& dir = tree_.path();
  auto it = fs::recursive_directory_iterator(dir, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::string name = it->path().filename().string();
    bool hidden = !name.empty() && name[0] == '.';
    std::string relative = it->path().lexically_relative(dir).generic_string();
    if (!hidden) entries_.push_back(relative);
    if (it->symlink_status(ec).type() == fs::file_type::directory) {
      if (hidden) it.disable_recursion_pending();
    } else if (hidden && IsLeftoverTemp(name)) {
      leftover_temps_.push_back(relative);
    }
  }
  listed_all_ = !ec;
  std::sort(entries_.begin(), entries_.end());
}

bool FolderOutput::MayExist(const std::string& relative) const {
  // The listing skips hidden folders, and may have stopped on an error: then anything may exist.
  if (!listed_all_ || relative[0] == '.' || relative.find("/.") != std::string::npos) return true;
  return std::binary_search(entries_.begin(), entries_.end(), relative);
}

FolderOutput::~FolderOutput() {
  if (!finished_) Abandon();
}

void FolderOutput::Abandon() {
  for (PlannedWrite& w : writes_) {
    if (w.temp.empty()) continue;
    auto [folder, name] = SplitPath(w.temp);
    PathError error;
    int dir = tree_.Folder(folder, false, error);
    if (dir >= 0) ::unlinkat(dir, name.c_str(), 0);
    w.temp.clear();
  }
  tree_.RemoveCreated();
  finished_ = true;
}

void FolderOutput::Fail(const PathError& error, std::string_view action) {
  ReportPathError(error, action, span_, sink_);
  ok_ = false;
}

bool FolderOutput::CheckExisting(int dir, const std::string& name, const Artifact& a, PlannedWrite& write,
                                 bool& unchanged) {
  struct stat st;
  if (!StatAt(dir, name, st)) {
    if (errno == ENOENT) return true;
    Fail({PathProblem::kOther, tree_.Display(a.path), std::strerror(errno)}, "read");
    return false;
  }
  write.exists = true;
  PathError error;
  if (S_ISLNK(st.st_mode)) error = {PathProblem::kSymlink, tree_.Display(a.path), ""};
  if (error.problem == PathProblem::kNone && !ReadAt(dir, name, SIZE_MAX / 2, write.old_content, error))
    error.at = tree_.Display(a.path);
  if (error.problem != PathProblem::kNone) {
    Fail(error, error.problem == PathProblem::kSymlink ? "write" : "read");
    return false;
  }
  unchanged = write.old_content == a.content && ((st.st_mode & 0111) != 0) == a.executable;
  if (unchanged || HasTrigcHeader(write.old_content) || listed_.count(a.path) != 0) return true;
  sink_
      .Report(Code::E0905, {},
              fmt::format("{} exists and was not generated by trigc: refusing to overwrite it",
                          Quote(tree_.Display(a.path))))
      .Help("move the file out of the output folder, or set another 'out:' for the target in trigc.yaml");
  ok_ = false;
  return false;
}

void FolderOutput::Add(Artifact a) {
  if (!IsSafeRelativePath(a.path) || a.path == kManifestName) {
    sink_.Report(Code::E0901, {}, fmt::format("refusing to write the artifact path {}", Quote(a.path)));
    ok_ = false;
    return;
  }
  files_.emplace_back(a.path, a.content.size());
  auto [folder, name] = SplitPath(a.path);
  PathError error;
  // A folder made now for the temp files: Abandon() removes it if the build does not happen.
  int dir = tree_.Folder(folder, write_now_ && ok_, error);
  if (dir < 0 && error.problem != PathProblem::kMissing) return Fail(error, "write");
  PlannedWrite write{a.path, a.executable, false, {}, {}, {}};
  bool unchanged = false;
  if (dir >= 0 && MayExist(a.path) && !CheckExisting(dir, name, a, write, unchanged)) return;
  if (unchanged) {
    ++unchanged_;
    return;
  }
  if (write_now_ && ok_) {
    write.old_content.clear();
    std::string temp, message;
    if (!WriteTempAt(dir, name, a.content, a.executable, false, temp, message))
      return Fail({PathProblem::kOther, tree_.Display(a.path), message}, "write");
    write.temp = Join(folder, temp);
    std::string().swap(a.content);  // frees it (assigning {} would keep the capacity)
  }
  write.content = std::move(a.content);
  writes_.push_back(std::move(write));
}

bool FolderOutput::PlanRemove(const std::string& relative, OutputPlan& plan) {
  auto [folder, name] = SplitPath(relative);
  PathError error;
  int dir = tree_.Folder(folder, false, error);
  struct stat st;
  if (dir >= 0 && StatAt(dir, name, st) && S_ISLNK(st.st_mode))
    error = {PathProblem::kSymlink, tree_.Display(relative), ""};
  if (error.problem == PathProblem::kSymlink) {
    Fail(error, "remove");
    return false;
  }
  std::string head;
  if (dir >= 0 && ReadAt(dir, name, kHeadBytes, head, error) && HasTrigcHeader(head))
    plan.removes.push_back(relative);
  return true;
}

bool FolderOutput::Finish(std::string_view build_key, OutputPlan& plan) {
  std::sort(files_.begin(), files_.end());  // by path: looked up below, listed so by the manifest
  // Only what the manifest lists may go, and only while it carries trigc's header: a person's copy of a
  // generated file, or notes quoting the header, are not trigc's.
  for (const std::string& relative : listed_) {
    auto generated = std::lower_bound(files_.begin(), files_.end(), std::make_pair(relative, size_t{0}),
                                      [](const auto& a, const auto& b) { return a.first < b.first; });
    if (generated != files_.end() && generated->first == relative) continue;
    if (ok_ && relative != kManifestName && !PlanRemove(relative, plan)) break;
  }
  if (!ok_) {
    Abandon();
    return false;
  }
  finished_ = true;
  plan.temp_files = std::move(leftover_temps_);
  std::sort(plan.temp_files.begin(), plan.temp_files.end());
  plan.files = files_.size();
  plan.unchanged = unchanged_;
  plan.manifest = ManifestText(std::move(files_), build_key);
  plan.manifest_changed = !has_manifest_ || old_manifest_ != plan.manifest;
  plan.writes = std::move(writes_);
  return true;
}

}  // namespace trigc::emit
