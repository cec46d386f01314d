// Discovery: which trigc.yaml governs a path, and which config files are pipelines.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace trigc::driver {

/// The trigc.yaml found by walking up from `start` (a folder), stopping after a folder that holds `.git`.
std::optional<std::filesystem::path> FindProjectFile(const std::filesystem::path& start);

/// Every config.yaml / config.yml below `dir`, sorted, skipping hidden folders, node_modules and `skip`
/// folders.
std::vector<std::filesystem::path> FindPipelineConfigs(const std::filesystem::path& dir,
                                                       const std::vector<std::filesystem::path>& skip);

/// A path as shown in diagnostics: relative to the working directory when below it, with '/' separators.
std::string DisplayPath(const std::filesystem::path& path);

}  // namespace trigc::driver
