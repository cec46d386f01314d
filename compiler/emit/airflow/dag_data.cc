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
  Set(r, "attempts", std::to_string(p.retries->attempts.value));
  Set(r, "backoff_seconds", std::to_string(p.retries->backoff_seconds.value));
  Set(r, "exponential", p.retries->backoff.value == "exponential");
  return r;
}

Data WindowsData(const model::Pipeline& p, Uses& uses) {
  if (p.maintenance_windows.empty()) return Data(false);
  uses.windows = true;
  Data list(Data::type::list);
  for (const model::MaintenanceWindow& w : p.maintenance_windows) {
    std::string days;
    for (int d : w.days) days += (days.empty() ? "" : ", ") + std::to_string(d);
    Data item;
    Set(item, "days", days);
    Set(item, "start", std::to_string(w.start_minute));
    Set(item, "end", std::to_string(w.end_minute));
    Set(item, "zone", BlackString(w.timezone.value));
    Add(list, std::move(item));
  }
  Data out;
  Set(out, "list", std::move(list));
  return out;
}

Data CooldownData(const Controller& c, Uses& uses) {
  if (!c.cooldown_seconds) return Data(false);
  uses.cooldown = true;
  Data out;
  Set(out, "seconds", std::to_string(*c.cooldown_seconds));
  Set(out, "key", BlackString(c.cooldown_key));
  return out;
}

Data S3Data(const Controller& c, const Settings& settings, Uses& uses) {
  const model::Trigger* t = c.trigger;
  if (t == nullptr || t->type != TriggerType::kS3Sensor) return Data(false);
  uses.s3 = true;
  Data out;
  Set(out, "bucket", BlackString(t->bucket.value));
  Set(out, "bucket_key", BlackString(t->path.value + (t->glob.value.empty() ? "*" : t->glob.value)));
  Set(out, "aws_conn_id", BlackString(settings.aws_conn_id));
  Set(out, "interval", std::to_string(t->interval.value));
  Set(out, "timeout", std::to_string(c.sensor_timeout));
  return out;
}

/// The task edges, in order: gates, then the launch, then the dependency controllers.
void SetEdges(const Controller& c, const std::vector<std::string>& gates, Data& d) {
  Data& edges = ListIn(d, "edges");
  std::vector<std::string> chain = gates;
  chain.push_back("launch");
  for (size_t i = 1; i < chain.size(); ++i) Add(edges, Data(chain[i - 1] + " >> " + chain[i]));
  for (size_t i = 0; i < c.downstream.size(); ++i) Add(edges, Data(fmt::format("launch >> then_{}", i)));
}

