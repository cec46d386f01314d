// Applying a target's plan all or nothing. Every file the build replaces first gets a hard link under a temp
// name (a backup that costs no copy), every file it prunes is renamed to one; only then are the new files
// renamed into place, the manifest last. When any step fails (an immutable file, a folder made read-only, a
// name taken meanwhile), the steps already done are undone in reverse, so the folder holds its old files and
// old manifest again; when even that fails, the error says which files are new and which old, and the next
// build converges. A crash (SIGKILL, power cut) still leaves each file whole, old or new (docs/build.md).
#pragma once

#include "compiler/diag/diagnostic.h"
#include "compiler/emit/safe_dir.h"
#include "compiler/emit/write.h"

namespace trigc::emit {

/// Carries out the plan of a FolderOutput that wrote its temp files (`write_now`) in `tree`: the manifest's
/// temp file, one syncfs, the backups, the removals, the renames, then the manifest; then backups and
/// leftover temp files (of builds that no longer run) are removed and the folders fsync-ed. Reports E0901
/// and returns false on the first failure, with the folder as it was (or, when it cannot be put back, a
/// note naming the files left new).
bool ApplyPlan(SafeTree& tree, const OutputPlan& plan, DiagSink& sink);

}  // namespace trigc::emit
