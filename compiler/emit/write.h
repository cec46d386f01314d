// Writing artifacts: each file atomically (temp file in the same folder, fsync, rename) and only when its
// content changed, so unchanged files keep their mtime and nothing ever sees half a file.
#pragma once

#include <filesystem>
#include <vector>

#include "compiler/diag/diagnostic.h"
#include "compiler/emit/emitter.h"

namespace trigc::emit {

/// What a write did.
struct WriteResult {
  size_t written = 0;
  size_t unchanged = 0;
};

/// True for a relative path of `[A-Za-z0-9._-]+` components, none of them `.` or `..`.
bool IsSafeRelativePath(const std::string& path);

/// Writes `artifacts` below `dir`. Reports E0901 (I/O failure, or a path that is not safe) and returns false.
bool WriteArtifacts(const std::filesystem::path& dir, const std::vector<Artifact>& artifacts, DiagSink& sink,
                    WriteResult& result);

}  // namespace trigc::emit
