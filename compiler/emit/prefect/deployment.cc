#include "compiler/emit/prefect/deployment.h"

#include <fmt/format.h>

#include "compiler/cron/normalize.h"
#include "compiler/emit/emitter.h"
#include "compiler/emit/escape.h"
#include "compiler/emit/mustache_list.h"
#include "compiler/emit/prefect/iso_duration.h"
#include "compiler/emit/prefect/wrapper.h"
#include "compiler/emit/prefect/yaml_flow.h"

namespace trigc::emit::prefect {

namespace {

const char* Bool(bool value) { return value ? "true" : "false"; }

// Parameters of a schedule or trigger: the pipeline's params with the trigger's on top.
nlohmann::json MergedParams(const model::Pipeline& pipeline, const model::Trigger& t) {
  nlohmann::json merged = pipeline.params;
  for (auto it = t.params.begin(); it != t.params.end(); ++it) merged[it.key()] = it.value();
  return merged;
}

void PutParams(Data& data, const char* key, const model::Pipeline& pipeline, const model::Trigger& t) {
  if (t.params.empty()) return;
  Set(data, key, YamlFlow(MergedParams(pipeline, t)));
}

// The flow runs a trigger reacts to: `prefect.flow-run.<state name>` events.
nlohmann::json Expect(model::Condition condition) {
  switch (condition) {
    case model::Condition::kOnSuccess:
      return {"prefect.flow-run.Completed"};
    case model::Condition::kOnFailure:
      return {"prefect.flow-run.Crashed", "prefect.flow-run.Failed"};
    case model::Condition::kOnCompletion:
      return {"prefect.flow-run.Completed", "prefect.flow-run.Crashed", "prefect.flow-run.Failed"};
  }
  return nlohmann::json::array();
}

// Events whose related deployment and flow are those of `of`: the wrapper's flow name is trigc's, so the pair
// names one deployment.
nlohmann::json RelatedTo(const model::Pipeline& of) {
  nlohmann::json related = nlohmann::json::array();
  related.push_back({{"prefect.resource.name", NamesOf(of).name}, {"prefect.resource.role", "deployment"}});
  related.push_back({{"prefect.resource.name", FlowName(of)}, {"prefect.resource.role", "flow"}});
  return related;
}

Data EventTrigger(const model::Pipeline& pipeline, const model::Trigger& t, const char* posture,
                  const nlohmann::json& expect, const model::Pipeline& related, int64_t within) {
  Data d;
  Set(d, "name", YamlString(pipeline.name.value + "/" + t.name.value));
  Set(d, "enabled", Bool(pipeline.enabled.value && t.enabled.value));
  Set(d, "posture", YamlString(posture));
  Set(d, "expect", YamlFlow(expect));
  Set(d, "match", YamlFlow({{"prefect.resource.id", "prefect.flow-run.*"}}));
  Set(d, "match_related", YamlFlow(RelatedTo(related)));
  Set(d, "within", std::to_string(within));
  PutParams(d, "trigger_parameters", pipeline, t);
  return d;
}

Data Schedule(const model::Pipeline& pipeline, const model::Trigger& t) {
  Data d;
  Set(d, "cron", YamlString(cron::Normalize(t.resolved->expr)));
  Set(d, "timezone", YamlString(t.timezone.value));
  Set(d, "active", Bool(pipeline.enabled.value && t.enabled.value));
  Set(d, "slug", YamlString(t.name.value));
  PutParams(d, "schedule_parameters", pipeline, t);
  return d;
}

int64_t FreshnessWindow(const model::Pipeline& pipeline) {
  if (!pipeline.freshness) return 0;
  if (pipeline.freshness->warn_after) return pipeline.freshness->warn_after->seconds;
  return pipeline.freshness->error_after ? pipeline.freshness->error_after->seconds : 0;
}

const model::Pipeline* Find(const model::Project& project, const std::string& name) {
  for (const model::Pipeline& p : project.pipelines) {
    if (p.name.value == name) return &p;
  }
  return nullptr;
}

}  // namespace

Data DeploymentData(const model::Project& project, const model::Pipeline& pipeline,
                    const DeploymentSettings& s) {
  Data d;
  Set(d, "name", YamlString(s.name));
  Set(d, "entrypoint", YamlString(WrapperEntrypoint(pipeline)));
  Set(d, "work_pool", YamlString(s.work_pool));
  Set(d, "paused", Bool(!pipeline.enabled.value));
  if (pipeline.max_concurrent) Set(d, "concurrency_limit", std::to_string(pipeline.max_concurrent->value));
  Set(d, "parameters", YamlFlow(pipeline.params));

  Data schedules(Data::type::list);
  Data triggers(Data::type::list);
  for (const model::Trigger* t : TriggersFor(pipeline, model::Target::kPrefect)) {
    switch (t->type) {
      case model::TriggerType::kSchedule:
        if (t->resolved) Add(schedules, Schedule(pipeline, *t));
        break;
      case model::TriggerType::kFreshness:
        if (t->resolved) Add(schedules, Schedule(pipeline, *t));
        Add(triggers, EventTrigger(pipeline, *t, "Proactive", {"prefect.flow-run.Completed"}, pipeline,
                                   FreshnessWindow(pipeline)));
        break;
      case model::TriggerType::kDependency: {
        const model::Pipeline* upstream = Find(project, t->upstream.value);
        if (upstream == nullptr) break;  // the graph stage reports unknown upstreams
        Data e = EventTrigger(pipeline, *t, "Reactive", Expect(t->condition.value), *upstream, 0);
        if (t->delay_minutes.value > 0)
          Set(e, "schedule_after", YamlString(IsoDuration(t->delay_minutes.value * 60)));
        Add(triggers, std::move(e));
        break;
      }
      default:
        break;  // s3_sensor, webhook, file_watch: unsupported in the matrix, reported before emitting
    }
  }
  if (schedules.is_non_empty_list()) {
    Set(d, "has_schedules", true);
    Set(d, "schedules", std::move(schedules));
  }
  if (triggers.is_non_empty_list()) {
    Set(d, "has_triggers", true);
    Set(d, "triggers", std::move(triggers));
  }
  return d;
}

}  // namespace trigc::emit::prefect
