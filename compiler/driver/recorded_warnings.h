// Warnings recorded by a full build in the project's cache folder (<root>/.trigc_cache, which git ignores),
// so that a later build which finds nothing to do (the no-op fast path, uptodate.h) prints exactly what the
// full build printed, in every output format. See docs/build.md.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/diag/diagnostic.h"
#include "compiler/emit/safe_dir.h"
#include "compiler/model/model.h"

namespace trigc::driver {

/// The cache folder's name: `.trigc_cache` in the project's root (where trigc.yaml is), whatever --out says,
/// as pytest, mypy and ruff keep theirs. Holds a .gitignore that ignores it whole, the warnings record and
/// the build lock (build_lock.h).
inline constexpr std::string_view kCacheFolderName = ".trigc_cache";

/// Opens the cache folder of `cache` (a SafeTree of the project root and kCacheFolderName) without following
/// a symbolic link (kSymlink then). With `create`, makes it when missing, with its .gitignore and a
/// CACHEDIR.TAG (bford.info/cachedir). The descriptor, or -1 with `error` set.
int OpenCacheFolder(emit::SafeTree& cache, bool create, emit::PathError& error);

/// The lines recording the warnings of `sink` located in the files of `projects[index]` (its trigc.yaml and
/// pipeline configs), in report order, with the secret ranges of the files they show; "" when there is none.
/// When a warning cannot be recorded (no location, a location outside every project, text that is not
/// UTF-8), one `warnings unrecorded` line instead: the fast path then declines.
std::string RecordWarnings(const std::vector<model::Project>& projects, size_t index,
                           const SourceManager& sources, const DiagSink& sink);

/// Saves `record` in the cache folder of the project at `root` for a build whose inputs digest is
/// `inputs_digest`, with the day (UTC) and the tz database it was made with. Best effort: when the cache
/// cannot be written (or is a symbolic link, which is never followed), nothing is said, and the next build
/// is a full one.
void SaveWarnings(const std::filesystem::path& root, std::string_view inputs_digest, std::string_view record);

/// The record saved by the last full build, when it was made for these inputs and by this trigc, and, if it
/// holds any warning, today (UTC) with the same tz database: a DST warning names the next transition.
/// Read without following a symbolic link.
std::optional<std::string> LoadWarnings(const std::filesystem::path& root, std::string_view inputs_digest);

/// Finds a recorded file by its path relative to the project root and adds it to the replay's sources: its
/// id, or nullopt when the file is not the one the build saw.
using OpenRecorded = std::function<std::optional<FileId>(const std::string& project_path)>;

/// Reports the warnings a record holds into `sink`, opening each file they point at with `open`. False
/// (with `sink` unchanged) when the record is `warnings unrecorded`, malformed, or a file cannot be opened.
bool ReplayWarnings(std::string_view record, const OpenRecorded& open, SourceManager& sources,
                    DiagSink& sink);

}  // namespace trigc::driver
