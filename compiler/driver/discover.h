// Discovery: which trigc.yaml governs a path, and which config files are pipelines.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "compiler/diag/diagnostic.h"
#include "compiler/model/model.h"
#include "compiler/source/confined_root.h"

namespace trigc::driver {

/// The trigc.yaml found by walking up from `start` (a folder), stopping after a folder that holds `.git`. Any
/// entry named trigc.yaml counts, whatever it is: a symlink or a folder by that name is reported when read,
/// and never makes trigc look further up for another project.
std::optional<std::filesystem::path> FindProjectFile(const std::filesystem::path& start);

/// The projects of command-line paths: each root folder (absolute) with its trigc.yaml, if any. Paths that do
/// not exist are added to `missing`.
std::map<std::filesystem::path, std::optional<std::filesystem::path>> FindProjectRoots(
    const std::vector<std::string>& paths, std::vector<std::string>& missing);

/// The config files of a project's pipelines, sorted and unique: those below each `pipelines:` folder of its
/// trigc.yaml (below `root` when it has none), found by FindPipelineConfigs through `confined` (open on
/// `root`). A listed folder that does not exist, is not a folder or leads outside the project, and anything
/// below it that keeps a pipeline from being found, is reported to `sink`.
std::vector<std::filesystem::path> ProjectPipelineConfigs(const ConfinedRoot& confined,
                                                          const std::filesystem::path& root,
                                                          bool has_project_file,
                                                          const model::Project& project, DiagSink& sink);

/// A path as shown in diagnostics: relative to the working directory when below it, with '/' separators.
std::string DisplayPath(const std::filesystem::path& path);

}  // namespace trigc::driver
