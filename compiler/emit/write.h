// Writing a target's output folder: plan what changes (new, changed and no-longer-generated files), then
// apply the plan (emit/apply_plan.h) with atomic writes (temp file in the same folder, then a rename) and
// only where content changed, so unchanged files keep their mtime and nothing ever sees half a file. Every
// path is reached through emit/safe_dir.h: a symbolic link in the folder is refused (E0915), never followed.
// A file is removed only when the folder's manifest lists it and it still carries trigc's header; a file a
// person wrote is never overwritten or removed.
#pragma once

#include <filesystem>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "compiler/diag/diagnostic.h"
#include "compiler/emit/emitter.h"
#include "compiler/emit/manifest.h"
#include "compiler/emit/safe_dir.h"

namespace trigc::emit {

/// One file a build writes.
struct PlannedWrite {
  std::string path;  ///< relative to the output folder
  bool executable = false;
  bool exists = false;      ///< false: a new file
  std::string content;      ///< the new content; empty once written to `temp`
  std::string old_content;  ///< the file on disk, when it exists (kept only when not writing at once)
  std::string temp;         ///< the temp file already holding the new content (relative), if any
};

/// What a build changes in one output folder.
struct OutputPlan {
  size_t files = 0;                  ///< every artifact of the folder
  std::vector<PlannedWrite> writes;  ///< new or changed files, in artifact order
  std::vector<std::string> removes;  ///< files the manifest lists, with trigc's header, no longer generated
  std::vector<std::string> temp_files;  ///< temp files left by builds that no longer run (sorted)
  size_t unchanged = 0;                 ///< artifacts already on disk as they should be
  std::string manifest;                 ///< the new manifest text
  bool manifest_changed = false;        ///< the manifest on disk differs (or is missing)
  /// True when the folder already is what the build would make of it (temp files aside).
  bool up_to_date() const { return writes.empty() && removes.empty() && !manifest_changed; }
};

/// True when `dir` (or a folder below it that is not hidden) holds a temp file (emit/temp_files.h).
bool HasTempFiles(const std::filesystem::path& dir);

/// True for a relative path of `[A-Za-z0-9._-]+` components, none of them `.` or `..`.
bool IsSafeRelativePath(const std::string& path);

/// True when `text` starts like a file trigc generated: its header mark within the first three lines.
bool HasTrigcHeader(std::string_view text);

/// Reports a path that cannot be used for `action` ("write", "read", "remove"): E0915 when it is a symbolic
/// link, else E0901 (at `span`, e.g. the target's `out:` line, when known).
void ReportPathError(const PathError& error, std::string_view action, Span span, DiagSink& sink);

/// Plans one output folder artifact by artifact, as an emitter produces them, so a build never holds a whole
/// target's output. Each artifact is compared with the file on disk at once: an unchanged one is only
/// counted; a changed or new one is kept for the plan, or, when `write_now` is set, written to a temp file
/// beside its final path straight away and only its name kept. Nothing becomes visible before ApplyPlan
/// renames the temp files; Abandon() (or a failed plan) removes them, and the folders made for them.
class FolderOutput {
 public:
  /// The folder `relative` below `base` (the project root with the target's `out:`, or --out with the
  /// target's name); `span` is where the folder is configured, for errors about it.
  FolderOutput(std::filesystem::path base, std::string relative, Span span, bool write_now, DiagSink& sink);
  ~FolderOutput();
  FolderOutput(const FolderOutput&) = delete;
  FolderOutput& operator=(const FolderOutput&) = delete;

  /// Plans one artifact. Reports E0901 (a path that is not safe, an unreadable or unwritable file), E0915 (a
  /// symbolic link on its path) or E0905 (the artifact would overwrite a file trigc did not generate); after
  /// a failure nothing more is written.
  void Add(Artifact artifact);
  /// The plan of the folder: the writes so far, listed files no longer generated, leftover temp files, the
  /// manifest. Returns false (removing the temp files written) when an Add() failed or a file to prune sits
  /// behind a symbolic link (E0915).
  bool Finish(std::string_view build_key, OutputPlan& plan);
  /// Removes the temp files written so far and the folders made for them: the build stopped before the
  /// folder was planned.
  void Abandon();
  /// The folder, opened safely, for ApplyPlan.
  SafeTree& tree() { return tree_; }

 private:
  /// Lists the folder before anything is written (entries_, leftover_temps_).
  void List();
  /// False when `relative` was not on disk before the build (per entries_); true when it was or may be.
  bool MayExist(const std::string& relative) const;
  /// Compares an artifact with the file `name` in folder `dir`: false (reported) when it may not be
  /// replaced; `write.exists` set, and `unchanged` when it already is the artifact.
  bool CheckExisting(int dir, const std::string& name, const Artifact& a, PlannedWrite& write,
                     bool& unchanged);
  /// Adds `relative` to plan.removes when the file is there with trigc's header; false on a symbolic link.
  bool PlanRemove(const std::string& relative, OutputPlan& plan);
  void Fail(const PathError& error, std::string_view action);

  SafeTree tree_;
  Span span_;
  bool write_now_;
  DiagSink& sink_;
  bool ok_ = true;
  std::set<std::string> listed_;  ///< what the previous build generated here (its manifest)
  std::string old_manifest_;
  bool has_manifest_ = false;
  /// every entry on disk before the build (not hidden, of any type), relative, sorted: an artifact path not
  /// in it is new, and needs no lstat
  std::vector<std::string> entries_;
  bool listed_all_ = false;  ///< entries_ is complete (the folder was listed without error, or is absent)
  std::vector<std::string> leftover_temps_;  ///< temp files of dead builds on disk before the build, relative
  /// (path, bytes) of every artifact (sorted by path once finished)
  std::vector<std::pair<std::string, size_t>> files_;
  std::vector<PlannedWrite> writes_;
  size_t unchanged_ = 0;
  bool finished_ = false;
};

}  // namespace trigc::emit
