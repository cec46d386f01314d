#include "compiler/emit/airflow/controllers.h"

#include "compiler/cron/normalize.h"
#include "compiler/emit/airflow/airflow_checks.h"
#include "compiler/emit/emitter.h"

namespace trigc::emit::airflow {

namespace {

using model::TriggerType;

void Schedule(const model::Trigger& t, Controller& c) {
  switch (t.type) {
    case TriggerType::kSchedule:
    case TriggerType::kFreshness:
      // Macros are expanded: Airflow's own list of them is not cron's (no @midnight, no @annually).
      if (t.resolved) {
        const std::string& cron = t.resolved->cron.value;
        c.cron = !cron.empty() && cron[0] == '@' ? cron::Normalize(t.resolved->expr) : cron;
      }
      c.timezone = t.timezone.value;
      c.catchup = t.type == TriggerType::kSchedule && t.catchup.value;
      c.jitter_seconds = t.jitter_seconds.value;
      return;
    case TriggerType::kS3Sensor:
      // One short controller run per `interval` lists the bucket once; one at a time, so that two polls
      // never both take the same object for new.
      c.every_seconds = t.interval.value;
      c.max_active_runs = 1;
      return;
    case TriggerType::kWebhook:
    case TriggerType::kDependency:
    case TriggerType::kFileWatch:
      return;  // no schedule: started by the REST API or by the dependency plugin
  }
}

std::optional<int64_t> FreshnessSla(const model::Pipeline& p) {
  if (!p.freshness) return std::nullopt;
  if (p.freshness->warn_after) return p.freshness->warn_after->seconds;
  if (p.freshness->error_after) return p.freshness->error_after->seconds;
  return std::nullopt;
}

/// Rule 7: what started the run, under the names docs/targets/airflow.md lists; mapped values win over
/// params.
void AddEventData(const model::Trigger& t, nlohmann::json& conf) {
  conf["trigger"] = t.name.value;
  if (t.type != TriggerType::kDependency) return;
  conf["upstream"] = t.upstream.value;  // the run id and outcome come with the run (_upstream_conf)
}

Controller Plan(const model::Pipeline& pipeline, const model::Trigger& t, int version) {
  Controller c;
  c.trigger = &t;
  c.dag_id = ControllerDagId(pipeline, t);
  c.var = "dag_" + t.name.value;
  c.paused = !pipeline.enabled.value || !t.enabled.value;
  if (t.max_concurrent) {
    c.max_concurrent = t.max_concurrent->value;
  } else if (pipeline.max_concurrent) {
    c.max_concurrent = pipeline.max_concurrent->value;
  }
  c.max_active_runs = c.max_concurrent;
  if (t.cooldown_seconds) {
    c.cooldown_seconds = t.cooldown_seconds->value;
    c.cooldown_key = "trigc_cooldown__" + c.dag_id;
  } else if (pipeline.cooldown_seconds) {
    c.cooldown_seconds = pipeline.cooldown_seconds->value;
    c.cooldown_key = "trigc_cooldown__" + pipeline.name.value;
  }
  if (c.cooldown_seconds && *c.cooldown_seconds == 0) c.cooldown_seconds.reset();
  Schedule(t, c);
  bool timed = t.type == TriggerType::kSchedule || t.type == TriggerType::kFreshness;
  if (version == 2 && timed) c.sla_seconds = FreshnessSla(pipeline);
  // The launch waits only where the wait means something: max_concurrent counts target runs that have not
  // ended, and an SLA is missed when the launch has not ended in time.
  c.wait = c.max_concurrent.has_value() || c.sla_seconds.has_value();
  c.conf = ParamsOf(pipeline, &t);
  AddEventData(t, c.conf);
  return c;
}

}  // namespace

std::string ControllerDagId(const model::Pipeline& pipeline, const model::Trigger& trigger) {
  return "trigc__" + pipeline.name.value + "__" + trigger.name.value;
}

std::vector<std::string> OutcomesOf(model::Condition condition) {
  switch (condition) {
    case model::Condition::kOnSuccess:
      return {"success"};
    case model::Condition::kOnFailure:
      return {"failed"};
    case model::Condition::kOnCompletion:
      return {"success", "failed"};
  }
  return {};
}

std::vector<Controller> PlanControllers(const model::Pipeline& pipeline, int version) {
  std::vector<Controller> out;
  for (const model::Trigger* t : TriggersFor(pipeline, model::Target::kAirflow))
    out.push_back(Plan(pipeline, *t, version));
  return out;
}

}  // namespace trigc::emit::airflow
