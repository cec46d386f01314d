#include "compiler/driver/driver.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>

#include <fmt/format.h>

#include "compiler/driver/discover.h"
#include "compiler/graph/check_graph.h"
#include "compiler/model/build_model.h"
#include "compiler/presets/resolve.h"
#include "compiler/schema/validate.h"

namespace trigc::driver {

namespace fs = std::filesystem;

namespace {

// Reads at most limit + 1 bytes: enough for the loader to see that a file is too large without reading it
// all.
std::optional<std::string> ReadBounded(const fs::path& path, size_t limit, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = std::strerror(errno);
    return std::nullopt;
  }
  std::string text(limit + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  if (in.bad()) {
    error = std::strerror(errno);
    return std::nullopt;
  }
  text.resize(static_cast<size_t>(in.gcount()));
  return text;
}

// Loads and schema-validates one file; nothing when either stage reported an error.
std::optional<yaml::Document> LoadChecked(const fs::path& path, schema::SchemaKind kind, Session& s) {
  std::string error;
  std::optional<std::string> text = ReadBounded(path, s.limits.max_file_bytes, error);
  if (!text) {
    s.sink.Report(Code::E0901, {}, fmt::format("cannot read {}: {}", Quote(DisplayPath(path)), error));
    return std::nullopt;
  }
  FileId file = s.sources.Add(DisplayPath(path), std::move(*text));
  std::optional<yaml::Document> doc = yaml::Load(s.sources, file, s.sink, s.limits);
  if (!doc || !schema::Validate(*doc, kind, s.sink)) return std::nullopt;
  return doc;
}

// The name a broken config most likely declares, so that other pipelines may still refer to it.
std::string LikelyName(const fs::path& config) { return config.parent_path().filename().string(); }

void LoadPipelines(const fs::path& root, bool has_project_file, model::Project& project, Session& s) {
  std::vector<fs::path> skip = PipelineSkipFolders(root, project);
  std::vector<fs::path> configs;
  std::error_code ec;
  for (const model::Value<std::string>& dir : project.pipeline_dirs) {
    fs::path folder = has_project_file ? root / dir.value : root;
    if (!fs::is_directory(folder, ec)) {
      s.sink
          .Report(Code::E0903, dir.span,
                  fmt::format("pipeline folder {} does not exist", Quote(DisplayPath(folder))))
          .Help("list existing folders under 'pipelines:' in trigc.yaml");
      continue;
    }
    for (fs::path& config : FindPipelineConfigs(folder, skip)) configs.push_back(std::move(config));
  }
  std::sort(configs.begin(), configs.end());
  configs.erase(std::unique(configs.begin(), configs.end()), configs.end());
  if (configs.size() > s.max_pipelines) {
    s.sink
        .Report(Code::E0907, project.file ? Span{*project.file, 0, 0} : Span{},
                fmt::format("{} has {} pipelines; trigc reads at most {} per project", Quote(project.root),
                            configs.size(), s.max_pipelines))
        .Help("split the repository into several projects, each with its own trigc.yaml");
    return;
  }
  for (const fs::path& config : configs) {
    std::optional<yaml::Document> doc = LoadChecked(config, schema::SchemaKind::kPipeline, s);
    size_t errors = s.sink.errors();
    std::optional<model::Pipeline> pipeline;
    if (doc) {
      fs::path folder = fs::absolute(config, ec).parent_path();
      pipeline = model::BuildPipeline(*doc, DisplayPath(config.parent_path()), folder.filename().string(),
                                      project, s.sink);
    }
    if (pipeline && s.sink.errors() == errors) {
      project.pipelines.push_back(std::move(*pipeline));
    } else {
      project.broken_pipelines.push_back(pipeline ? pipeline->name.value : LikelyName(config));
    }
  }
  if (configs.empty() && s.sink.errors() == 0) {
    s.sink
        .Report(Code::E0902, project.file ? Span{*project.file, 0, 0} : Span{},
                fmt::format("no pipeline config (config.yaml) found under {}", Quote(project.root)))
        .Help("each pipeline lives in its own folder: pipelines/<name>/config.yaml");
  }
}

}  // namespace

void LoadProjects(const std::vector<std::string>& paths, Session& s) {
  std::vector<std::string> inputs = paths.empty() ? std::vector<std::string>{"."} : paths;
  std::vector<std::string> missing;
  std::map<fs::path, std::optional<fs::path>> roots =
      FindProjectRoots(inputs, missing);  // root -> trigc.yaml
  for (const std::string& input : missing)
    s.sink.Report(Code::E0903, {}, fmt::format("path {} does not exist", Quote(input)));
  for (const auto& [root, project_file] : roots) {
    model::Project project;
    project.root = DisplayPath(root);
    if (project_file) {
      size_t errors = s.sink.errors();
      std::optional<yaml::Document> doc = LoadChecked(*project_file, schema::SchemaKind::kProject, s);
      if (doc) model::BuildProject(*doc, project, s.sink);
      project.project_file_ok = doc.has_value() && s.sink.errors() == errors;
    }
    LoadPipelines(root, project_file.has_value(), project, s);
    model::CheckProject(project, s.sink);
    presets::Resolve(project, s.sources, s.sink);
    graph::CheckGraph(project, s.sink);
    s.projects.push_back(std::move(project));
  }
}

bool HasIoFailure(const Session& session) {
  for (const Diagnostic& d : session.sink.all()) {
    if (d.code == Code::E0901 || d.code == Code::E0903 || d.code == Code::E0905) return true;
  }
  return false;
}

}  // namespace trigc::driver
