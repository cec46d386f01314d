// libFuzzer harness: one config.yaml through the whole front end (strict loading, schema validation, model,
// presets, graph) and the diagnostic renderers (fuzz_common.h). Any crash, hang, leak or undefined behaviour
// is a finding.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "compiler/graph/check_graph.h"
#include "compiler/model/build_model.h"
#include "compiler/presets/resolve.h"
#include "compiler/schema/validate.h"
#include "compiler/yaml/loader.h"
#include "tests/fuzz/fuzz_common.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) { return trigc::fuzz::Initialize(); }

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  trigc::SourceManager sources;
  trigc::DiagSink sink;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  trigc::FileId file = sources.Add("pipelines/fuzz/config.yaml", std::string(text));
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
  trigc::fuzz::RenderAll(sink, sources, text);
  return 0;
}
