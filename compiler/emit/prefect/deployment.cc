#include "compiler/emit/prefect/deployment.h"

#include <fmt/format.h>

#include "compiler/cron/normalize.h"
#include "compiler/emit/emitter.h"
#include "compiler/emit/escape.h"
#include "compiler/emit/prefect/iso_duration.h"
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
  data.set(key, YamlFlow(MergedParams(pipeline, t)));
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

// Events whose related deployment (and flow, when known) is `of`.
nlohmann::json RelatedTo(const DeploymentSettings& of) {
  nlohmann::json related = nlohmann::json::array();
  related.push_back({{"prefect.resource.name", of.name}, {"prefect.resource.role", "deployment"}});
  if (!of.flow.empty())
    related.push_back({{"prefect.resource.name", of.flow}, {"prefect.resource.role", "flow"}});
  return related;
}

Data EventTrigger(const model::Pipeline& pipeline, const model::Trigger& t, const char* posture,
                  const nlohmann::json& expect, const DeploymentSettings& related, int64_t within) {
  Data d;
  d.set("name", YamlString(pipeline.name.value + "/" + t.name.value));
  d.set("enabled", Bool(pipeline.enabled.value && t.enabled.value));
  d.set("posture", YamlString(posture));
  d.set("expect", YamlFlow(expect));
  d.set("match", YamlFlow({{"prefect.resource.id", "prefect.flow-run.*"}}));
  d.set("match_related", YamlFlow(RelatedTo(related)));
  d.set("within", std::to_string(within));
  PutParams(d, "trigger_parameters", pipeline, t);
  return d;
}

Data Schedule(const model::Pipeline& pipeline, const model::Trigger& t) {
  Data d;
  d.set("cron", YamlString(cron::Normalize(t.resolved->expr)));
  d.set("timezone", YamlString(t.timezone.value));
  d.set("active", Bool(pipeline.enabled.value && t.enabled.value));
  d.set("slug", YamlString(t.name.value));
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

// Retries, maintenance windows and cooldown reach the flow run as environment variables of its job.
List EnvOf(const model::Pipeline& pipeline) {
  std::vector<std::pair<std::string, std::string>> env;
  if (pipeline.retries && pipeline.retries->attempts.value > 0) {
    env.emplace_back("PREFECT_FLOWS_DEFAULT_RETRIES", std::to_string(pipeline.retries->attempts.value));
    env.emplace_back("PREFECT_FLOWS_DEFAULT_RETRY_DELAY_SECONDS",
                     std::to_string(pipeline.retries->backoff_seconds.value));
  }
  if (pipeline.cooldown_seconds && pipeline.cooldown_seconds->value > 0) {
    env.emplace_back("TRIGC_COOLDOWN_SECONDS", std::to_string(pipeline.cooldown_seconds->value));
  }
  if (!pipeline.maintenance_windows.empty()) {
    nlohmann::json windows = nlohmann::json::array();
    for (const model::MaintenanceWindow& w : pipeline.maintenance_windows) {
      windows.push_back({{"days", w.days},
                         {"start", w.start_minute},
                         {"end", w.end_minute},
                         {"timezone", w.timezone.value}});
    }
    env.emplace_back("TRIGC_MAINTENANCE_WINDOWS", windows.dump());
  }
  List list;
  for (const auto& [key, value] : env) {
    Data d;
    d.set("key", key);  // a constant of this file
    d.set("value", YamlString(value));
    list.push_back(d);
  }
  return list;
}

}  // namespace

bool NeedsGuard(const model::Pipeline& pipeline) {
  return !pipeline.maintenance_windows.empty() ||
         (pipeline.cooldown_seconds && pipeline.cooldown_seconds->value > 0);
}

Data DeploymentData(const model::Project& project, const model::Pipeline& pipeline,
                    const DeploymentSettings& s) {
  Data d;
  d.set("name", YamlString(s.name));
  d.set("entrypoint", YamlString(s.entrypoint));
  d.set("work_pool", YamlString(s.work_pool));
  List env = EnvOf(pipeline);
  if (!env.empty()) {
    d.set("has_env", true);
    d.set("env", env);
  }
  d.set("paused", Bool(!pipeline.enabled.value));
  if (pipeline.max_concurrent) d.set("concurrency_limit", std::to_string(pipeline.max_concurrent->value));
  d.set("parameters", YamlFlow(pipeline.params));

  List schedules;
  List triggers;
  for (const model::Trigger* t : TriggersFor(pipeline, model::Target::kPrefect)) {
    switch (t->type) {
      case model::TriggerType::kSchedule:
        if (t->resolved) schedules.push_back(Schedule(pipeline, *t));
        break;
      case model::TriggerType::kFreshness:
        if (t->resolved) schedules.push_back(Schedule(pipeline, *t));
        triggers.push_back(EventTrigger(pipeline, *t, "Proactive", {"prefect.flow-run.Completed"}, s,
                                        FreshnessWindow(pipeline)));
        break;
      case model::TriggerType::kDependency: {
        const model::Pipeline* upstream = Find(project, t->upstream.value);
        if (upstream == nullptr) break;  // the graph stage reports unknown upstreams
        Data e = EventTrigger(pipeline, *t, "Reactive", Expect(t->condition.value), NamesOf(*upstream), 0);
        if (t->delay_minutes.value > 0)
          e.set("schedule_after", YamlString(IsoDuration(t->delay_minutes.value * 60)));
        triggers.push_back(e);
        break;
      }
      default:
        break;  // s3_sensor, webhook, file_watch: unsupported in the matrix, reported before emitting
    }
  }
  if (!schedules.empty()) {
    d.set("has_schedules", true);
    d.set("schedules", schedules);
  }
  if (!triggers.empty()) {
    d.set("has_triggers", true);
    d.set("triggers", triggers);
  }
  return d;
}

}  // namespace trigc::emit::prefect
