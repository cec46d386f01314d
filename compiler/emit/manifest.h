// The manifest of an output folder, `.trigc-manifest`: what trigc generated there, and the build key of the
// build that did. A build prunes only files its folder's manifest lists (docs/build.md), and the no-op fast
// path trusts a folder whose manifest has today's key.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace trigc::emit {

/// The file in each output folder that lists what trigc generated there.
inline constexpr std::string_view kManifestName = ".trigc-manifest";

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

/// The files a manifest's text lists, in its order. Paths are as written: callers check them with
/// IsSafeRelativePath before use, since a checkout may hold any manifest.
std::vector<ManifestEntry> ManifestFiles(std::string_view manifest);

}  // namespace trigc::emit
