// Opening paths of a project without leaving it: the one way trigc opens the files and folders it reads.
//
// Rule (docs/hardening.md, "Reading only inside the project"): a path below the root is opened one component
// at a time, each relative to the folder already opened, so no rename or symlink swapped in meanwhile can
// lead elsewhere. A symlink on the way is followed when its target is relative and stays below the root; an
// absolute target, or one whose `..` parts climb above the root, makes the open fail with kOutside before
// anything outside is opened. `..` is taken physically (the parent of the folder the symlink is in), as the
// kernel does. Linux's openat2(RESOLVE_BENEATH) does exactly this in one call; where it is missing (kernels
// before 5.6, a seccomp filter that refuses it) the same walk runs in user space with O_NOFOLLOW on every
// component.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>

namespace trigc {

/// A file descriptor, closed when destroyed.
class UniqueFd {
 public:
  UniqueFd() = default;
  explicit UniqueFd(int fd) : fd_(fd) {}
  UniqueFd(UniqueFd&& other) noexcept : fd_(other.Release()) {}
  UniqueFd& operator=(UniqueFd&& other) noexcept;
  UniqueFd(const UniqueFd&) = delete;
  UniqueFd& operator=(const UniqueFd&) = delete;
  ~UniqueFd();
  /// The descriptor, or -1.
  int get() const { return fd_; }
  /// Gives up ownership of the descriptor.
  int Release();

 private:
  int fd_ = -1;
};

/// Why a path below a root could not be opened.
enum class OpenStatus {
  kOk,
  kOutside,    ///< a symlink on the way is absolute or climbs above the root: nothing outside was opened
  kMissing,    ///< a part of the path does not exist (a dangling symlink, a file removed meanwhile)
  kWrongType,  ///< not a regular file (or not a folder), or a part on the way is not a folder
  kLoop,       ///< more than 40 symlinks on the way
  kFailed,     ///< any other error: `error` holds the errno (permissions, I/O, a name too long)
};

/// What an open returns: the descriptor when kOk.
struct Opened {
  UniqueFd fd;
  OpenStatus status = OpenStatus::kFailed;
  int error = 0;  ///< errno for kFailed
  dev_t dev = 0;  ///< device and inode of what was opened, when kOk
  ino_t ino = 0;
  size_t size = 0;  ///< its size in bytes, when kOk
};

/// A folder that opens are confined to. Safe to share between threads once constructed.
class ConfinedRoot {
 public:
  /// Opens `dir` (the user named it: it may itself be reached through symlinks).
  explicit ConfinedRoot(const std::filesystem::path& dir);
  /// True when the root folder could be opened; else `error()` holds the errno.
  bool ok() const { return fd_.get() >= 0; }
  /// The errno of opening the root.
  int error() const { return error_; }
  /// Opens the regular file at `relative` (no leading '/') for reading.
  Opened OpenFile(const std::filesystem::path& relative) const;
  /// Opens the folder at `relative` ("" or "." for the root itself) for listing.
  Opened OpenFolder(const std::filesystem::path& relative) const;

  /// Tests only: false makes every open take the user-space walk, as on a kernel without openat2.
  static void UseOpenat2ForTesting(bool use);

 private:
  Opened Open(const std::filesystem::path& relative, bool folder) const;
  UniqueFd fd_;
  int error_ = 0;
};

/// A short reason for a failed open, for a diagnostic ("is a symlink that leads outside the project", ...).
std::string Describe(const Opened& opened, bool folder);

}  // namespace trigc
