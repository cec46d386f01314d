#include "compiler/source/confined_root.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <climits>
#include <cstring>
#include <deque>
#include <optional>
#include <vector>

#if defined(__linux__) && defined(SYS_openat2)
#include <linux/openat2.h>
#define TRIGC_HAVE_OPENAT2 1
#endif

namespace trigc {

namespace fs = std::filesystem;

UniqueFd& UniqueFd::operator=(UniqueFd&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = other.Release();
  }
  return *this;
}

UniqueFd::~UniqueFd() {
  if (fd_ >= 0) ::close(fd_);
}

int UniqueFd::Release() {
  int fd = fd_;
  fd_ = -1;
  return fd;
}

namespace {

// The symlinks one open may pass through, as Linux allows (MAXSYMLINKS).
constexpr int kMaxSymlinks = 40;

// Cleared when openat2 turns out to be missing, and by tests.
std::atomic<bool> use_openat2{true};

Opened Failure(OpenStatus status, int error = 0) {
  Opened opened;
  opened.status = status;
  opened.error = error;
  return opened;
}

Opened FromErrno(int error) {
  switch (error) {
    case EXDEV:
      return Failure(OpenStatus::kOutside);
    case ENOENT:
      return Failure(OpenStatus::kMissing);
    case ENOTDIR:
      return Failure(OpenStatus::kWrongType);
    case ELOOP:
      return Failure(OpenStatus::kLoop);
    default:
      return Failure(OpenStatus::kFailed, error);
  }
}

// Flags of the final open. A file is opened without blocking, so that a FIFO named config.yaml does not wait
// for a writer before fstat shows it is not a regular file, and never becomes the controlling terminal.
int FinalFlags(bool folder) { return O_RDONLY | O_CLOEXEC | (folder ? O_DIRECTORY : O_NOCTTY | O_NONBLOCK); }

// The descriptor when it is what was asked for (a regular file, or a folder).
Opened Checked(UniqueFd fd, bool folder) {
  struct stat st;
  if (::fstat(fd.get(), &st) != 0) return Failure(OpenStatus::kFailed, errno);
  if (folder ? !S_ISDIR(st.st_mode) : !S_ISREG(st.st_mode)) return Failure(OpenStatus::kWrongType);
  // O_NONBLOCK stays: it changes nothing for a regular file, and clearing it would cost two system calls a
  // file.
  Opened opened;
  opened.fd = std::move(fd);
  opened.status = OpenStatus::kOk;
  opened.dev = st.st_dev;
  opened.ino = st.st_ino;
  opened.size = static_cast<size_t>(st.st_size);
  return opened;
}

std::deque<std::string> Parts(const fs::path& path) {
  std::deque<std::string> parts;
  for (const fs::path& part : path) parts.push_back(part.string());
  return parts;
}

// The target of the symlink `name` in folder `at`, or nothing when it is not a symlink.
std::optional<std::string> LinkTarget(int at, const std::string& name) {
  std::string target(PATH_MAX, '\0');
  ssize_t n = ::readlinkat(at, name.c_str(), target.data(), target.size());
  if (n < 0 || static_cast<size_t>(n) >= target.size()) return std::nullopt;
  target.resize(static_cast<size_t>(n));
  return target;
}

// The user-space walk: each component opened with O_NOFOLLOW relative to the folder opened before it; a
// symlink is read and its target's parts take its place; `..` returns to the folder opened before (never
// above the root, which is not on `stack`).
Opened Walk(int root, const fs::path& relative, bool folder) {
  std::vector<UniqueFd> stack;
  std::deque<std::string> parts = Parts(relative);
  int links = 0;
  while (!parts.empty()) {
    std::string part = std::move(parts.front());
    parts.pop_front();
    if (part.empty() || part == ".") continue;
    if (part == "/") return Failure(OpenStatus::kOutside);
    if (part == "..") {
      if (stack.empty()) return Failure(OpenStatus::kOutside);
      stack.pop_back();
      continue;
    }
    int at = stack.empty() ? root : stack.back().get();
    bool file = parts.empty() && !folder;
    UniqueFd fd(::openat(at, part.c_str(), (file ? FinalFlags(false) : FinalFlags(true)) | O_NOFOLLOW));
    if (fd.get() >= 0) {
      if (file) return Checked(std::move(fd), false);
      stack.push_back(std::move(fd));
      continue;
    }
    int error = errno;
    std::optional<std::string> target =
        error == ELOOP || error == ENOTDIR ? LinkTarget(at, part) : std::nullopt;
    if (!target) return FromErrno(error);
    if (++links > kMaxSymlinks) return Failure(OpenStatus::kLoop);
    if (!target->empty() && (*target)[0] == '/') return Failure(OpenStatus::kOutside);
    std::deque<std::string> expanded = Parts(*target);
    parts.insert(parts.begin(), expanded.begin(), expanded.end());
  }
  if (!folder) return Failure(OpenStatus::kWrongType);  // the path ends in a folder ("", ".", "..")
  UniqueFd fd(::openat(stack.empty() ? root : stack.back().get(), ".", FinalFlags(true)));
  if (fd.get() < 0) return FromErrno(errno);
  return Checked(std::move(fd), true);
}

#ifdef TRIGC_HAVE_OPENAT2
// openat2 with RESOLVE_BENEATH; nothing when the kernel cannot do it (then the walk runs instead).
std::optional<Opened> Openat2(int root, const fs::path& relative, bool folder) {
  struct open_how how;
  std::memset(&how, 0, sizeof how);
  how.flags = static_cast<uint64_t>(FinalFlags(folder));
  how.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS;
  const char* path = relative.empty() ? "." : relative.c_str();
  for (int attempt = 0; attempt < 8; ++attempt) {
    long fd = ::syscall(SYS_openat2, root, path, &how, sizeof how);
    if (fd >= 0) return Checked(UniqueFd(static_cast<int>(fd)), folder);
    if (errno == EAGAIN || errno == EINTR) continue;  // a rename meanwhile: the kernel asks to try again
    if (errno == ENOSYS || errno == EPERM || errno == E2BIG || errno == EINVAL) {
      use_openat2 = false;  // not on this kernel (or refused by a seccomp filter)
      return std::nullopt;
    }
    return FromErrno(errno);
  }
  return std::nullopt;
}
#endif

}  // namespace

