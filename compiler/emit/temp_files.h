// Temp files of a build: each new file is written to `.<name>.trigc-<pid>-XXXXXX` beside its final path and
// renamed over it. The name records the process that wrote it, so a build removes only the temp files of
// processes that no longer exist, never those of a build still running (docs/build.md).
#pragma once

#include <sys/types.h>
#include <string>
#include <string_view>

namespace trigc::emit {

/// A new temp file name for the file `name` (a name, not a path): `.<name>.trigc-<pid>-XXXXXX`, the six
/// letters or digits from a counter, so two calls never give the same name within a process.
std::string TempName(std::string_view name);

/// True for a temp file name: `.<name>.trigc-<pid>-XXXXXX`, or `.<name>.trigc-XXXXXX` as trigc named them
/// before the process id was part of the name.
bool IsTempFile(std::string_view name);

/// The process id a temp file name records; 0 for a name without one (or that is not a temp file name).
pid_t TempFileOwner(std::string_view name);

/// True when the temp file `name` was left by a process that no longer exists: its process id is not running,
/// or it records none. The caller lists a folder before writing into it, so a temp file bearing this
/// process's own id is a leftover of an earlier process that had the same id. A process of another pid
/// namespace (another container sharing the folder) looks gone: such builds must not share an output folder.
bool IsLeftoverTemp(std::string_view name);

}  // namespace trigc::emit
