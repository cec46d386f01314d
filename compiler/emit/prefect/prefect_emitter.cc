// The prefect emitter: one prefect.yaml with a deployment per pipeline (schedules, event triggers,
// concurrency, parameters), and trigc_guard.py when a pipeline has maintenance windows or a cooldown. See
// docs/targets/prefect.md.
#include <algorithm>

#include "compiler/emit/emitter.h"
#include "compiler/emit/mustache_list.h"
#include "compiler/emit/prefect/checks.h"
#include "compiler/emit/prefect/deployment.h"
#include "compiler/emit/prefect/settings.h"

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

class PrefectEmitter : public Emitter {
 public:
  model::Target target() const override { return model::Target::kPrefect; }

  std::vector<Artifact> Emit(const EmitContext& c) const override {
    Data data;
    Data& deployments = ListIn(data, "deployments");
    bool guard = false;
    bool ok = true;
    for (const model::Pipeline* p : PipelinesInOrder(c.project)) {
      bool checked = prefect::CheckPipeline(*p, c.sources, c.sink);
      std::optional<prefect::DeploymentSettings> s = prefect::ResolveSettings(c.project, *p, c.sink);
      if (!checked || !s) {
        ok = false;
        continue;
      }
      if (c.templates.renders()) Add(deployments, prefect::DeploymentData(c.project, *p, *s));
      guard = guard || prefect::NeedsGuard(*p);
    }
    if (!ok || !c.templates.renders()) return {};
    std::string header = Header("# ", AllSources(c));
    Set(data, "header", header);
    std::vector<Artifact> out;
    out.push_back({"prefect.yaml", c.templates.Render("prefect/prefect.yaml.mustache", data)});
    if (guard) {
      Data guard_data;
      Set(guard_data, "header", header);
      out.push_back({"trigc_guard.py", c.templates.Render("prefect/trigc_guard.py.mustache", guard_data)});
    }
    return out;
  }
};

}  // namespace

std::unique_ptr<Emitter> MakePrefectEmitter() { return std::make_unique<PrefectEmitter>(); }

}  // namespace trigc::emit
