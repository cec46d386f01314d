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
  bool pendulum = false, upstream = false, deploy_gate = false, cron = false, delta = false, s3 = false,
       delay = false, jitter = false, windows = false, cooldown = false, timedelta = false;
};

std::string Schedule(const Controller& c, int version) {
  if (c.every_seconds > 0)
    return fmt::format("DeltaTriggerTimetable(timedelta(seconds={}))", c.every_seconds);
  if (!c.cron) return "None";
  // Airflow 3 starts a new controller at the next tick, not at the latest past one, when the DAG has no
  // start_date and run_immediately is a zero timedelta: False still runs a tick up to a tenth of the period
  // old.
  return fmt::format("CronTriggerTimetable(\n        {},\n        timezone={},\n{}    )",
                     BlackString(*c.cron), BlackString(c.timezone),
                     version == 3 ? "        run_immediately=timedelta(0),\n" : "");
}

/// Whether the DAG gets a start_date: always on Airflow 2; on Airflow 3 only for catch-up, because a
/// start_date makes a new controller run its latest past tick at once.
bool HasStartDate(const Controller& c, int version) {
  return version != 3 || c.catchup || c.every_seconds > 0;
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
  if (t->type != TriggerType::kS3Sensor) return Data(false);
  uses.s3 = true;
  Data out;
  Set(out, "bucket", BlackString(t->bucket.value));
  Set(out, "prefix", BlackString(t->path.value));
  Set(out, "pattern", BlackString(t->glob.value.empty() ? "*" : t->glob.value));
  Set(out, "aws_conn_id", BlackString(settings.aws_conn_id));
  Set(out, "seen_key", BlackString("trigc_seen__" + c.dag_id));
  Set(out, "conf", PythonValue(c.conf, 12));
  return out;
}

/// The task edges, in order: the gates, then the launch. A launch that takes its conf from the task before it
/// (`.output`) already follows it.
void SetEdges(const std::vector<std::string>& gates, Data& d) {
  Data& edges = ListIn(d, "edges");
  std::vector<std::string> chain = gates;
  chain.push_back("launch");
  for (size_t i = 1; i < chain.size(); ++i) {
    bool by_output =
        i == chain.size() - 1 && (chain[i - 1] == "new_objects" || chain[i - 1] == "upstream_run");
    if (!by_output) Add(edges, Data(chain[i - 1] + " >> " + chain[i]));
  }
}

Data ControllerData(const model::Pipeline& p, const Controller& c, const Settings& settings, Uses& uses) {
  Data d;
  const model::Trigger* t = c.trigger;
  Set(d, "dag_id", BlackString(c.dag_id));
  Set(d, "var", c.var);
  Set(d, "schedule", Schedule(c, settings.version));
  Set(d, "start_date", HasStartDate(c, settings.version));
  uses.pendulum = uses.pendulum || HasStartDate(c, settings.version);
  uses.cron = uses.cron || (c.cron.has_value() && c.every_seconds == 0);
  uses.delta = uses.delta || c.every_seconds > 0;
  uses.timedelta = uses.timedelta || c.every_seconds > 0 || (settings.version == 3 && c.cron.has_value());
  Set(d, "timezone", BlackString(c.timezone));
  Set(d, "catchup", c.catchup ? "True" : "False");
  Set(d, "max_active_runs", c.max_active_runs ? Data(std::to_string(*c.max_active_runs)) : Data(false));
  Set(d, "paused", c.paused ? "True" : "False");
  Set(d, "retries", RetriesData(p, uses));
  Set(d, "pipeline", BlackString(p.name.value));
  std::vector<std::string> gates;
  Data s3 = S3Data(c, settings, uses);
  if (!s3.is_false()) gates.push_back("new_objects");
  Set(d, "mapped", !s3.is_false());
  bool bounded = !s3.is_false() && c.max_concurrent.has_value();
  Set(d, "max_active_tis", bounded ? Data(std::to_string(*c.max_concurrent)) : Data(false));
  Set(d, "wait", c.wait ? "True" : "False");
  Set(d, "wait_true", c.wait);
  Set(d, "s3", s3);
  bool delayed = t->type == TriggerType::kDependency && t->delay_minutes.value > 0;
  Set(d, "delay_minutes", delayed ? Data(std::to_string(t->delay_minutes.value)) : Data(false));
  if (delayed) gates.push_back("delay"), uses.delay = uses.timedelta = true;
  bool gate = settings.version == 2 && c.cron.has_value() && !c.catchup;
  Set(d, "deploy_gate", gate);
  if (gate) gates.push_back("deployed"), uses.deploy_gate = uses.timedelta = true;
  Set(d, "jitter_seconds", c.jitter_seconds > 0 ? Data(std::to_string(c.jitter_seconds)) : Data(false));
  if (c.jitter_seconds > 0) gates.push_back("jitter"), uses.jitter = true;
  Data windows = WindowsData(p, uses);
  if (!windows.is_false()) gates.push_back("window");
  Set(d, "windows", std::move(windows));
  Data cooldown = CooldownData(c, uses);
  if (!cooldown.is_false()) gates.push_back("cooldown");
  Set(d, "cooldown", std::move(cooldown));
  bool upstream = t->type == TriggerType::kDependency;
  Set(d, "upstream", upstream);
  Set(d, "upstream_conf", upstream ? Data(PythonValue(c.conf, 12)) : Data(false));
  if (upstream) gates.push_back("upstream_run"), uses.upstream = true;
  Set(d, "target", BlackString(TargetDag(p).value));
  Set(d, "conf", PythonValue(c.conf, 8));
  Set(d, "sla_seconds", c.sla_seconds ? Data(std::to_string(*c.sla_seconds)) : Data(false));
  if (c.sla_seconds) uses.timedelta = true;
  SetEdges(gates, d);
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
  std::vector<std::string> timetables;
  if (uses.cron) timetables.push_back("CronTriggerTimetable");
  if (uses.delta) timetables.push_back("DeltaTriggerTimetable");
  Set(d, "timetables", timetables.empty() ? Data(false) : Data(Join(timetables)));
  Set(d, "use_jitter", uses.jitter);
  Set(d, "use_deploy_gate", uses.deploy_gate);
  Set(d, "use_pendulum", uses.pendulum);
  Set(d, "use_upstream", uses.upstream);
  Set(d, "use_windows", uses.windows);
  Set(d, "use_cooldown", uses.cooldown);
  Set(d, "use_variable", uses.cooldown || uses.s3);
  std::vector<std::string> dt;
  if (uses.windows || uses.cooldown) dt.push_back("datetime");
  if (uses.timedelta) dt.push_back("timedelta");
  if (uses.cooldown) dt.push_back("timezone");
  Set(d, "datetime_names", dt.empty() ? Data(false) : Data(Join(dt)));
  std::vector<std::string> ops;
  if (uses.jitter || uses.upstream) ops.push_back("PythonOperator");
  if (uses.windows || uses.cooldown || uses.s3 || uses.deploy_gate) ops.push_back("ShortCircuitOperator");
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
  Set(d, "has_plugin", false);
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
    Set(row, "trigger", fmt::format("`{}` ({})", c.trigger->name.value, model::Name(c.trigger->type)));
    Set(row, "target", TargetDag(p).value);
    Add(rows, std::move(row));
    if (c.trigger->type == TriggerType::kWebhook) {
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
