#include "compiler/emit/airflow/dependency_plugin.h"

#include <map>
#include <string>
#include <vector>

#include "compiler/emit/airflow/airflow_checks.h"
#include "compiler/emit/airflow/controllers.h"
#include "compiler/emit/airflow/python_value.h"
#include "compiler/emit/emitter.h"
#include "compiler/emit/escape.h"
#include "compiler/emit/mustache_list.h"

namespace trigc::emit::airflow {

namespace {

const model::Pipeline* Find(const model::Project& project, const std::string& name) {
  for (const model::Pipeline& p : project.pipelines)
    if (p.name.value == name) return &p;
  return nullptr;
}

Data Entry(const model::Pipeline& pipeline, const model::Trigger& t) {
  std::vector<std::string> names = OutcomesOf(t.condition.value);
  std::string outcomes;
  for (const std::string& o : names) outcomes += (outcomes.empty() ? "" : ", ") + BlackString(o);
  if (names.size() == 1) outcomes += ",";  // a tuple of one
  Data c;
  Set(c, "dag_id", BlackString(ControllerDagId(pipeline, t)));
  Set(c, "upstream", BlackString(t.upstream.value));
  Set(c, "outcomes", outcomes);
  return c;
}

}  // namespace

bool HasDependencies(const model::Project& project) {
  for (const model::Pipeline* p : PipelinesInOrder(project))
    for (const model::Trigger* t : TriggersFor(*p, model::Target::kAirflow))
      if (t->type == model::TriggerType::kDependency) return true;
  return false;
}

Data PluginData(const model::Project& project, int version) {
  std::map<std::string, std::vector<Data>> by_dag;  // upstream target DAG id -> controllers
  for (const model::Pipeline* p : PipelinesInOrder(project)) {
    for (const model::Trigger* t : TriggersFor(*p, model::Target::kAirflow)) {
      if (t->type != model::TriggerType::kDependency) continue;
      const model::Pipeline* upstream = Find(project, t->upstream.value);
      if (upstream == nullptr) continue;  // the graph stage reported it
      by_dag[TargetDag(*upstream).value].push_back(Entry(*p, *t));
    }
  }
  Data d;
  Data& upstreams = ListIn(d, "upstreams");
  for (auto& [dag_id, controllers] : by_dag) {
    Data u;
    Set(u, "dag_id", BlackString(dag_id));
    Data& list = ListIn(u, "controllers");
    for (Data& c : controllers) Add(list, std::move(c));
    Add(upstreams, std::move(u));
  }
  Set(d, "v2", version != 3);
  Set(d, "v3", version == 3);
  return d;
}

}  // namespace trigc::emit::airflow
