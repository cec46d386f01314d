// The build lock: a `trigc build` holds an exclusive flock(2) on `.trigc_cache/lock` of each project it
// builds, from before it lists the output folders until it has written them and the warnings record, so two
// builds of one project run one after the other; the second plans only once the first is done. `--check` and
// `--dry-run` take it shared (only when it exists: they create nothing), so they never see a build half
// done, and the no-op fast path takes it shared without waiting, or leaves the decision to the full build.
// The lock belongs to the open file: it goes when the process ends, killed or not (docs/build.md).
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "compiler/diag/diagnostic.h"
#include "compiler/emit/safe_dir.h"

namespace trigc::driver {

/// How a build holds the lock.
enum class LockKind {
  kExclusive,  ///< `trigc build`: creates the cache folder and the lock file when missing
  kShared,     ///< `--check`, `--dry-run`: only a lock file that exists
};

/// What to do when another build holds a lock.
struct LockWait {
  bool wait = true;  ///< false (--no-wait): E0916 at once
  /// Called once per busy lock, when it has been waited for one second, with what is being waited for.
  std::function<void(const std::string& message)> waiting;
};

/// The locks a command holds, released when destroyed.
class BuildLocks {
 public:
  /// Locks the cache folder of each of `roots` (project roots), in one order for every process (device and
  /// inode of the lock file), each file once. Reports E0915 when a cache folder or its lock file is a
  /// symbolic link, E0916 when a lock is busy and `wait.wait` is false; returns false then. A cache folder
  /// that cannot be made (a read-only checkout built with --out elsewhere) is not locked, as it gets no
  /// warnings record either.
  bool Lock(const std::vector<std::filesystem::path>& roots, LockKind kind, const LockWait& wait,
            DiagSink& sink);
  /// Takes the lock of the project at `root` shared, without waiting and without creating anything: false
  /// when a build holds it or the cache folder or lock file is a symbolic link. True when there is no lock
  /// file.
  bool TryShared(const std::filesystem::path& root);

 private:
  std::vector<emit::Fd> held_;
};

}  // namespace trigc::driver
