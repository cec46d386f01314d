#include "compiler/driver/discover.h"

#include <algorithm>
#include <system_error>

namespace trigc::driver {

namespace fs = std::filesystem;

std::map<fs::path, std::optional<fs::path>> FindProjectRoots(const std::vector<std::string>& paths,
                                                             std::vector<std::string>& missing) {
  std::map<fs::path, std::optional<fs::path>> roots;
  std::error_code ec;
  for (const std::string& input : paths) {
    fs::path path(input);
    if (!fs::exists(path, ec)) {
      missing.push_back(input);
      continue;
    }
    fs::path dir = fs::is_directory(path, ec) ? path : path.parent_path();
    if (dir.empty()) dir = ".";
    std::optional<fs::path> project_file = FindProjectFile(dir);
    fs::path root = fs::absolute(project_file ? project_file->parent_path() : dir, ec).lexically_normal();
    roots.emplace(root, project_file);
  }
  return roots;
}

std::vector<fs::path> ProjectPipelineConfigs(const fs::path& root, bool has_project_file,
                                             const model::Project& project,
                                             std::vector<const model::Value<std::string>*>& missing) {
  std::vector<fs::path> skip = {(root / "generated").lexically_normal()};
  for (const auto& [target, settings] : project.targets)
    skip.push_back((root / settings.out.value).lexically_normal());
  std::vector<fs::path> configs;
  size_t folders = 0;
  std::error_code ec;
  for (const model::Value<std::string>& dir : project.pipeline_dirs) {
    fs::path folder = has_project_file ? root / dir.value : root;
    if (!fs::is_directory(folder, ec)) {
      missing.push_back(&dir);
      continue;
    }
    ++folders;
    for (fs::path& config : FindPipelineConfigs(folder, skip)) configs.push_back(std::move(config));
  }
  if (folders > 1) {  // one folder's list is already sorted and unique
    std::sort(configs.begin(), configs.end());
    configs.erase(std::unique(configs.begin(), configs.end()), configs.end());
  }
  return configs;
}

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
  // trigc never changes its working directory: read it once (two getcwd calls per file add up at 10,000).
  static const fs::path cwd = [] {
    std::error_code ec;
    return fs::current_path(ec);
  }();
  fs::path absolute = (path.is_absolute() || cwd.empty() ? path : cwd / path).lexically_normal();
  fs::path relative = absolute.lexically_relative(cwd);
  if (!relative.empty() && *relative.begin() != "..") return relative.generic_string();
  return absolute.generic_string();
}

}  // namespace trigc::driver
