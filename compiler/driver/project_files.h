// Reading a project's files: trigc.yaml and the pipelines' configs, only from inside the project folder.
//
// Every file trigc reads as input is opened through a ConfinedRoot on the project folder (the folder of
// trigc.yaml, or the folder searched when there is none), so a symlink that leads outside the project is
// never opened, let alone read or shown (docs/hardening.md, "Reading only inside the project").
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "compiler/diag/diagnostic.h"
#include "compiler/source/confined_root.h"

namespace trigc::driver {

/// What a path that could not be opened was meant to be, for the diagnostic's wording.
enum class PathRole {
  kConfig,         ///< a pipeline's config.yaml / config.yml, or trigc.yaml
  kPipelinesRoot,  ///< a folder listed under `pipelines:` (or the folder searched)
  kFolder,         ///< a folder below a pipelines folder
};

/// Reports why `path` could not be opened as `role`: E0908 when a symlink leads outside the project, E0909
/// when a config is not a regular file (a dangling symlink, a folder, a FIFO), E0910 when a folder cannot be
/// listed or is not a folder, E0911 for a symlink loop, E0903 when a listed pipelines folder does not exist.
/// `span` points at the trigc.yaml entry, when there is one.
void ReportUnopened(const Opened& opened, const std::filesystem::path& path, PathRole role, Span span,
                    DiagSink& sink);

/// Reads `path`, a file below `root` (the folder `confined` is open on), at most `limit` + 1 bytes (see
/// ReadFileBounded). Nothing, with the reason reported (ReportUnopened, or E0901 when reading fails), when it
/// cannot be opened inside the project or read.
std::optional<std::string> ReadProjectFile(const ConfinedRoot& confined, const std::filesystem::path& root,
                                           const std::filesystem::path& path, size_t limit, DiagSink& sink);

}  // namespace trigc::driver
