// Finding the pipelines' config files below one pipelines folder, without leaving the project and without
// leaving anything out.
//
// Rule (docs/hardening.md, "Reading only inside the project"): every folder below the pipelines folder is
// listed, except hidden ones (a name starting with '.'), node_modules and the project's generated/ folder.
// Each entry named config.yaml or config.yml is a pipeline's config and must open as a regular file inside
// the project. A symlink to a folder inside the project is searched like a folder (a symlink back to a folder
// that contains it is an error, E0911, not a loop); any other symlink that leads outside the project to a
// folder (E0908) or leads nowhere (E0909) is an error, since trigc cannot tell whether it holds pipelines; a
// symlink to a file trigc does not read is left alone. A folder that cannot be listed is an error (E0910).
// Folders are walked with an explicit stack and listed whole before their children are opened, so neither the
// depth of the tree nor the number of open descriptors grows with it.
#pragma once

#include <filesystem>
#include <vector>

#include "compiler/diag/diagnostic.h"
#include "compiler/source/confined_root.h"

namespace trigc::driver {

/// The config files below `folder` (a path below `root`, the folder `confined` is open on; `folder` itself
/// has been opened already), as `root / relative` paths in the walk's order, unsorted. Problems go to `sink`.
std::vector<std::filesystem::path> FindPipelineConfigs(const ConfinedRoot& confined,
                                                       const std::filesystem::path& root,
                                                       const std::filesystem::path& folder, DiagSink& sink);

/// True for config.yaml and config.yml.
bool IsConfigName(const std::string& name);

}  // namespace trigc::driver
