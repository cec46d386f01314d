// Discovery: which trigc.yaml governs a path, and which config files are pipelines.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "compiler/model/model.h"

namespace trigc::driver {

/// The trigc.yaml found by walking up from `start` (a folder), stopping after a folder that holds `.git`.
std::optional<std::filesystem::path> FindProjectFile(const std::filesystem::path& start);

/// The projects of command-line paths: each root folder (absolute) with its trigc.yaml, if any. Paths that do
/// not exist are added to `missing`.
std::map<std::filesystem::path, std::optional<std::filesystem::path>> FindProjectRoots(
    const std::vector<std::string>& paths, std::vector<std::string>& missing);

/// The config files of a project's pipelines, sorted and unique: those below each `pipelines:` folder of its
/// trigc.yaml (below `root` when it has none), skipping generated/ and each target's `out:` folder. A listed
/// folder that does not exist is added to `missing`.
std::vector<std::filesystem::path> ProjectPipelineConfigs(
    const std::filesystem::path& root, bool has_project_file, const model::Project& project,
    std::vector<const model::Value<std::string>*>& missing);

/// Every config.yaml / config.yml below `dir`, sorted, skipping hidden folders, node_modules and `skip`
/// folders.
std::vector<std::filesystem::path> FindPipelineConfigs(const std::filesystem::path& dir,
                                                       const std::vector<std::filesystem::path>& skip);

/// A path as shown in diagnostics: relative to the working directory when below it, with '/' separators.
std::string DisplayPath(const std::filesystem::path& path);

}  // namespace trigc::driver
