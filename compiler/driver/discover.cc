#include "compiler/driver/discover.h"

#include <algorithm>
#include <system_error>

namespace trigc::driver {

namespace fs = std::filesystem;

std::optional<fs::path> FindProjectFile(const fs::path& start) {
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec).lexically_normal();
  while (true) {
    if (fs::is_regular_file(dir / "trigc.yaml", ec)) return dir / "trigc.yaml";
    if (fs::exists(dir / ".git", ec) || dir == dir.root_path() || !dir.has_relative_path())
      return std::nullopt;
    dir = dir.parent_path();
  }
}

std::vector<fs::path> FindPipelineConfigs(const fs::path& dir, const std::vector<fs::path>& skip) {
  std::vector<fs::path> configs;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const fs::path& path = it->path();
    std::string name = path.filename().string();
    if (it->is_directory(ec)) {
      bool skipped = (!name.empty() && name[0] == '.') || name == "node_modules" ||
                     std::find(skip.begin(), skip.end(), path.lexically_normal()) != skip.end();
      if (skipped) it.disable_recursion_pending();
      continue;
    }
    if ((name == "config.yaml" || name == "config.yml") && it->is_regular_file(ec)) configs.push_back(path);
  }
  std::sort(configs.begin(), configs.end());
  return configs;
}

std::string DisplayPath(const fs::path& path) {
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec).lexically_normal();
  fs::path cwd = fs::current_path(ec);
  fs::path relative = absolute.lexically_relative(cwd);
  if (!relative.empty() && *relative.begin() != "..") return relative.generic_string();
  return absolute.generic_string();
}

}  // namespace trigc::driver
