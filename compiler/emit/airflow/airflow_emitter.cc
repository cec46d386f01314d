// The Airflow emitter: one DAG file of controller DAGs per pipeline (templates/airflow/dag_file.py.mustache),
// the listener plugin that starts dependency controllers (plugins/trigc_dependencies.py) and a README.md
// listing them, with the REST API calls that stand in for webhooks.
#include <map>

#include <fmt/format.h>

#include "compiler/emit/airflow/airflow_checks.h"
#include "compiler/emit/airflow/controllers.h"
#include "compiler/emit/airflow/dag_data.h"
#include "compiler/emit/airflow/dependency_plugin.h"
#include "compiler/emit/airflow/python_value.h"
#include "compiler/emit/emitter.h"
#include "compiler/emit/mustache_list.h"

namespace trigc::emit {

namespace {

class AirflowEmitter : public Emitter {
 public:
  model::Target target() const override { return model::Target::kAirflow; }

  std::vector<Artifact> Emit(const EmitContext& context) const override {
    const model::Project& project = context.project;
    size_t errors = context.sink.errors();
    bool ok = true;
    for (const model::Pipeline* p : PipelinesInOrder(project))
      ok = airflow::CheckPipeline(*p, context.sources, context.sink) && ok;
    if (!ok) return {};
    airflow::Settings settings = airflow::SettingsOf(project);
    for (const model::Pipeline* p : PipelinesInOrder(project))
      airflow::WarnFreshness(*p, settings.version, context.sink);
    std::vector<Artifact> out;
    Data readme = airflow::ReadmeData(settings);
    std::vector<const model::Pipeline*> emitted;
    std::map<std::string, const model::Pipeline*> ids;  // controller DAG id -> its pipeline
    for (const model::Pipeline* p : PipelinesInOrder(project)) {
      std::vector<airflow::Controller> controllers = airflow::PlanControllers(*p, settings.version);
      for (const airflow::Controller& c : controllers) {
        auto [it, fresh] = ids.emplace(c.dag_id, p);
        if (fresh || it->second == p) continue;
        context.sink
            .Report(Code::E0521, c.trigger->name.span,
                    fmt::format("controller dag id {} of pipeline {} is also one of pipeline {}",
                                Quote(c.dag_id), Quote(p->name.value), Quote(it->second->name.value)))
            .Help(
                "rename the trigger or the pipeline: controller DAGs are named trigc__<pipeline>__<trigger>");
      }
      if (controllers.empty() || !context.templates.renders()) continue;
      Data data = airflow::DagFileData(*p, controllers, settings);
      Set(data, "header", Header("# ", PipelineSources(project, context.sources, *p)));
      out.push_back({p->name.value + ".py", airflow::TidyBlankLines(context.templates.Render(
                                                "airflow/dag_file.py.mustache", data))});
      airflow::AddReadmeRows(*p, controllers, readme);
      emitted.push_back(p);
      Flush(context, out);
    }
    std::vector<Input> sources;
    if (project.file) sources.push_back(InputOf(project, context.sources, *project.file));
    for (const model::Pipeline* p : emitted) sources.push_back(InputOf(project, context.sources, p->file));
    if (context.sink.errors() != errors || !context.templates.renders()) return {};
    if (airflow::HasDependencies(project)) {
      Data plugin = airflow::PluginData(project, settings.version);
      Set(plugin, "header", Header("# ", sources));
      out.push_back({"plugins/trigc_dependencies.py",
                     context.templates.Render("airflow/trigc_dependencies.py.mustache", plugin)});
      Set(readme, "has_plugin", true);
    }
    Set(readme, "header", Header("> ", sources));
    out.push_back({"README.md", context.templates.Render("airflow/README.md.mustache", readme)});
    return out;
  }
};

}  // namespace

std::unique_ptr<Emitter> MakeAirflowEmitter() { return std::make_unique<AirflowEmitter>(); }

}  // namespace trigc::emit
