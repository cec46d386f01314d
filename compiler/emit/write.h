// Writing a target's output folder: plan what changes (new, changed and no-longer-generated files), then
// apply the plan with atomic writes (temp file in the same folder, fsync, rename) and only where content
// changed, so unchanged files keep their mtime and nothing ever sees half a file. A file is removed only when
// it carries trigc's header; a file a person wrote is never overwritten or removed.
#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "compiler/diag/diagnostic.h"
#include "compiler/emit/emitter.h"

namespace trigc::emit {

/// The file in each output folder that lists what trigc generated there.
inline constexpr std::string_view kManifestName = ".trigc-manifest";

/// One file a build writes.
struct PlannedWrite {
  std::string path;  ///< relative to the output folder
  bool executable = false;
  bool exists = false;      ///< false: a new file
  std::string content;      ///< the new content; empty once written to `temp`
  std::string old_content;  ///< the file on disk, when it exists (kept only when not writing at once)
  std::string temp;         ///< the temp file already holding the new content, if any
};

/// What a build changes in one output folder.
struct OutputPlan {
  size_t files = 0;                     ///< every artifact of the folder
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

/// Replaces `path` with `content` atomically (a temp file beside it, fsync-ed when `sync` is set, then a
/// rename): a reader sees the old file or the new one. Mode 0644 whatever the umask. False with `error` set.
bool WriteReplacing(const std::filesystem::path& path, std::string_view content, bool sync,
                    std::string& error);

/// True when `text` starts like a file trigc generated: its header mark within the first three lines.
bool HasTrigcHeader(std::string_view text);

/// The manifest of a folder holding `files` (path, bytes): a comment, the build key, then one "<bytes>
/// <path>" line per file, sorted by path.
std::string ManifestText(std::vector<std::pair<std::string, size_t>> files, std::string_view build_key);

/// The build key recorded in a manifest's text ("" when there is none).
std::string ManifestKey(std::string_view manifest);

/// One file a manifest lists.
struct ManifestEntry {
  uint64_t bytes = 0;
  std::string path;
};

/// The files a manifest's text lists.
std::vector<ManifestEntry> ManifestFiles(std::string_view manifest);

/// Plans one output folder artifact by artifact, as an emitter produces them, so a build never holds a whole
/// target's output. Each artifact is compared with the file on disk at once: an unchanged one is only
/// counted; a changed or new one is kept for the plan, or, when `write_now` is set, written to a temp file
/// beside its final path straight away and only its name kept. Nothing becomes visible before ApplyPlan
/// renames the temp files; Abandon() (or a failed plan) removes them.
class FolderOutput {
 public:
  FolderOutput(std::filesystem::path dir, bool write_now, DiagSink& sink);
  ~FolderOutput();
  FolderOutput(const FolderOutput&) = delete;
  FolderOutput& operator=(const FolderOutput&) = delete;

  /// Plans one artifact. Reports E0901 (a path that is not safe, an unreadable or unwritable file) or E0905
  /// (the artifact would overwrite a file trigc did not generate); after a failure nothing more is written.
  void Add(Artifact artifact);
  /// The plan of the folder: the writes so far, files no longer generated, leftover temp files, the manifest.
  /// Returns false (removing the temp files written) when an Add() failed.
  bool Finish(std::string_view build_key, OutputPlan& plan);
  /// Removes the temp files written so far: the build stopped before the folder was planned.
  void Abandon();

 private:
  std::filesystem::path dir_;
  bool write_now_;
  DiagSink& sink_;
  bool ok_ = true;
  std::set<std::string> listed_;  ///< what the previous build generated here (its manifest)
  std::string old_manifest_;
  bool has_manifest_ = false;
  std::vector<std::string> existing_;  ///< files on disk before the build (not hidden), relative
  /// every entry on disk before the build (not hidden, of any type), relative, sorted: an artifact path not
  /// in it is new, and needs no lstat
  std::vector<std::string> entries_;
  bool listed_all_ = false;  ///< entries_ is complete (the folder was listed without error, or is absent)
  /// False when `relative` was not on disk before the build (per entries_); true when it was or may be.
  bool MayExist(const std::string& relative) const;
  std::vector<std::string> leftover_temps_;  ///< temp files on disk before the build, relative
  /// (path, bytes) of every artifact (sorted by path once finished)
  std::vector<std::pair<std::string, size_t>> files_;
  std::set<std::filesystem::path> folders_;  ///< folders created for temp files
  std::vector<PlannedWrite> writes_;
  size_t unchanged_ = 0;
  bool finished_ = false;
};

/// Carries out the plan of a FolderOutput that wrote its temp files (`write_now`) below `dir`: one syncfs,
/// the renames, removals (and folders they leave empty), temp file clean-up, then the manifest. Reports E0901
/// and returns false on the first failure; files already renamed stay complete, the other temp files are
/// removed.
bool ApplyPlan(const std::filesystem::path& dir, const OutputPlan& plan, DiagSink& sink);

}  // namespace trigc::emit
