#include "compiler/driver/driver.h"

#include <map>
#include <set>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <thread>

#include <fmt/format.h>

#include "compiler/driver/discover.h"
#include "compiler/driver/parallel.h"
#include "compiler/driver/project_files.h"
#include "compiler/graph/check_graph.h"
#include "compiler/model/build_model.h"
#include "compiler/model/timezone.h"
#include "compiler/presets/resolve.h"
#include "compiler/schema/validate.h"
#include "compiler/source/confined_root.h"

namespace trigc::driver {

namespace fs = std::filesystem;

namespace {

// Reads a file of the project (below `root`, which `confined` is open on) into its reserved id (safe on
// several threads, one id each); false (and a diagnostic) when it cannot be read, the id then holding an
// empty text.
bool ReadInto(const ConfinedRoot& confined, const fs::path& root, const fs::path& path, FileId file,
              SourceManager& sources, const yaml::Limits& limits, DiagSink& sink) {
  std::optional<std::string> text = ReadProjectFile(confined, root, path, limits.max_file_bytes, sink);
  sources.Set(file, DisplayPath(path), text ? std::move(*text) : std::string());
  return text.has_value();
}

// Loads and schema-validates one file already in `sources`; nothing when either stage reported an error.
std::optional<yaml::Document> LoadChecked(const SourceManager& sources, FileId file, schema::SchemaKind kind,
                                          const yaml::Limits& limits, DiagSink& sink) {
  std::optional<yaml::Document> doc = yaml::Load(sources, file, sink, limits);
  if (!doc || !schema::Validate(*doc, kind, sink)) return std::nullopt;
  return doc;
}

// The name a broken config most likely declares, so that other pipelines may still refer to it.
std::string LikelyName(const fs::path& config) { return config.parent_path().filename().string(); }

// One config file as the parallel part of loading left it.
struct Loaded {
  DiagSink sink;
  bool read = false;
  std::optional<model::Pipeline> pipeline;
  std::optional<yaml::Document> unnamed;  // NeedsDeclaredName: built once every other name is known
};

// Every name the project's pipelines have or most likely declare, for the help of E0306.
std::set<std::string> TakenNames(const std::vector<fs::path>& configs, const std::vector<Loaded>& loaded) {
  std::set<std::string> taken;
  for (size_t i = 0; i < configs.size(); ++i) {
    if (loaded[i].pipeline) {
      taken.insert(loaded[i].pipeline->name.value);
    } else if (!loaded[i].unnamed) {
      taken.insert(LikelyName(configs[i]));
    }
  }
  return taken;
}

void LoadPipelines(const ConfinedRoot& confined, const fs::path& root, bool has_project_file,
                   model::Project& project, Session& s) {
  std::vector<fs::path> configs = ProjectPipelineConfigs(confined, root, has_project_file, project, s.sink);
  if (configs.size() > s.max_pipelines) {
    s.sink
        .Report(Code::E0907, project.file ? Span{*project.file, 0, 0} : Span{},
                fmt::format("{} has {} pipelines; trigc reads at most {} per project", Quote(project.root),
                            configs.size(), s.max_pipelines))
        .Help("split the repository into several projects, each with its own trigc.yaml");
    return;
  }
  // Files get their ids in path order; reading, loading, schema validation and the model of each file run in
  // parallel, each file into its own sink; sinks and pipelines are then taken in path order, so the result
  // does not depend on thread timing.
  FileId first = s.sources.Reserve(configs.size());
  std::vector<Loaded> loaded(configs.size());
  ParallelFor(configs.size(), WorkerCount(configs.size()), [&](size_t i) {
    Loaded& out = loaded[i];
    FileId file = first + static_cast<FileId>(i);
    out.read = ReadInto(confined, root, configs[i], file, s.sources, s.limits, out.sink);
    if (!out.read) return;
    std::optional<yaml::Document> doc =
        LoadChecked(s.sources, file, schema::SchemaKind::kPipeline, s.limits, out.sink);
    if (!doc) return;
    std::string folder = configs[i].parent_path().filename().string();
    if (model::NeedsDeclaredName(*doc, folder)) {
      out.unnamed = std::move(doc);
      return;
    }
    out.pipeline =
        model::BuildPipeline(*doc, DisplayPath(configs[i].parent_path()), folder, project, out.sink);
  });
  std::set<std::string> taken = TakenNames(configs, loaded);
  project.pipelines.reserve(project.pipelines.size() + configs.size());
  for (size_t i = 0; i < configs.size(); ++i) {
    Loaded& item = loaded[i];
    if (item.unnamed) {  // reports E0306, proposing a name no other pipeline has
      model::BuildPipeline(*item.unnamed, DisplayPath(configs[i].parent_path()),
                           configs[i].parent_path().filename().string(), project, item.sink, &taken);
    }
    bool clean = item.sink.errors() == 0;
    s.sink.Append(std::move(item.sink));
    if (item.read && item.pipeline && clean) {
      project.pipelines.push_back(std::move(*item.pipeline));
    } else {
      project.broken_pipelines.push_back(item.pipeline ? item.pipeline->name.value : LikelyName(configs[i]));
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
  // The pipeline schema takes as long to compile as a few dozen configs take to load, and the index of the
  // time zone database (needed by the DST checks) a few dozen more: prepare both on a thread of its own while
  // this one finds and reads the files (and loads trigc.yaml against the project schema).
  std::thread prepare([] {
    try {
      schema::Prepare(schema::SchemaKind::kPipeline);
    } catch (...) {  // Validate() compiles it again on first use, and reports what goes wrong there
    }
    model::PrepareTimezoneDatabase();
  });
  struct Join {
    std::thread& thread;
    ~Join() { thread.join(); }
  } join{prepare};
  std::vector<std::string> inputs = paths.empty() ? std::vector<std::string>{"."} : paths;
  std::vector<std::string> missing;
  std::map<fs::path, std::optional<fs::path>> roots =
      FindProjectRoots(inputs, missing);  // root -> trigc.yaml
  for (const std::string& input : missing)
    s.sink.Report(Code::E0903, {}, fmt::format("path {} does not exist", Quote(input)));
  for (const auto& [root, project_file] : roots) {
    model::Project project;
    project.root = DisplayPath(root);
    ConfinedRoot confined(root);  // every file of the project is read through it
    if (project_file) {
      size_t errors = s.sink.errors();
      FileId file = s.sources.Reserve(1);
      std::optional<yaml::Document> doc;
      if (ReadInto(confined, root, *project_file, file, s.sources, s.limits, s.sink))
        doc = LoadChecked(s.sources, file, schema::SchemaKind::kProject, s.limits, s.sink);
      if (doc) model::BuildProject(*doc, project, s.sink);
      project.project_file_ok = doc.has_value() && s.sink.errors() == errors;
    }
    LoadPipelines(confined, root, project_file.has_value(), project, s);
    model::CheckProject(project, s.sink);
    presets::Resolve(project, s.sources, s.sink);
    graph::CheckGraph(project, s.sink);
    s.projects.push_back(std::move(project));
  }
#ifdef __GLIBC__
  // The loader threads freed every file's YAML tree and JSON document into their own malloc arenas, which the
  // emitting threads do not reuse: hand those pages back (peak memory at 10,000 pipelines: see
  // docs/scale.md).
  malloc_trim(0);
#endif
}

bool HasIoFailure(const Session& session) {
  for (const Diagnostic& d : session.sink.all()) {
    if (d.code == Code::E0901 || d.code == Code::E0903 || d.code == Code::E0905 || d.code == Code::E0910 ||
        d.code == Code::E0915 || d.code == Code::E0916)
      return true;
  }
  return false;
}

}  // namespace trigc::driver
