// libFuzzer harness: a whole repository, from config text to every target's artifacts, in memory.
// The input holds trigc.yaml and up to 8 config.yaml files, each config after a line "#~~~ <folder>" (the
// pipeline's folder under pipelines/; p0, p1, ... when not named). An empty trigc.yaml is none; an input
// without any separator line is one config.yaml alone.
// Every stage runs as in `trigc build --target <all six>`; nothing is written to disk. Besides crashes,
// hangs, leaks and undefined behaviour, a finding is an artifact with an unsafe path, invalid UTF-8 or a
// control character, or two artifacts of one target at the same path in a build without errors (one file
// would be lost).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "compiler/diag/render.h"
#include "compiler/emit/capabilities.h"
#include "compiler/emit/emitter.h"
#include "compiler/emit/write.h"
#include "compiler/graph/check_graph.h"
#include "compiler/model/build_model.h"
#include "compiler/presets/resolve.h"
#include "compiler/schema/validate.h"
#include "compiler/yaml/loader.h"
#include "compiler/yaml/text_checks.h"
#include "tests/fuzz/fuzz_common.h"

namespace {

constexpr std::string_view kSeparator = "#~~~";
constexpr size_t kMaxPipelines = 8;
constexpr const char* kRoot = "/repo";

struct File {
  std::string folder;  ///< pipeline folder name; empty for trigc.yaml
  std::string text;
};

// The folder named on a separator line, or p<index> when it names none or cannot be a folder name.
std::string FolderName(std::string_view named, size_t index) {
  if (!named.empty() && named.front() == ' ') named.remove_prefix(1);
  if (named.empty() || named == "." || named == ".." ||
      named.find_first_of(std::string_view("/\0", 2)) != std::string_view::npos) {
    return "p" + std::to_string(index);
  }
  return std::string(named);
}

// Splits the input at lines that start with kSeparator; the first part is trigc.yaml. Without any separator,
// the whole input is one config.yaml and there is no trigc.yaml.
std::vector<File> SplitFiles(std::string_view input) {
  std::vector<File> files(1);
  size_t line = 0;
  while (line < input.size() && files.size() <= kMaxPipelines + 1) {
    size_t end = input.find('\n', line);
    std::string_view text = input.substr(line, end == std::string_view::npos ? end : end + 1 - line);
    if (text.substr(0, kSeparator.size()) == kSeparator) {
      if (files.size() == kMaxPipelines + 1) break;
      std::string_view named = text.substr(kSeparator.size());
      if (!named.empty() && named.back() == '\n') named.remove_suffix(1);
      files.push_back({FolderName(named, files.size() - 1), std::string()});
    } else {
      files.back().text += text;
    }
    if (end == std::string_view::npos) break;
    line = end + 1;
  }
  if (files.size() == 1) files.push_back({"p0", std::exchange(files[0].text, {})});
  return files;
}

// Loads and schema-validates one file, as the driver does.
std::optional<trigc::yaml::Document> LoadChecked(const std::string& path, std::string text,
                                                 trigc::schema::SchemaKind kind,
                                                 trigc::SourceManager& sources, trigc::DiagSink& sink) {
  trigc::FileId file = sources.Add(path, std::move(text));
  std::optional<trigc::yaml::Document> doc = trigc::yaml::Load(sources, file, sink);
  if (!doc || !trigc::schema::Validate(*doc, kind, sink)) return std::nullopt;
  return doc;
}

trigc::model::Project LoadProject(std::vector<File>& files, trigc::SourceManager& sources,
                                  trigc::DiagSink& sink) {
  trigc::model::Project project;
  project.root = kRoot;
  if (!files[0].text.empty()) {
    size_t errors = sink.errors();
    auto doc = LoadChecked(std::string(kRoot) + "/trigc.yaml", std::move(files[0].text),
                           trigc::schema::SchemaKind::kProject, sources, sink);
    if (doc) trigc::model::BuildProject(*doc, project, sink);
    project.project_file_ok = doc.has_value() && sink.errors() == errors;
  }
  for (size_t i = 1; i < files.size(); ++i) {
    const std::string& folder = files[i].folder;
    std::string dir = std::string(kRoot) + "/pipelines/" + folder;
    auto doc = LoadChecked(dir + "/config.yaml", std::move(files[i].text),
                           trigc::schema::SchemaKind::kPipeline, sources, sink);
    size_t errors = sink.errors();
    std::optional<trigc::model::Pipeline> pipeline;
    if (doc) pipeline = trigc::model::BuildPipeline(*doc, dir, folder, project, sink);
    if (pipeline && sink.errors() == errors) {
      project.pipelines.push_back(std::move(*pipeline));
    } else {
      project.broken_pipelines.push_back(pipeline ? pipeline->name.value : folder);
    }
  }
  trigc::model::CheckProject(project, sink);
  trigc::presets::Resolve(project, sources, sink);
  trigc::graph::CheckGraph(project, sink);
  return project;
}

void CheckArtifacts(const std::vector<trigc::emit::Artifact>& artifacts, bool clean) {
  std::set<std::string_view> paths;
  for (const trigc::emit::Artifact& a : artifacts) {
    if (!trigc::emit::IsSafeRelativePath(a.path)) std::abort();
    // Inputs are valid UTF-8 without control characters (the loader checks every scalar), so no output may
    // have invalid UTF-8, a NUL or another control character.
    if (trigc::yaml::CheckText(a.content, false)) std::abort();
    if (clean && !paths.insert(a.path).second) std::abort();  // a file would overwrite another
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) { return trigc::fuzz::Initialize(); }

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // Parsed templates are kept between inputs (a TemplateSet parses each template once).
  static const trigc::emit::TemplateSet templates;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<File> files = SplitFiles(input);
  trigc::SourceManager sources;
  trigc::DiagSink sink;
  trigc::model::Project project = LoadProject(files, sources, sink);
  if (sink.errors() == 0) {
    for (trigc::model::Target target : trigc::model::kAllTargets) {
      // One target at a time, so that a trigger one target cannot express does not stop the others.
      trigc::DiagSink target_sink;
      trigc::emit::CheckCapabilities(project, {target}, target_sink);
      if (target_sink.errors() != 0) continue;
      std::unique_ptr<trigc::emit::Emitter> emitter = trigc::emit::MakeEmitter(target);
      if (emitter == nullptr) std::abort();
      std::vector<trigc::emit::Artifact> artifacts =
          emitter->Emit(trigc::emit::EmitContext{project, sources, templates, target_sink});
      CheckArtifacts(artifacts, target_sink.errors() == 0);
      sink.Append(std::move(target_sink));
    }
  }
  trigc::fuzz::RenderAll(sink, sources, input);
  return 0;
}
