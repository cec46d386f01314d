#include "compiler/emit/airflow/controllers.h"

#include "compiler/cron/normalize.h"
#include "compiler/emit/airflow/airflow_checks.h"
#include "compiler/emit/emitter.h"

namespace trigc::emit::airflow {

namespace {

using model::TriggerType;

}  // namespace

DownstreamIndex IndexDownstream(const model::Project& project) {
  DownstreamIndex out;
  for (const model::Pipeline* q : PipelinesInOrder(project)) {
    for (const model::Trigger* t : TriggersFor(*q, model::Target::kAirflow)) {
      if (t->type != TriggerType::kDependency) continue;
      out[t->upstream.value].push_back({"start_" + q->name.value + "__" + t->name.value,
                                        ControllerDagId(*q, t), RuleOf(t->condition.value)});
    }
  }
  return out;
}

namespace {

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
      break;
    case TriggerType::kS3Sensor:
      // One controller run per hour (per day for intervals over an hour) pokes every `interval` seconds.
      c.cron = t.interval.value <= 3600 ? "0 * * * *" : "0 0 * * *";
      c.sensor_timeout = t.interval.value <= 3600 ? 3600 : 86400;
      break;
    default:
      break;  // webhook and dependency controllers have no schedule
  }
}

std::optional<int64_t> FreshnessSla(const model::Pipeline& p) {
  if (!p.freshness) return std::nullopt;
  if (p.freshness->warn_after) return p.freshness->warn_after->seconds;
  if (p.freshness->error_after) return p.freshness->error_after->seconds;
  return std::nullopt;
}

}  // namespace

std::string ControllerDagId(const model::Pipeline& pipeline, const model::Trigger* trigger) {
  return "trigc__" + pipeline.name.value + (trigger != nullptr ? "__" + trigger->name.value : "");
}

const char* RuleOf(model::Condition condition) {
  switch (condition) {
    case model::Condition::kOnSuccess:
      return "all_success";
    case model::Condition::kOnFailure:
      return "one_failed";
    case model::Condition::kOnCompletion:
      return "none_skipped";
  }
  return "all_success";
}

std::vector<Controller> PlanControllers(const model::Project& project, const model::Pipeline& pipeline,
                                        int version) {
  return PlanControllers(pipeline, version, IndexDownstream(project));
}

std::vector<Controller> PlanControllers(const model::Pipeline& pipeline, int version,
                                        const DownstreamIndex& index) {
  std::vector<const model::Trigger*> triggers = TriggersFor(pipeline, model::Target::kAirflow);
  auto found = index.find(pipeline.name.value);
  static const std::vector<Downstream> kNone;
  const std::vector<Downstream>& downstream = found != index.end() ? found->second : kNone;
  std::vector<const model::Trigger*> owners = triggers;
  if (!downstream.empty()) owners.push_back(nullptr);

  std::vector<Controller> out;
  for (const model::Trigger* t : owners) {
    Controller c;
    c.trigger = t;
    c.dag_id = ControllerDagId(pipeline, t);
    c.var = t != nullptr ? "dag_" + t->name.value : "manual_dag";
    c.paused = !pipeline.enabled.value || (t != nullptr && !t->enabled.value);
    if (t != nullptr && t->max_concurrent) {
      c.max_active_runs = t->max_concurrent->value;
    } else if (pipeline.max_concurrent) {
      c.max_active_runs = pipeline.max_concurrent->value;
    }
    if (t != nullptr && t->cooldown_seconds) {
      c.cooldown_seconds = t->cooldown_seconds->value;
      c.cooldown_key = "trigc_cooldown__" + c.dag_id;
    } else if (pipeline.cooldown_seconds) {
      c.cooldown_seconds = pipeline.cooldown_seconds->value;
      c.cooldown_key = "trigc_cooldown__" + pipeline.name.value;
    }
    if (c.cooldown_seconds && *c.cooldown_seconds == 0) c.cooldown_seconds.reset();
    if (t != nullptr) Schedule(*t, c);
    bool timed = t != nullptr && (t->type == TriggerType::kSchedule || t->type == TriggerType::kFreshness);
    if (version == 2 && timed) c.sla_seconds = FreshnessSla(pipeline);
    c.conf = ParamsOf(pipeline, t);
    c.downstream = downstream;
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace trigc::emit::airflow
