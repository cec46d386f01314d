#include "compiler/driver/build_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>
#include <tuple>

#include <fmt/format.h>

#include "compiler/driver/recorded_warnings.h"

namespace trigc::driver {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kLockName = "lock";

// One lock file to take: its descriptor, identity (the order locks are taken in) and where it is.
struct LockFile {
  emit::Fd fd;
  dev_t dev = 0;
  ino_t ino = 0;
  std::string root;
  std::string path;
};

// Opens the lock file of the project at `root`: false with `error` set on a symbolic link; `file.fd` stays -1
// (with `error` saying why) when there is nothing to lock.
bool OpenLockFile(const fs::path& root, LockKind kind, LockFile& file, emit::PathError& error) {
  emit::SafeTree cache(root, std::string(kCacheFolderName));
  int dir = OpenCacheFolder(cache, kind == LockKind::kExclusive, error);
  if (dir < 0) return error.problem != emit::PathProblem::kSymlink;
  int flags = O_NOFOLLOW | O_CLOEXEC | (kind == LockKind::kExclusive ? O_RDWR | O_CREAT : O_RDONLY);
  int fd = ::openat(dir, std::string(kLockName).c_str(), flags, 0644);
  struct stat st;
  if (fd < 0) {
    int err = errno;
    bool link = err == ELOOP || (emit::StatAt(dir, std::string(kLockName), st) && S_ISLNK(st.st_mode));
    error = {link ? emit::PathProblem::kSymlink
                  : (err == ENOENT ? emit::PathProblem::kMissing : emit::PathProblem::kOther),
             cache.Display(std::string(kLockName)), std::strerror(err)};
    return !link;
  }
  file.fd = emit::Fd(fd);
  if (::fstat(fd, &st) == 0) std::tie(file.dev, file.ino) = std::make_tuple(st.st_dev, st.st_ino);
  file.root = root.generic_string();
  file.path = cache.Display(std::string(kLockName));
  return true;
}

int Operation(LockKind kind) { return kind == LockKind::kExclusive ? LOCK_EX : LOCK_SH; }

bool TryFlock(int fd, int operation) {
  while (::flock(fd, operation | LOCK_NB) != 0) {
    if (errno != EINTR) return false;
  }
  return true;
}

// Waits for a busy lock: a second of polling, then one message, then a blocking flock.
bool WaitFlock(const LockFile& file, LockKind kind, const LockWait& wait) {
  for (int i = 0; i < 50; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    if (TryFlock(file.fd.get(), Operation(kind))) return true;
  }
  if (wait.waiting)
    wait.waiting(fmt::format("waiting for another `trigc build` of {} to finish (it holds {})",
                             Quote(file.root), Quote(file.path)));
  while (::flock(file.fd.get(), Operation(kind)) != 0) {
    if (errno != EINTR) return false;
  }
  return true;
}

}  // namespace

bool BuildLocks::Lock(const std::vector<fs::path>& roots, LockKind kind, const LockWait& wait,
                      DiagSink& sink) {
  std::vector<LockFile> files;
  for (const fs::path& root : roots) {
    LockFile file;
    emit::PathError error;
    if (!OpenLockFile(root, kind, file, error)) {
      sink.Report(Code::E0915, {},
                  fmt::format("{} is a symbolic link: trigc does not write through symbolic links",
                              Quote(error.at)))
          .Help("remove the link: trigc makes its cache folder itself");
      return false;
    }
    if (file.fd.get() >= 0) files.push_back(std::move(file));
  }
  // One order for every process, so two builds of overlapping sets of projects never wait for each other.
  std::sort(files.begin(), files.end(), [](const LockFile& a, const LockFile& b) {
    return std::tie(a.dev, a.ino) < std::tie(b.dev, b.ino);
  });
  for (size_t i = 0; i < files.size(); ++i) {
    const LockFile& file = files[i];
    // The same file twice (one project reached by two paths): locked once, as a second open file would
    // wait for the first forever.
    if (i > 0 && file.dev == files[i - 1].dev && file.ino == files[i - 1].ino) continue;
    bool locked = TryFlock(file.fd.get(), Operation(kind));
    if (!locked && errno == EWOULDBLOCK && !wait.wait) {
      sink.Report(Code::E0916, {},
                  fmt::format("another `trigc build` of {} is running: it holds {}", Quote(file.root),
                              Quote(file.path)))
          .Help("wait for it to finish, or leave out --no-wait to wait for it");
      return false;
    }
    if (!locked && errno == EWOULDBLOCK) locked = WaitFlock(file, kind, wait);
    if (!locked) continue;  // a file system without flock: as without a cache
    held_.push_back(std::move(files[i].fd));
  }
  return true;
}

bool BuildLocks::TryShared(const fs::path& root) {
  LockFile file;
  emit::PathError error;
  if (!OpenLockFile(root, LockKind::kShared, file, error)) return false;
  if (file.fd.get() < 0) return error.problem == emit::PathProblem::kMissing;
  if (!TryFlock(file.fd.get(), LOCK_SH)) return false;
  held_.push_back(std::move(file.fd));
  return true;
}

}  // namespace trigc::driver
