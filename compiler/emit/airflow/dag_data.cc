#include "compiler/emit/airflow/dag_data.h"

#include <fmt/format.h>

#include "compiler/emit/airflow/airflow_checks.h"
#include "compiler/emit/airflow/python_value.h"
#include "compiler/emit/escape.h"
#include "compiler/emit/mustache_list.h"

namespace trigc::emit::airflow {

namespace {

using model::TriggerType;

/// What a file needs imported.
struct Uses {
  bool cron = false, s3 = false, delay = false, jitter = false, windows = false, cooldown = false,
       timedelta = false;
};

std::string Schedule(const Controller& c) {
  if (!c.cron) return "None";
  return fmt::format("CronTriggerTimetable(\n        {},\n        timezone={},\n    )", BlackString(*c.cron),
                     BlackString(c.timezone));
}

Data RetriesData(const model::Pipeline& p, Uses& uses) {
  if (!p.retries || p.retries->attempts.value <= 0) return Data(false);
  uses.timedelta = true;
  Data r;
  r.set("attempts", std::to_string(p.retries->attempts.value));
  r.set("backoff_seconds", std::to_string(p.retries->backoff_seconds.value));
  r.set("exponential", p.retries->backoff.value == "exponential");
  return r;
}

Data WindowsData(const model::Pipeline& p, Uses& uses) {
  if (p.maintenance_windows.empty()) return Data(false);
  uses.windows = true;
  List list;
  for (const model::MaintenanceWindow& w : p.maintenance_windows) {
    std::string days;
    for (int d : w.days) days += (days.empty() ? "" : ", ") + std::to_string(d);
    Data item;
    item.set("days", days);
    item.set("start", std::to_string(w.start_minute));
    item.set("end", std::to_string(w.end_minute));
    item.set("zone", BlackString(w.timezone.value));
    list.push_back(item);
  }
  Data out;
  out.set("list", list);
  return out;
}

Data CooldownData(const Controller& c, Uses& uses) {
  if (!c.cooldown_seconds) return Data(false);
  uses.cooldown = true;
  Data out;
  out.set("seconds", std::to_string(*c.cooldown_seconds));
  out.set("key", BlackString(c.cooldown_key));
  return out;
}

Data S3Data(const Controller& c, const Settings& settings, Uses& uses) {
  const model::Trigger* t = c.trigger;
  if (t == nullptr || t->type != TriggerType::kS3Sensor) return Data(false);
  uses.s3 = true;
  Data out;
  out.set("bucket", BlackString(t->bucket.value));
  out.set("bucket_key", BlackString(t->path.value + (t->glob.value.empty() ? "*" : t->glob.value)));
  out.set("aws_conn_id", BlackString(settings.aws_conn_id));
  out.set("interval", std::to_string(t->interval.value));
  out.set("timeout", std::to_string(c.sensor_timeout));
  return out;
}

/// The task edges, in order: gates, then the launch, then the dependency controllers.
void SetEdges(const Controller& c, const std::vector<std::string>& gates, Data& d) {
  Data& edges = ListIn(d, "edges");
  std::vector<std::string> chain = gates;
  chain.push_back("launch");
  for (size_t i = 1; i < chain.size(); ++i) edges.push_back(Data(chain[i - 1] + " >> " + chain[i]));
  for (size_t i = 0; i < c.downstream.size(); ++i) edges.push_back(Data(fmt::format("launch >> then_{}", i)));
}

Data ControllerData(const model::Pipeline& p, const Controller& c, const Settings& settings, Uses& uses) {
  Data d;
  const model::Trigger* t = c.trigger;
  d.set("dag_id", BlackString(c.dag_id));
  d.set("var", c.var);
  d.set("schedule", Schedule(c));
  uses.cron = uses.cron || c.cron.has_value();
  d.set("timezone", BlackString(c.timezone));
  d.set("catchup", c.catchup ? "True" : "False");
  d.set("max_active_runs", c.max_active_runs ? Data(std::to_string(*c.max_active_runs)) : Data(false));
  d.set("paused", c.paused ? "True" : "False");
  d.set("retries", RetriesData(p, uses));
  d.set("pipeline", BlackString(p.name.value));
  std::vector<std::string> gates;
  Data s3 = S3Data(c, settings, uses);
  if (!s3.is_false()) gates.push_back("sensor");
  d.set("s3", s3);
  bool delayed = t != nullptr && t->type == TriggerType::kDependency && t->delay_minutes.value > 0;
  d.set("delay_minutes", delayed ? Data(std::to_string(t->delay_minutes.value)) : Data(false));
  if (delayed) gates.push_back("delay"), uses.delay = uses.timedelta = true;
  d.set("jitter_seconds", c.jitter_seconds > 0 ? Data(std::to_string(c.jitter_seconds)) : Data(false));
  if (c.jitter_seconds > 0) gates.push_back("jitter"), uses.jitter = true;
  Data windows = WindowsData(p, uses);
  if (!windows.is_false()) gates.push_back("window");
  d.set("windows", windows);
  Data cooldown = CooldownData(c, uses);
  if (!cooldown.is_false()) gates.push_back("cooldown");
  d.set("cooldown", cooldown);
  d.set("target", BlackString(TargetDag(p).value));
  d.set("conf", PythonValue(c.conf, 8));
  d.set("sla_seconds", c.sla_seconds ? Data(std::to_string(*c.sla_seconds)) : Data(false));
  if (c.sla_seconds) uses.timedelta = true;
  Data& downstream = ListIn(d, "downstream");
  for (size_t i = 0; i < c.downstream.size(); ++i) {
    Data item;
    item.set("var", fmt::format("then_{}", i));
    item.set("task_id", BlackString(c.downstream[i].task_id));
    item.set("dag_id", BlackString(c.downstream[i].dag_id));
    item.set("rule", BlackString(c.downstream[i].rule));
    downstream.push_back(item);
  }
  SetEdges(c, gates, d);
  return d;
}

std::string Join(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

}  // namespace

Settings SettingsOf(const model::Project& project) {
  Settings s;
  auto it = project.targets.find(model::Target::kAirflow);
  if (it == project.targets.end()) return s;
  auto version = it->second.numbers.find("version");
  if (version != it->second.numbers.end()) s.version = static_cast<int>(version->second.value);
  auto conn = it->second.strings.find("aws_conn_id");
  if (conn != it->second.strings.end()) s.aws_conn_id = conn->second.value;
  return s;
}

Data DagFileData(const model::Pipeline& pipeline, const std::vector<Controller>& controllers,
                 const Settings& settings) {
  Uses uses;
  Data d;
  Data& list = ListIn(d, "controllers");
  for (const Controller& c : controllers) list.push_back(ControllerData(pipeline, c, settings, uses));
  d.set("v2", settings.version != 3);
  d.set("v3", settings.version == 3);
  d.set("use_random", uses.jitter);
  d.set("use_time", uses.jitter);
  d.set("use_zoneinfo", uses.windows);
  d.set("use_s3", uses.s3);
  d.set("use_delay", uses.delay);
  d.set("use_cron", uses.cron);
  d.set("use_jitter", uses.jitter);
  d.set("use_windows", uses.windows);
  d.set("use_cooldown", uses.cooldown);
  std::vector<std::string> dt;
  if (uses.windows || uses.cooldown) dt.push_back("datetime");
  if (uses.timedelta) dt.push_back("timedelta");
  if (uses.cooldown) dt.push_back("timezone");
  d.set("datetime_names", dt.empty() ? Data(false) : Data(Join(dt)));
  std::vector<std::string> ops;
  if (uses.jitter) ops.push_back("PythonOperator");
  if (uses.windows || uses.cooldown) ops.push_back("ShortCircuitOperator");
  std::string exploded = "(\n";  // one name a line: black keeps it so whatever the length
  for (const std::string& op : ops) exploded += "    " + op + ",\n";
  d.set("python_ops", ops.empty() ? Data(false) : Data(exploded + ")"));
  return d;
}

Data ReadmeData(const Settings& settings) {
  Data d;
  ListIn(d, "rows");
  ListIn(d, "webhooks");
  d.set("has_webhooks", false);
  d.set("version", std::to_string(settings.version));
  d.set("v2", settings.version != 3);
  d.set("v3", settings.version == 3);
  return d;
}

void AddReadmeRows(const model::Pipeline& p, const std::vector<Controller>& controllers, Data& readme) {
  // get() gives const access only; the lists are non-const objects owned by `readme` (mustache_list.h).
  Data& rows = const_cast<Data&>(*readme.get("rows"));
  Data& webhooks = const_cast<Data&>(*readme.get("webhooks"));
  for (const Controller& c : controllers) {
    Data row;
    row.set("pipeline", p.name.value);
    row.set("dag_id", c.dag_id);
    row.set("trigger", c.trigger != nullptr
                           ? fmt::format("`{}` ({})", c.trigger->name.value, model::Name(c.trigger->type))
                           : std::string("started by hand; starts the dependent pipelines"));
    row.set("target", TargetDag(p).value);
    rows.push_back(row);
    if (c.trigger != nullptr && c.trigger->type == TriggerType::kWebhook) {
      Data w;
      w.set("pipeline", p.name.value);
      w.set("endpoint", c.trigger->endpoint.value);
      w.set("dag_id", c.dag_id);
      webhooks.push_back(w);
      readme.set("has_webhooks", true);
    }
  }
}

}  // namespace trigc::emit::airflow
