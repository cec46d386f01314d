#include "compiler/emit/prefect/wrapper.h"

#include "compiler/emit/emitter.h"
#include "compiler/emit/escape.h"
#include "compiler/emit/mustache_list.h"

namespace trigc::emit::prefect {

namespace {

nlohmann::json Windows(const model::Pipeline& pipeline) {
  nlohmann::json windows = nlohmann::json::array();
  for (const model::MaintenanceWindow& w : pipeline.maintenance_windows) {
    windows.push_back(
        {{"days", w.days}, {"start", w.start_minute}, {"end", w.end_minute}, {"timezone", w.timezone.value}});
  }
  return windows;
}

nlohmann::json Jitter(const model::Pipeline& pipeline) {
  nlohmann::json jitter = nlohmann::json::object();
  for (const model::Trigger* t : TriggersFor(pipeline, model::Target::kPrefect)) {
    if (t->type == model::TriggerType::kSchedule && t->resolved && t->jitter_seconds.value > 0)
      jitter[t->name.value] = t->jitter_seconds.value;
  }
  return jitter;
}

}  // namespace

std::string FlowName(const model::Pipeline& pipeline) {
  DeploymentSettings s = NamesOf(pipeline);
  return s.flow.empty() ? pipeline.name.value : s.flow;
}

std::string WrapperEntrypoint(const model::Pipeline& pipeline) {
  return WrapperPath(pipeline) + ":" + PythonIdentifier(pipeline.name.value);
}

std::string WrapperPath(const model::Pipeline& pipeline) {
  return "trigc_flows/" + pipeline.name.value + ".py";
}

nlohmann::json PolicyOf(const model::Pipeline& pipeline) {
  nlohmann::json policy = nlohmann::json::object();
  if (!pipeline.maintenance_windows.empty()) policy["windows"] = Windows(pipeline);
  if (pipeline.cooldown_seconds && pipeline.cooldown_seconds->value > 0)
    policy["cooldown_seconds"] = pipeline.cooldown_seconds->value;
  if (pipeline.retries && pipeline.retries->attempts.value > 0) {
    policy["retries"] = pipeline.retries->attempts.value;
    policy["retry_delay_seconds"] = pipeline.retries->backoff_seconds.value;
    if (pipeline.retries->backoff.value == "exponential") policy["exponential"] = true;
  }
  nlohmann::json jitter = Jitter(pipeline);
  if (!jitter.empty()) policy["jitter"] = std::move(jitter);
  return policy;
}

Data WrapperData(const model::Pipeline& pipeline, const DeploymentSettings& s) {
  Data d;
  Set(d, "function", PythonIdentifier(pipeline.name.value));
  Set(d, "flow", PythonString(FlowName(pipeline)));
  Set(d, "entrypoint", PythonString(s.entrypoint));
  Set(d, "policy", PythonString(PolicyOf(pipeline).dump()));
  return d;
}

}  // namespace trigc::emit::prefect
