// The prefect emitter: one prefect.yaml with a deployment per pipeline (schedules, event triggers,
// concurrency, parameters), and the deployments' entrypoints: a wrapper flow per pipeline in trigc_flows/
// with the runtime they share. See docs/targets/prefect.md.
#include <algorithm>

#include "compiler/emit/emitter.h"
#include "compiler/emit/mustache_list.h"
#include "compiler/emit/prefect/checks.h"
#include "compiler/emit/prefect/deployment.h"
#include "compiler/emit/prefect/settings.h"
#include "compiler/emit/prefect/wrapper.h"

namespace trigc::emit {

namespace {

// The sources of the whole file: every pipeline's config in emit order, then trigc.yaml.
std::vector<Input> AllSources(const EmitContext& c) {
  std::vector<Input> out;
  for (const model::Pipeline* p : PipelinesInOrder(c.project))
    out.push_back(InputOf(c.project, c.sources, p->file));
  if (c.project.file) out.push_back(InputOf(c.project, c.sources, *c.project.file));
  return out;
}

// The wrapper flow of one pipeline, with the header of its own config and trigc.yaml.
std::string Wrapper(const EmitContext& c, const model::Pipeline& p, const prefect::DeploymentSettings& s) {
  Data data = prefect::WrapperData(p, s);
  Set(data, "header", Header("# ", PipelineSources(c.project, c.sources, p)));
  return c.templates.Render("prefect/trigc_flow.py.mustache", data);
}

class PrefectEmitter : public Emitter {
 public:
  model::Target target() const override { return model::Target::kPrefect; }

  std::vector<Artifact> Emit(const EmitContext& c) const override {
    Data data;
    Data& deployments = ListIn(data, "deployments");
    std::vector<Artifact> out;
    bool ok = true;
    for (const model::Pipeline* p : PipelinesInOrder(c.project)) {
      bool checked = prefect::CheckPipeline(*p, c.sources, c.sink);
      std::optional<prefect::DeploymentSettings> s = prefect::ResolveSettings(c.project, *p, c.sink);
      if (!checked || !s) {
        ok = false;
        continue;
      }
      if (!c.templates.renders()) continue;
      Add(deployments, prefect::DeploymentData(c.project, *p, *s));
      out.push_back({prefect::WrapperPath(*p), Wrapper(c, *p, *s)});
    }
    if (!ok || !c.templates.renders()) return {};
    std::string header = Header("# ", AllSources(c));
    Set(data, "header", header);
    out.push_back({"prefect.yaml", c.templates.Render("prefect/prefect.yaml.mustache", data)});
    Data runtime;
    Set(runtime, "header", header);
    out.push_back(
        {"trigc_flows/_trigc_runtime.py", c.templates.Render("prefect/trigc_runtime.py.mustache", runtime)});
    return out;
  }
};

}  // namespace

std::unique_ptr<Emitter> MakePrefectEmitter() { return std::make_unique<PrefectEmitter>(); }

}  // namespace trigc::emit
