// libFuzzer harness: one config.yaml through the whole front end (strict loading, schema validation, model,
// presets, graph) and every diagnostic renderer. Any crash, hang, leak or undefined behaviour is a finding.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "compiler/diag/render.h"
#include "compiler/graph/check_graph.h"
#include "compiler/model/build_model.h"
#include "compiler/presets/resolve.h"
#include "compiler/schema/validate.h"
#include "compiler/yaml/loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  trigc::SourceManager sources;
  trigc::DiagSink sink;
  trigc::FileId file =
      sources.Add("pipelines/fuzz/config.yaml", std::string(reinterpret_cast<const char*>(data), size));
  std::optional<trigc::yaml::Document> doc = trigc::yaml::Load(sources, file, sink);
  trigc::model::Project project;
  if (doc && trigc::schema::Validate(*doc, trigc::schema::SchemaKind::kPipeline, sink)) {
    if (auto pipeline = trigc::model::BuildPipeline(*doc, "pipelines/fuzz", "fuzz", project, sink)) {
      project.pipelines.push_back(std::move(*pipeline));
      trigc::model::CheckProject(project, sink);
      trigc::presets::Resolve(project, sources, sink);
      trigc::graph::CheckGraph(project, sink);
    }
  }
  for (trigc::DiagFormat format : {trigc::DiagFormat::kText, trigc::DiagFormat::kJson,
                                   trigc::DiagFormat::kSarif, trigc::DiagFormat::kGithub}) {
    trigc::RenderOptions options;
    options.format = format;
    std::ostringstream out;
    trigc::RenderDiagnostics(sink.Sorted(sources), sources, options, out);
  }
  return 0;
}