Data ControllerData(const model::Pipeline& p, const Controller& c, const Settings& settings, Uses& uses) {
  Data d;
  const model::Trigger* t = c.trigger;
  Set(d, "dag_id", BlackString(c.dag_id));
  Set(d, "var", c.var);
  Set(d, "schedule", Schedule(c));
  uses.cron = uses.cron || c.cron.has_value();
  Set(d, "timezone", BlackString(c.timezone));
  Set(d, "catchup", c.catchup ? "True" : "False");
  Set(d, "max_active_runs", c.max_active_runs ? Data(std::to_string(*c.max_active_runs)) : Data(false));
  Set(d, "paused", c.paused ? "True" : "False");
  Set(d, "retries", RetriesData(p, uses));
  Set(d, "pipeline", BlackString(p.name.value));
  std::vector<std::string> gates;
  Data s3 = S3Data(c, settings, uses);
  if (!s3.is_false()) gates.push_back("sensor");
  Set(d, "s3", std::move(s3));
  bool delayed = t != nullptr && t->type == TriggerType::kDependency && t->delay_minutes.value > 0;
  Set(d, "delay_minutes", delayed ? Data(std::to_string(t->delay_minutes.value)) : Data(false));
  if (delayed) gates.push_back("delay"), uses.delay = uses.timedelta = true;
  Set(d, "jitter_seconds", c.jitter_seconds > 0 ? Data(std::to_string(c.jitter_seconds)) : Data(false));
  if (c.jitter_seconds > 0) gates.push_back("jitter"), uses.jitter = true;
  Data windows = WindowsData(p, uses);
  if (!windows.is_false()) gates.push_back("window");
  Set(d, "windows", std::move(windows));
  Data cooldown = CooldownData(c, uses);
  if (!cooldown.is_false()) gates.push_back("cooldown");
  Set(d, "cooldown", std::move(cooldown));
  Set(d, "target", BlackString(TargetDag(p).value));
  Set(d, "conf", PythonValue(c.conf, 8));
  Set(d, "sla_seconds", c.sla_seconds ? Data(std::to_string(*c.sla_seconds)) : Data(false));
  if (c.sla_seconds) uses.timedelta = true;
  Data& downstream = ListIn(d, "downstream");
  for (size_t i = 0; i < c.downstream.size(); ++i) {
    Data item;
    Set(item, "var", fmt::format("then_{}", i));
    Set(item, "task_id", BlackString(c.downstream[i].task_id));
    Set(item, "dag_id", BlackString(c.downstream[i].dag_id));
    Set(item, "rule", BlackString(c.downstream[i].rule));
    Add(downstream, std::move(item));
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
  for (const Controller& c : controllers) Add(list, ControllerData(pipeline, c, settings, uses));
  Set(d, "v2", settings.version != 3);
  Set(d, "v3", settings.version == 3);
  Set(d, "use_random", uses.jitter);
  Set(d, "use_time", uses.jitter);
  Set(d, "use_zoneinfo", uses.windows);
  Set(d, "use_s3", uses.s3);
  Set(d, "use_delay", uses.delay);
  Set(d, "use_cron", uses.cron);
  Set(d, "use_jitter", uses.jitter);
  Set(d, "use_windows", uses.windows);
  Set(d, "use_cooldown", uses.cooldown);
  std::vector<std::string> dt;
  if (uses.windows || uses.cooldown) dt.push_back("datetime");
  if (uses.timedelta) dt.push_back("timedelta");
  if (uses.cooldown) dt.push_back("timezone");
  Set(d, "datetime_names", dt.empty() ? Data(false) : Data(Join(dt)));
  std::vector<std::string> ops;
  if (uses.jitter) ops.push_back("PythonOperator");
  if (uses.windows || uses.cooldown) ops.push_back("ShortCircuitOperator");
  std::string exploded = "(\n";  // one name a line: black keeps it so whatever the length
  for (const std::string& op : ops) exploded += "    " + op + ",\n";
  Set(d, "python_ops", ops.empty() ? Data(false) : Data(exploded + ")"));
  return d;
}

Data ReadmeData(const Settings& settings) {
  Data d;
  ListIn(d, "rows");
  ListIn(d, "webhooks");
  Set(d, "has_webhooks", false);
  Set(d, "version", std::to_string(settings.version));
  Set(d, "v2", settings.version != 3);
  Set(d, "v3", settings.version == 3);
  return d;
}

void AddReadmeRows(const model::Pipeline& p, const std::vector<Controller>& controllers, Data& readme) {
  // get() gives const access only; the lists are non-const objects owned by `readme` (mustache_list.h).
  Data& rows = const_cast<Data&>(*readme.get("rows"));
  Data& webhooks = const_cast<Data&>(*readme.get("webhooks"));
  for (const Controller& c : controllers) {
    Data row;
    Set(row, "pipeline", p.name.value);
    Set(row, "dag_id", c.dag_id);
    Set(row, "trigger",
        c.trigger != nullptr ? fmt::format("`{}` ({})", c.trigger->name.value, model::Name(c.trigger->type))
                             : std::string("started by hand; starts the dependent pipelines"));
    Set(row, "target", TargetDag(p).value);
    Add(rows, std::move(row));
    if (c.trigger != nullptr && c.trigger->type == TriggerType::kWebhook) {
      Data w;
      Set(w, "pipeline", p.name.value);
      Set(w, "endpoint", c.trigger->endpoint.value);
      Set(w, "dag_id", c.dag_id);
      Add(webhooks, std::move(w));
      Set(readme, "has_webhooks", true);
    }
  }
}

}  // namespace trigc::emit::airflow