ConfinedRoot::ConfinedRoot(const fs::path& dir)
    : fd_(::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)) {
  if (fd_.get() < 0) error_ = errno;
}

Opened ConfinedRoot::OpenFile(const fs::path& relative) const { return Open(relative, false); }

Opened ConfinedRoot::OpenFolder(const fs::path& relative) const { return Open(relative, true); }

Opened ConfinedRoot::Open(const fs::path& relative, bool folder) const {
  if (!ok()) return Failure(OpenStatus::kFailed, error_);
  if (relative.is_absolute()) return Failure(OpenStatus::kOutside);
#ifdef TRIGC_HAVE_OPENAT2
  if (use_openat2) {
    if (std::optional<Opened> opened = Openat2(fd_.get(), relative, folder)) return std::move(*opened);
  }
#endif
  return Walk(fd_.get(), relative, folder);
}

void ConfinedRoot::UseOpenat2ForTesting(bool use) { use_openat2 = use; }

std::string Describe(const Opened& opened, bool folder) {
  switch (opened.status) {
    case OpenStatus::kOk:
      return "opened";
    case OpenStatus::kOutside:
      return "leads outside the project through a symlink";
    case OpenStatus::kMissing:
      return "does not exist";
    case OpenStatus::kWrongType:
      return folder ? "is not a folder" : "is not a regular file";
    case OpenStatus::kLoop:
      return "goes through too many symlinks (a loop)";
    case OpenStatus::kFailed:
      break;
  }
  return std::strerror(opened.error);
}

}  // namespace trigc
