#include "compiler/emit/dagster/dagster_module.h"

#include <algorithm>

#include <fmt/format.h>

#include "compiler/cron/describe.h"
#include "compiler/cron/normalize.h"
#include "compiler/emit/dagster/dagster_literal.h"
#include "compiler/emit/dagster/dagster_names.h"
#include "compiler/emit/emitter.h"
#include "compiler/emit/mustache_list.h"

namespace trigc::emit::dagster {

namespace {

using model::TriggerType;

Data Item(const std::string& key, const std::string& value) {
  Data d;
  Set(d, key, value);
  return d;
}

void SetArgs(Data& d, const std::string& key, const std::vector<std::pair<std::string, std::string>>& args) {
  Data& list = ListIn(d, key);
  for (const auto& [name, value] : args) Add(list, Item("arg", name + "=" + value));
}

std::string Bool(bool b) { return b ? "True" : "False"; }

int64_t Or(const std::optional<model::Value<int64_t>>& a, const std::optional<model::Value<int64_t>>& b) {
  return a ? a->value : b ? b->value : 0;
}

// Pipeline params overlaid with the trigger's, as a JSON text (keys sorted), or "" when there are none.
std::string ParamsJson(const model::Pipeline& p, const model::Trigger& t) {
  nlohmann::json merged = p.params.is_object() ? p.params : nlohmann::json::object();
  if (t.params.is_object()) {
    for (auto it = t.params.begin(); it != t.params.end(); ++it) merged[it.key()] = it.value();
  }
  return merged.empty() ? "" : merged.dump();
}

void SetTags(const model::Pipeline& p, const model::Trigger& t, Data& data) {
  Data& tags = ListIn(data, "tags");
  auto add = [&](const std::string& key, const std::string& value) {
    Data d;
    Set(d, "key", DagsterString(key));
    Set(d, "value", DagsterString(value));
    Add(tags, std::move(d));
  };
  if (p.retries && p.retries->attempts.value > 0) {
    add("dagster/max_retries", std::to_string(p.retries->attempts.value));
    add("dagster/retry_strategy", "FROM_FAILURE");
  }
  std::string params = ParamsJson(p, t);
  if (!params.empty()) add("trigc/params", params);
  add("trigc/pipeline", p.name.value);
  add("trigc/trigger", t.name.value);
}

std::string Status(const model::Pipeline& p, const model::Trigger& t, bool schedule) {
  std::string kind = schedule ? "dg.DefaultScheduleStatus." : "dg.DefaultSensorStatus.";
  return kind + (p.enabled.value && t.enabled.value ? "RUNNING" : "STOPPED");
}

std::string Description(const model::Pipeline& p, const model::Trigger& t, const std::string& what) {
  return DagsterString(
      fmt::format("trigc: {} {} of pipeline {}: {}", model::Name(t.type), t.name.value, p.name.value, what));
}

std::vector<std::string> Strings(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const std::string& v : values) out.push_back(DagsterString(v));
  return out;
}

// Fills the definition-specific part of `d`: constructor, its arguments, the runtime function and its
// arguments.
bool Definition(const model::Project& project, const model::Pipeline& p, const model::Trigger& t, Data& d) {
  std::string name = DagsterString(DefinitionName(p, t));
  std::vector<std::pair<std::string, std::string>> args, fn_args;
  bool schedule = t.type == TriggerType::kSchedule || t.type == TriggerType::kFreshness;
  if (schedule) {
    if (!t.resolved) return false;  // a manual pattern: nothing starts it
    std::string cron = cron::Normalize(t.resolved->expr);
    std::string what = fmt::format("{} in {}, {}", cron, t.timezone.value, cron::Describe(t.resolved->expr));
    if (!t.resolved->via.empty()) what += " (" + t.resolved->via + ")";
    args = {{"name", name},
            {"cron_schedule", DagsterString(cron)},
            {"job_name", "JOB_NAME"},
            {"execution_timezone", DagsterString(t.timezone.value)},
            {"default_status", Status(p, t, true)},
            {"description", Description(p, t, what)}};
    Set(d, "ctor", "dg.ScheduleDefinition");
    Set(d, "fn_arg", "execution_fn");
    Set(d, "fn", "_trigc.schedule_fn");
  } else {
    int64_t interval = t.type == TriggerType::kS3Sensor ? t.interval.value : 30;
    std::string what;
    Set(d, "ctor", "dg.SensorDefinition");
    Set(d, "fn_arg", "evaluation_fn");
    if (t.type == TriggerType::kS3Sensor) {
      std::string bucket = !t.bucket.value.empty()  ? t.bucket.value
                           : project.default_bucket ? project.default_bucket->value
                                                    : std::string();
      std::string pattern = t.glob.value.empty() ? "*" : t.glob.value;
      what = fmt::format("objects of s3://{}/{} matching {}", bucket, t.path.value, pattern);
      Set(d, "fn", "_trigc.s3_sensor_fn");
      fn_args = {{"bucket", DagsterString(bucket)},
                 {"prefix", DagsterString(t.path.value)},
                 {"pattern", DagsterString(pattern)},
                 {"endpoint_url", project.s3_endpoint ? DagsterString(project.s3_endpoint->value) : "None"}};
    } else if (t.type == TriggerType::kFileWatch) {
      std::vector<std::string> events = t.events.empty() ? std::vector<std::string>{"created"} : t.events;
      what = fmt::format("files matching {}", t.path.value);
      Set(d, "fn", "_trigc.file_sensor_fn");
      fn_args = {{"pattern", DagsterString(t.path.value)},
                 {"events", ListLiteral(Strings(events), 8)},
                 {"recursive", Bool(t.recursive.value)},
                 {"debounce_seconds", std::to_string(t.debounce_seconds.value)},
                 {"ignore", ListLiteral(Strings(t.ignore), 8)}};
    } else {
      // project.pipelines is sorted by name (model::CheckProject): a binary search, not a scan per trigger.
      auto found = std::lower_bound(
          project.pipelines.begin(), project.pipelines.end(), t.upstream.value,
          [](const model::Pipeline& q, const std::string& name) { return q.name.value < name; });
      if (found == project.pipelines.end() || found->name.value != t.upstream.value) return false;
      const model::Pipeline* upstream = &*found;
      std::vector<std::string> statuses;
      if (t.condition.value != model::Condition::kOnFailure)
        statuses.push_back("dg.DagsterRunStatus.SUCCESS");
      if (t.condition.value != model::Condition::kOnSuccess)
        statuses.push_back("dg.DagsterRunStatus.FAILURE");
      what = fmt::format("{} of pipeline {}, {} minutes later", model::Name(t.condition.value),
                         upstream->name.value, t.delay_minutes.value);
      Set(d, "fn", "_trigc.dependency_sensor_fn");
      fn_args = {{"upstream_pipeline", DagsterString(upstream->name.value)},
                 {"upstream_job", DagsterString(JobName(*upstream).value)},
                 {"statuses", ListLiteral(statuses, 8)},
                 {"delay_minutes", std::to_string(t.delay_minutes.value)}};
    }
    args = {{"name", name},
            {"job_name", "JOB_NAME"},
            {"minimum_interval_seconds", std::to_string(interval)},
            {"default_status", Status(p, t, false)},
            {"description", Description(p, t, what)}};
  }
  SetArgs(d, "args", args);
  SetArgs(d, "fn_args", fn_args);
  Set(d, "schedule", schedule);
  return true;
}

void SetWindows(const model::Pipeline& p, Data& data) {
  Data& windows = ListIn(data, "windows");
  for (const model::MaintenanceWindow& w : p.maintenance_windows) {
    std::vector<std::string> days;
    for (int day : w.days) days.push_back(std::to_string(day));
    Data d;
    Set(d, "days", ListLiteral(days, 8));
    Set(d, "start", std::to_string(w.start_minute));
    Set(d, "end", std::to_string(w.end_minute));
    Set(d, "timezone", DagsterString(w.timezone.value));
    Set(d, "description", DagsterString(w.description));
    Add(windows, std::move(d));
  }
}

void Policies(const model::Pipeline& p, Data& data) {
  if (p.retries && p.retries->attempts.value > 0) {
    Data r;
    Set(r, "max_retries", std::to_string(p.retries->attempts.value));
    Set(r, "delay", std::to_string(p.retries->backoff_seconds.value));
    Set(r, "backoff",
        p.retries->backoff.value == "exponential" ? "dg.Backoff.EXPONENTIAL" : "dg.Backoff.LINEAR");
    Set(r, "exponential", p.retries->backoff.value == "exponential");
    Set(data, "retry", std::move(r));
  }
  if (p.freshness && (p.freshness->error_after || p.freshness->warn_after)) {
    Data f;
    const model::Duration& fail =
        p.freshness->error_after ? *p.freshness->error_after : *p.freshness->warn_after;
    Set(f, "fail", std::to_string(fail.seconds));
    if (p.freshness->error_after && p.freshness->warn_after) {
      Set(f, "warn", std::to_string(p.freshness->warn_after->seconds));
    }
    Set(data, "freshness", std::move(f));
  }
}

}  // namespace

