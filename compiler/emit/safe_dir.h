// Folders trigc writes into, reached without following symbolic links. The base folder (the project root, or
// the --out folder: paths the user gave) is opened as any path is; below it every component is opened with
// openat(O_NOFOLLOW | O_DIRECTORY) from its parent's descriptor, and files are read, written, renamed and
// removed relative to their folder's descriptor. So a symbolic link in a checkout (an `out:` folder, a folder
// inside it, a generated file, the cache folder) is refused instead of followed, and no check-then-open race
// can swap a folder for a link between the check and the write (docs/hardening.md).
#pragma once

#include <sys/stat.h>

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace trigc::emit {

/// An open file descriptor (or -1), closed when destroyed.
class Fd {
 public:
  Fd() = default;
  /// Takes ownership of `fd`.
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd();
  Fd(Fd&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  Fd& operator=(Fd&& other) noexcept;
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  /// The descriptor, or -1.
  int get() const { return fd_; }

 private:
  int fd_ = -1;
};

/// Why a path could not be used.
enum class PathProblem {
  kNone,
  kMissing,  ///< a component does not exist (and was not to be created)
  kSymlink,  ///< a component is a symbolic link
  kOther,    ///< not a folder, no permission, ...: see `message`
};

/// What went wrong with a path, and where.
struct PathError {
  PathProblem problem = PathProblem::kNone;
  std::string at;       ///< the display path of the component it stopped at
  std::string message;  ///< strerror() text
};

/// One folder trigc writes into: `relative` (components without `.` or `..`) below the trusted `base`. Its
/// folders are opened on demand, each once, and kept open until the tree is destroyed.
class SafeTree {
 public:
  SafeTree(std::filesystem::path base, std::string relative);
  SafeTree(const SafeTree&) = delete;
  SafeTree& operator=(const SafeTree&) = delete;

  /// The descriptor of `folder` ("" for the tree's own folder, else a path relative to it), or -1 with
  /// `error` set. With `create`, missing folders (the tree's own included) are made with mode 0755 and
  /// remembered for RemoveCreated().
  int Folder(const std::string& folder, bool create, PathError& error);
  /// The path of `relative` (a path inside the tree) to show users: base/relative_of_tree/relative.
  std::string Display(const std::string& relative) const;
  /// The tree's own folder as a path.
  const std::filesystem::path& path() const { return dir_; }
  /// Removes the folders Folder() created, deepest first, each only when empty (nothing is left of a build
  /// that did not happen).
  void RemoveCreated();

 private:
  /// Opens (or creates) `key`, a path relative to the base, from the deepest folder already open.
  int Open(const std::string& key, bool create, PathError& error);
  std::filesystem::path base_;
  std::string relative_;
  std::filesystem::path dir_;
  std::map<std::string, Fd> open_;    ///< by path relative to the base ("" the base itself)
  std::vector<std::string> created_;  ///< relative to the base, in creation order
};

/// The folder part of a relative path ("" for a name alone) and its last component.
std::pair<std::string, std::string> SplitPath(const std::string& relative);

/// lstat of `name` in folder `dir`; false (errno set) when it cannot be had.
bool StatAt(int dir, const std::string& name, struct stat& st);

/// Reads at most `limit` bytes of the regular file `name` in `dir` without following a symbolic link
/// (kSymlink when it is one). False with `error` set.
bool ReadAt(int dir, const std::string& name, size_t limit, std::string& content, PathError& error);

/// Writes `content` to a new temp file (emit/temp_files.h) for `name` in `dir`, named in `temp`; mode 0644
/// (0755 when `executable`) whatever the umask, fsync-ed when `sync` is set. False with `error` set.
bool WriteTempAt(int dir, std::string_view name, std::string_view content, bool executable, bool sync,
                 std::string& temp, std::string& error);

/// Replaces `name` in `dir` with `content` atomically (WriteTempAt, then a rename). A symbolic link named
/// `name` is replaced itself, never followed. False with `error` set.
bool WriteReplacingAt(int dir, const std::string& name, std::string_view content, bool sync,
                      std::string& error);

}  // namespace trigc::emit
