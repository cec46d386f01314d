#include "compiler/emit/write.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <set>

#include <fmt/format.h>

#include "compiler/source/read_file.h"

namespace trigc::emit {

namespace fs = std::filesystem;

namespace {

bool ReadFile(const fs::path& path, std::string& content) {
  std::string error;
  std::optional<std::string> text = ReadFileBounded(path, kNoReadLimit, error);
  if (text) content = std::move(*text);
  return text.has_value();
}

// The start of a file: enough to see its header.
std::string ReadHead(const fs::path& path) {
  std::string error;
  return ReadFileBounded(path, 4095, error).value_or("");
}

// The process's umask, read once during static initialisation, before any thread exists: umask() also sets
// it, so it must never run beside other threads.
const mode_t kUmask = [] {
  mode_t mask = ::umask(0);
  ::umask(mask);
  return mask;
}();

// A new name for a temp file beside `path`: ".<name>.trigc-" and six letters or digits, from the process id
// and a counter (cheaper than mkstemp's random names; a name taken already is skipped by O_EXCL).
std::string TempName(const fs::path& path) {
  static std::atomic<uint64_t> counter{0};
  static const char kDigits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  static const uint64_t pid = static_cast<uint64_t>(::getpid());  // a system call each time otherwise
  uint64_t n = (pid << 24) + counter++;
  n *= 0x9E3779B97F4A7C15ull;  // spreads consecutive numbers over the whole range
  std::string name = "." + path.filename().string() + ".trigc-";
  for (int i = 0; i < 6; ++i, n /= 62) name += kDigits[n % 62];
  return (path.parent_path() / name).string();
}

// Writes `content` to a new temp file beside `path` (named in `temp`), synced to disk when `sync` is set. The
// file gets mode 0644 (0755 when `executable`) whatever the umask.
bool WriteTemp(const fs::path& path, std::string_view content, bool executable, bool sync, std::string& temp,
               std::string& error) {
  const mode_t mode = executable ? 0755 : 0644;
  int fd = -1;
  for (int attempt = 0; fd < 0 && attempt < 100; ++attempt) {
    temp = TempName(path);
    fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
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
  if (!ok) ::unlink(temp.c_str());
  return ok;
}

bool Rename(const std::string& temp, const fs::path& path, std::string& error) {
  if (::rename(temp.c_str(), path.c_str()) == 0) return true;
  error = std::strerror(errno);
  ::unlink(temp.c_str());
  return false;
}

// Makes everything written to the file system holding `dir` durable: one syncfs instead of an fsync per file.
bool SyncFileSystem(const fs::path& dir, std::string& error) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  bool ok = fd >= 0 && ::syncfs(fd) == 0;
  if (!ok) error = std::strerror(errno);
  if (fd >= 0) ::close(fd);
  return ok;
}

void SyncDirectory(const fs::path& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

// ".<name>.trigc-XXXXXX": a temp file WriteTemp leaves behind when the process is killed before the rename.
bool IsTempFile(const std::string& name) {
  size_t mark = name.rfind(".trigc-");
  return name.size() > 1 && name[0] == '.' && mark != std::string::npos && mark > 0 &&
         name.size() == mark + 7 + 6;
}

bool ModeMatches(const fs::path& path, bool executable) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return false;
  return ((st.st_mode & 0111) != 0) == executable;
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

bool WriteReplacing(const fs::path& path, std::string_view content, bool sync, std::string& error) {
  std::string temp;
  return WriteTemp(path, content, false, sync, temp, error) && Rename(temp, path, error);
}

bool HasTrigcHeader(std::string_view text) {
  size_t end = 0;
  for (int line = 0; line < 3 && end != std::string_view::npos; ++line) end = text.find('\n', end + 1);
  return text.substr(0, end).find(kHeaderMark) != std::string_view::npos;
}

std::string ManifestText(std::vector<std::pair<std::string, size_t>> files, std::string_view build_key) {
  std::sort(files.begin(), files.end());
  std::string out =
      "# The files trigc generated in this folder (bytes, path). Written by `trigc build`: do not edit.\n";
  out += fmt::format("key {}\n", build_key);
  for (const auto& [path, bytes] : files) out += fmt::format("{} {}\n", bytes, path);
  return out;
}

std::string ManifestKey(std::string_view manifest) {
  size_t at = manifest.find("\nkey ");
  if (at == std::string_view::npos) return "";
  size_t end = manifest.find('\n', at + 1);
  return std::string(manifest.substr(at + 5, end == std::string_view::npos ? end : end - at - 5));
}

std::vector<ManifestEntry> ManifestFiles(std::string_view manifest) {
  std::vector<ManifestEntry> files;
  while (!manifest.empty()) {
    size_t end = manifest.find('\n');
    std::string_view line = manifest.substr(0, end);
    manifest.remove_prefix(end == std::string_view::npos ? manifest.size() : end + 1);
    size_t space = line.find(' ');
    if (line.empty() || line[0] < '0' || line[0] > '9' || space == std::string_view::npos) continue;
    ManifestEntry entry;
    for (char c : line.substr(0, space)) entry.bytes = entry.bytes * 10 + static_cast<uint64_t>(c - '0');
    entry.path = std::string(line.substr(space + 1));
    files.push_back(std::move(entry));
  }
  return files;
}

FolderOutput::FolderOutput(fs::path dir, bool write_now, DiagSink& sink)
    : dir_(std::move(dir)), write_now_(write_now), sink_(sink) {
  has_manifest_ = ReadFile(dir_ / kManifestName, old_manifest_);
  for (ManifestEntry& entry : ManifestFiles(old_manifest_)) listed_.insert(std::move(entry.path));
  // What is on disk before this build writes anything: the files it may have to remove (those it does not
  // generate again), and the temp files a killed build left.
  std::error_code ec;
  if (fs::symlink_status(dir_, ec).type() == fs::file_type::not_found) {
    listed_all_ = true;  // nothing there yet
    return;
  }
  if (!fs::is_directory(dir_, ec)) return;
  auto it = fs::recursive_directory_iterator(dir_, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::string name = it->path().filename().string();
    bool hidden = !name.empty() && name[0] == '.';
    std::string relative = it->path().lexically_relative(dir_).generic_string();
    if (!hidden) entries_.push_back(relative);
    if (it->is_directory(ec)) {
      if (hidden) it.disable_recursion_pending();
      continue;
    }
    if (hidden) {
      if (IsTempFile(name)) leftover_temps_.push_back(relative);
    } else if (it->is_regular_file(ec)) {
      existing_.push_back(relative);
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
    if (!w.temp.empty()) ::unlink(w.temp.c_str());
    w.temp.clear();
  }
  finished_ = true;
}

void FolderOutput::Add(Artifact a) {
  if (!IsSafeRelativePath(a.path) || a.path == kManifestName) {
    sink_.Report(Code::E0901, {}, fmt::format("refusing to write the artifact path {}", Quote(a.path)));
    ok_ = false;
    return;
  }
  files_.emplace_back(a.path, a.content.size());
  fs::path path = dir_ / a.path;
  PlannedWrite write{a.path, a.executable, false, {}, {}, {}};
  std::error_code ec;
  fs::file_status status = MayExist(a.path) ? fs::symlink_status(path, ec) : fs::file_status();
  if (fs::exists(status)) {
    write.exists = true;
    if (!fs::is_regular_file(status) || !ReadFile(path, write.old_content)) {
      sink_.Report(Code::E0901, {}, fmt::format("cannot read {}: not a regular file", Quote(path.string())));
      ok_ = false;
      return;
    }
    if (write.old_content == a.content && ModeMatches(path, a.executable)) {
      ++unchanged_;
      return;
    }
    if (!HasTrigcHeader(write.old_content) && listed_.count(a.path) == 0) {
      sink_
          .Report(Code::E0905, {},
                  fmt::format("{} exists and was not generated by trigc: refusing to overwrite it",
                              Quote(path.string())))
          .Help("move the file out of the output folder, or set another 'out:' for the target in trigc.yaml");
      ok_ = false;
      return;
    }
  }
  if (write_now_ && ok_) {
    write.old_content.clear();
    fs::path parent = path.parent_path();
    std::string error;
    if (folders_.insert(parent).second) {
      fs::create_directories(parent, ec);
      if (ec) error = ec.message();
    }
    if (error.empty() && WriteTemp(path, a.content, a.executable, false, write.temp, error)) {
      std::string().swap(a.content);  // frees it (assigning {} would keep the capacity)
    } else {
      sink_.Report(Code::E0901, {}, fmt::format("cannot write {}: {}", Quote(path.string()), error));
      ok_ = false;
      return;
    }
  }
  write.content = std::move(a.content);
  writes_.push_back(std::move(write));
}

bool FolderOutput::Finish(std::string_view build_key, OutputPlan& plan) {
  if (!ok_) {
    Abandon();
    return false;
  }
  finished_ = true;
  std::sort(files_.begin(), files_.end());  // by path: looked up below, listed so by the manifest
  for (std::string& relative : existing_) {
    auto generated = std::lower_bound(files_.begin(), files_.end(), std::make_pair(relative, size_t{0}),
                                      [](const auto& a, const auto& b) { return a.first < b.first; });
    if (generated != files_.end() && generated->first == relative) continue;
    if (HasTrigcHeader(ReadHead(dir_ / relative))) plan.removes.push_back(std::move(relative));
  }
  plan.temp_files = std::move(leftover_temps_);
  std::sort(plan.removes.begin(), plan.removes.end());
  std::sort(plan.temp_files.begin(), plan.temp_files.end());
  plan.files = files_.size();
  plan.unchanged = unchanged_;
  plan.manifest = ManifestText(std::move(files_), build_key);
  plan.manifest_changed = !has_manifest_ || old_manifest_ != plan.manifest;
  plan.writes = std::move(writes_);
  return true;
}

bool ApplyPlan(const fs::path& dir, const OutputPlan& plan, DiagSink& sink) {
  std::set<fs::path> touched;
  std::vector<std::pair<std::string, fs::path>> temps;  // temp file, its final path
  auto fail = [&](const fs::path& path, const std::string& error) {
    sink.Report(Code::E0901, {}, fmt::format("cannot write {}: {}", Quote(path.string()), error));
    return false;
  };
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return fail(dir, ec.message());
  for (const PlannedWrite& w : plan.writes) {
    temps.emplace_back(w.temp, dir / w.path);
    touched.insert((dir / w.path).parent_path());
  }
  // Every new file's data reaches the disk before any rename makes it visible: a crash leaves each file old
  // or new, never partial (the temp files it may leave are removed by the next build).
  std::string sync_error;
  if (!temps.empty() && !SyncFileSystem(dir, sync_error)) {
    for (const auto& [written, target] : temps) ::unlink(written.c_str());
    return fail(dir, sync_error);
  }
  for (size_t i = 0; i < temps.size(); ++i) {
    std::string error;
    if (!Rename(temps[i].first, temps[i].second, error)) {
      for (size_t j = i + 1; j < temps.size(); ++j) ::unlink(temps[j].first.c_str());
      return fail(temps[i].second, error);
    }
  }
  for (const std::string& relative : plan.removes) {
    fs::path path = dir / relative;
    if (!fs::remove(path, ec) && ec) return fail(path, ec.message());
    // Folders the removal leaves empty go too, up to (not including) the output folder.
    for (fs::path parent = path.parent_path(); parent != dir && fs::is_empty(parent, ec) && !ec;
         parent = parent.parent_path()) {
      fs::remove(parent, ec);
    }
    touched.insert(path.parent_path());
  }
  for (const std::string& relative : plan.temp_files) fs::remove(dir / relative, ec);
  for (const fs::path& parent : touched) SyncDirectory(parent);
  if (plan.manifest_changed) {
    std::string error;
    if (!WriteReplacing(dir / kManifestName, plan.manifest, true, error))
      return fail(dir / kManifestName, error);
    SyncDirectory(dir);
  } else {
    // Same content: only the mtime moves, recording that every file was verified now (the no-op fast path
    // trusts files no newer than their manifest, e.g. after a fresh clone).
    ::utimensat(AT_FDCWD, (dir / kManifestName).c_str(), nullptr, 0);
  }
  return true;
}

}  // namespace trigc::emit
