#include "compiler/driver/discover.h"

#include <algorithm>
#include <system_error>

#include "compiler/driver/find_configs.h"
#include "compiler/driver/project_files.h"

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

std::vector<fs::path> ProjectPipelineConfigs(const ConfinedRoot& confined, const fs::path& root,
                                             bool has_project_file, const model::Project& project,
                                             DiagSink& sink) {
  std::vector<fs::path> configs;
  size_t folders = 0;
  for (const model::Value<std::string>& dir : project.pipeline_dirs) {
    fs::path relative = has_project_file ? fs::path(dir.value).lexically_normal() : fs::path();
    Opened folder = confined.OpenFolder(relative);
    if (folder.status != OpenStatus::kOk) {
      ReportUnopened(folder, has_project_file ? root / relative : root, PathRole::kPipelinesRoot,
                     has_project_file ? dir.span : Span{}, sink);
      continue;
    }
    ++folders;
    for (fs::path& config : FindPipelineConfigs(confined, root, relative, sink))
      configs.push_back(std::move(config));
  }
  std::sort(configs.begin(), configs.end());
  if (folders > 1) configs.erase(std::unique(configs.begin(), configs.end()), configs.end());
  return configs;
}

std::optional<fs::path> FindProjectFile(const fs::path& start) {
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec).lexically_normal();
  while (true) {
    if (fs::exists(fs::symlink_status(dir / "trigc.yaml", ec))) return dir / "trigc.yaml";
    if (fs::exists(dir / ".git", ec) || dir == dir.root_path() || !dir.has_relative_path())
      return std::nullopt;
    dir = dir.parent_path();
  }
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