std::string ListLiteral(const std::vector<std::string>& items, int indent) {
  if (items.empty()) return "[]";
  std::string pad(static_cast<size_t>(indent), ' ');
  std::string out = "[\n";
  for (const std::string& item : items) out += pad + "    " + item + ",\n";
  return out + pad + "]";
}

Data PipelineData(const model::Project& project, const model::Pipeline& p) {
  Data data;
  Set(data, "pipeline", DagsterString(p.name.value));
  Set(data, "job", DagsterString(JobName(p).value));
  SetWindows(p, data);
  bool has_windows = !p.maintenance_windows.empty();
  Set(data, "has_windows", has_windows);
  Policies(p, data);
  Set(data, "uses_datetime",
      p.freshness.has_value() && (p.freshness->error_after || p.freshness->warn_after));
  Data& definitions = ListIn(data, "definitions");
  Data& schedules = ListIn(data, "schedules");
  Data& sensors = ListIn(data, "sensors");
  size_t index = 0;
  for (const model::Trigger* t : TriggersFor(p, model::Target::kDagster)) {
    Data d;
    if (!Definition(project, p, *t, d)) continue;
    std::string var = fmt::format("trigger_{}", index);
    Set(d, "var", var);
    Set(d, "policy_var", fmt::format("policy_{}", index));
    Set(d, "trigger", DagsterString(t->name.value));
    SetTags(p, *t, d);
    Set(d, "cooldown", std::to_string(Or(t->cooldown_seconds, p.cooldown_seconds)));
    Set(d, "max_concurrent", std::to_string(Or(t->max_concurrent, p.max_concurrent)));
    bool is_schedule = t->type == TriggerType::kSchedule || t->type == TriggerType::kFreshness;
    (is_schedule ? schedules : sensors).push_back(Item("var", var));
    Add(definitions, std::move(d));
    ++index;
  }
  bool has_definitions = index > 0;
  Set(data, "uses_dg",
      has_definitions || (p.retries && p.retries->attempts.value > 0) || p.freshness.has_value());
  Set(data, "uses_trigc", has_definitions || has_windows);
  Set(data, "has_schedules", schedules.is_non_empty_list());
  Set(data, "has_sensors", sensors.is_non_empty_list());
  return data;
}

}  // namespace trigc::emit::dagster
