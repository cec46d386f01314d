// The Dagster emitter: one Python package with a module per pipeline, a runtime helper module and an
// `__init__.py` exposing `defs = dg.Definitions(...)` (docs/targets/dagster.md).
#include <algorithm>
#include <set>

#include "compiler/emit/dagster/dagster_checks.h"
#include "compiler/emit/dagster/dagster_literal.h"
#include "compiler/emit/dagster/dagster_module.h"
#include "compiler/emit/dagster/dagster_names.h"
#include "compiler/emit/emitter.h"
#include "compiler/emit/mustache_list.h"

namespace trigc::emit {

namespace {

// Every source of the project, for the headers of the files that depend on all of them.
std::vector<Input> ProjectSources(const model::Project& project, const SourceManager& sources) {
  std::set<Input> paths;
  for (const model::Pipeline& p : project.pipelines) paths.insert(InputOf(project, sources, p.file));
  if (project.file) paths.insert(InputOf(project, sources, *project.file));
  return {paths.begin(), paths.end()};
}

class DagsterEmitter : public Emitter {
 public:
  model::Target target() const override { return model::Target::kDagster; }

  std::vector<Artifact> Emit(const EmitContext& context) const override {
    const model::Project& project = context.project;
    if (!dagster::CheckDagster(project, context.sink) || !context.templates.renders()) return {};
    std::string package = dagster::ModuleName(project).value;
    std::string project_header = Header("# ", ProjectSources(project, context.sources));
    std::vector<Artifact> artifacts;
    Data init;
    Data& pipelines = ListIn(init, "pipelines");
    for (const model::Pipeline* p : PipelinesInOrder(project)) {
      Data data = dagster::PipelineData(project, *p);
      Set(data, "header", Header("# ", PipelineSources(project, context.sources, *p)));
      std::string module = dagster::PipelineModule(*p);
      artifacts.push_back(
          {package + "/" + module + ".py", context.templates.Render("dagster/pipeline.py.mustache", data)});
      Data entry;
      Set(entry, "module", module);
      Set(entry, "name", dagster::DagsterString(p->name.value));
      Add(pipelines, std::move(entry));
      Flush(context, artifacts);
    }
    Set(init, "header", project_header);
    artifacts.push_back(
        {package + "/__init__.py", context.templates.Render("dagster/init.py.mustache", init)});
    Data runtime;
    Set(runtime, "header", project_header);
    artifacts.push_back(
        {package + "/_trigc.py", context.templates.Render("dagster/runtime.py.mustache", runtime)});
    std::sort(artifacts.begin(), artifacts.end(),
              [](const Artifact& a, const Artifact& b) { return a.path < b.path; });
    return artifacts;
  }
};

}  // namespace

std::unique_ptr<Emitter> MakeDagsterEmitter() { return std::make_unique<DagsterEmitter>(); }

}  // namespace trigc::emit
