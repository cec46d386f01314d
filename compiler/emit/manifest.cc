#include "compiler/emit/manifest.h"

#include <algorithm>

#include <fmt/format.h>

namespace trigc::emit {

std::string ManifestText(std::vector<std::pair<std::string, size_t>> files, std::string_view build_key) {
  std::sort(files.begin(), files.end());
  std::string out =
      "# The files trigc generated in this folder (bytes, path). Written by `trigc build`: do not edit.\n";
  out += fmt::format("key {}\n", build_key);
  for (const auto& [path, bytes] : files) out += fmt::format("{} {}\n", bytes, path);
  return out;
}

std::string ManifestKey(std::string_view manifest) {
  size_t at = manifest.find("\nkey ");
  if (at == std::string_view::npos) return "";
  size_t end = manifest.find('\n', at + 1);
  return std::string(manifest.substr(at + 5, end == std::string_view::npos ? end : end - at - 5));
}

std::vector<ManifestEntry> ManifestFiles(std::string_view manifest) {
  std::vector<ManifestEntry> files;
  while (!manifest.empty()) {
    size_t end = manifest.find('\n');
    std::string_view line = manifest.substr(0, end);
    manifest.remove_prefix(end == std::string_view::npos ? manifest.size() : end + 1);
    size_t space = line.find(' ');
    if (line.empty() || line[0] < '0' || line[0] > '9' || space == std::string_view::npos) continue;
    ManifestEntry entry;
    for (char c : line.substr(0, space)) entry.bytes = entry.bytes * 10 + static_cast<uint64_t>(c - '0');
    entry.path = std::string(line.substr(space + 1));
    files.push_back(std::move(entry));
  }
  return files;
}

}  // namespace trigc::emit
