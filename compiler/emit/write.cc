#include "compiler/emit/write.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

namespace trigc::emit {

namespace fs = std::filesystem;

namespace {

bool SameContent(const fs::path& path, const std::string& content) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream existing;
  existing << in.rdbuf();
  return existing.str() == content;
}

// Writes to a new temp file beside `path`, syncs it and renames it over `path`.
bool AtomicWrite(const fs::path& path, const std::string& content, bool executable, std::string& error) {
  std::string temp = (path.parent_path() / ("." + path.filename().string() + ".trigc-XXXXXX")).string();
  int fd = ::mkstemp(temp.data());
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
  ok = ok && ::fchmod(fd, executable ? 0755 : 0644) == 0 && ::fsync(fd) == 0;
  if (!ok) error = std::strerror(errno);
  ok = ::close(fd) == 0 && ok;
  if (ok && ::rename(temp.c_str(), path.c_str()) != 0) {
    error = std::strerror(errno);
    ok = false;
  }
  if (!ok) ::unlink(temp.c_str());
  return ok;
}

void SyncDirectory(const fs::path& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

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

bool WriteArtifacts(const fs::path& dir, const std::vector<Artifact>& artifacts, DiagSink& sink,
                    WriteResult& result) {
  for (const Artifact& a : artifacts) {
    if (!IsSafeRelativePath(a.path)) {
      sink.Report(Code::E0901, {}, fmt::format("refusing to write the artifact path {}", Quote(a.path)));
      return false;
    }
  }
  for (const Artifact& a : artifacts) {
    fs::path path = dir / a.path;
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    if (ec) {
      sink.Report(Code::E0901, {},
                  fmt::format("cannot create {}: {}", Quote(path.parent_path().string()), ec.message()));
      return false;
    }
    if (SameContent(path, a.content)) {
      ++result.unchanged;
      continue;
    }
    std::string error;
    if (!AtomicWrite(path, a.content, a.executable, error)) {
      sink.Report(Code::E0901, {}, fmt::format("cannot write {}: {}", Quote(path.string()), error));
      return false;
    }
    SyncDirectory(path.parent_path());
    ++result.written;
  }
  return true;
}

}  // namespace trigc::emit
