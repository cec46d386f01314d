// Writing a target's output folder: plan what changes (new, changed and no-longer-generated files), then
// apply the plan with atomic writes (temp file in the same folder, fsync, rename) and only where content
// changed, so unchanged files keep their mtime and nothing ever sees half a file. A file is removed only when
// it carries trigc's header; a file a person wrote is never overwritten or removed.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "compiler/diag/diagnostic.h"
#include "compiler/emit/emitter.h"

namespace trigc::emit {

/// The file in each output folder that lists what trigc generated there.
inline constexpr std::string_view kManifestName = ".trigc-manifest";

/// One file a build writes.
struct PlannedWrite {
  const Artifact* artifact = nullptr;
  bool exists = false;      ///< false: a new file
  std::string old_content;  ///< the file on disk, when it exists
};

/// What a build changes in one output folder.
struct OutputPlan {
  std::vector<PlannedWrite> writes;     ///< new or changed files, in artifact order
  std::vector<std::string> removes;     ///< files with trigc's header that are no longer generated (sorted)
  std::vector<std::string> temp_files;  ///< temp files left by an interrupted build (sorted)
  size_t unchanged = 0;                 ///< artifacts already on disk as they should be
  std::string manifest;                 ///< the new manifest text
  bool manifest_changed = false;        ///< the manifest on disk differs (or is missing)
  /// True when the folder already is what the build would make of it (temp files aside).
  bool up_to_date() const { return writes.empty() && removes.empty() && !manifest_changed; }
};

/// True when `dir` (or a folder below it that is not hidden) holds a `.<name>.trigc-XXXXXX` temp file, left
/// by a build that was killed before renaming it.
bool HasTempFiles(const std::filesystem::path& dir);

/// True for a relative path of `[A-Za-z0-9._-]+` components, none of them `.` or `..`.
bool IsSafeRelativePath(const std::string& path);

/// True when `text` starts like a file trigc generated: its header mark within the first three lines.
bool HasTrigcHeader(std::string_view text);

/// The manifest of a folder holding `artifacts`: a comment, the build key, then one "<bytes> <path>" line per
/// file, sorted by path.
std::string ManifestText(const std::vector<Artifact>& artifacts, std::string_view build_key);

/// The build key recorded in a manifest's text ("" when there is none).
std::string ManifestKey(std::string_view manifest);

/// One file a manifest lists.
struct ManifestEntry {
  uint64_t bytes = 0;
  std::string path;
};

/// The files a manifest's text lists.
std::vector<ManifestEntry> ManifestFiles(std::string_view manifest);

/// Compares `artifacts` with `dir`. Reports E0901 (a path that is not safe, an unreadable file) or E0905 (an
/// artifact would overwrite a file trigc did not generate) and returns false.
bool PlanOutput(const std::filesystem::path& dir, const std::vector<Artifact>& artifacts,
                std::string_view build_key, DiagSink& sink, OutputPlan& plan);

/// Carries out `plan` below `dir`: writes, removals (and folders they leave empty), temp file clean-up, then
/// the manifest. Reports E0901 and returns false on the first failure; files already written stay complete.
bool ApplyPlan(const std::filesystem::path& dir, const OutputPlan& plan, DiagSink& sink);

}  // namespace trigc::emit
