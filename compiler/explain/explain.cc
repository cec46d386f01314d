#include "compiler/explain/explain.h"

#include <fmt/format.h>

#include "compiler/model/duration.h"

#include "compiler/cron/describe.h"
#include "compiler/cron/normalize.h"

namespace trigc::explain {

namespace {

using model::Value;
using nlohmann::json;

template <typename T>
json V(const Value<T>& v) {
  return {{"value", v.value}, {"from", model::Name(v.origin)}};
}

template <typename T>
std::string T2(const Value<T>& v) {
  if constexpr (std::is_same_v<T, bool>) {
    return fmt::format("{} ({})", v.value ? "true" : "false", model::Name(v.origin));
  } else {
    return fmt::format("{} ({})", v.value, model::Name(v.origin));
  }
}

std::string Clock(int minute) { return fmt::format("{:02}:{:02}", minute / 60, minute % 60); }

json TriggerJson(const model::Trigger& t) {
  json j = {{"type", model::Name(t.type)}, {"name", V(t.name)}, {"enabled", V(t.enabled)}};
  json targets = json::array();
  for (model::Target target : t.targets) targets.push_back(model::Name(target));
  j["targets"] = targets;
  if (t.cooldown_seconds) j["cooldown_seconds"] = V(*t.cooldown_seconds);
  if (t.max_concurrent) j["max_concurrent"] = V(*t.max_concurrent);
  if (!t.params.empty()) j["params"] = t.params;
  switch (t.type) {
    case model::TriggerType::kSchedule:
    case model::TriggerType::kFreshness:
      if (t.cron) j["cron_written"] = t.cron->value;
      if (t.pattern) j["pattern"] = t.pattern->value;
      if (t.resolved) {
        j["cron"] = V(t.resolved->cron);
        j["normalized"] = cron::Normalize(t.resolved->expr);
        j["via"] = t.resolved->via;
        j["description"] = cron::Describe(t.resolved->expr);
      } else {
        j["cron"] = nullptr;  // a manual pattern: no schedule
      }
      j["timezone"] = V(t.timezone);
      if (t.type == model::TriggerType::kSchedule) {
        j["catchup"] = V(t.catchup);
        j["jitter_seconds"] = V(t.jitter_seconds);
      }
      break;
    case model::TriggerType::kS3Sensor:
      j["bucket"] = V(t.bucket);
      j["path"] = V(t.path);
      j["pattern"] = V(t.glob);
      j["interval"] = V(t.interval);
      break;
    case model::TriggerType::kWebhook:
      j["endpoint"] = V(t.endpoint);
      j["source"] = V(t.source);
      j["secret_env"] = t.secret_env ? json(t.secret_env->value) : json(nullptr);
      j["bucket"] = V(t.bucket);
      j["prefix"] = V(t.prefix);
      j["suffix"] = V(t.suffix);
      j["events"] = t.events;
      break;
    case model::TriggerType::kDependency:
      j["upstream"] = V(t.upstream);
      j["condition"] = {{"value", model::Name(t.condition.value)}, {"from", model::Name(t.condition.origin)}};
      j["delay_minutes"] = V(t.delay_minutes);
      break;
    case model::TriggerType::kFileWatch:
      j["path"] = V(t.path);
      j["events"] = t.events;
      j["recursive"] = V(t.recursive);
      j["debounce_seconds"] = V(t.debounce_seconds);
      j["ignore"] = t.ignore;
      break;
  }
  return j;
}

std::string TriggerText(const model::Trigger& t) {
  std::string out =
      fmt::format("  - {} {} (name {})\n", model::Name(t.type), t.name.value, model::Name(t.name.origin));
  auto line = [&](const std::string& key, const std::string& value) {
    out += fmt::format("      {}: {}\n", key, value);
  };
  if (!t.enabled.value || t.enabled.origin == model::Origin::kWritten) line("enabled", T2(t.enabled));
  if (!t.targets.empty()) {
    std::string names;
    for (model::Target target : t.targets)
      names += (names.empty() ? "" : ", ") + std::string(model::Name(target));
    line("targets", names);
  }
  switch (t.type) {
    case model::TriggerType::kSchedule:
    case model::TriggerType::kFreshness:
      if (t.resolved) {
        line("cron",
             fmt::format("{} ({})", t.resolved->cron.value,
                         t.resolved->via.empty() ? model::Name(t.resolved->cron.origin) : t.resolved->via));
        line("runs", cron::Describe(t.resolved->expr));
      } else {
        line("cron", "none (manual: runs only when started by hand or by another trigger)");
      }
      line("timezone", T2(t.timezone));
      if (t.type == model::TriggerType::kSchedule) {
        line("catchup", T2(t.catchup));
        if (t.jitter_seconds.value != 0) line("jitter_seconds", T2(t.jitter_seconds));
      }
      break;
    case model::TriggerType::kS3Sensor:
      line("bucket", t.bucket.value.empty() ? "none (set defaults.bucket in trigc.yaml)" : T2(t.bucket));
      line("objects", fmt::format("{}{}", t.path.value, t.glob.value.empty() ? "*" : t.glob.value));
      line("interval", fmt::format("{}s ({})", t.interval.value, model::Name(t.interval.origin)));
      break;
    case model::TriggerType::kWebhook:
      line("endpoint", t.endpoint.value);
      line("source", T2(t.source));
      if (t.secret_env) line("secret", fmt::format("from the environment variable {}", t.secret_env->value));
      if (t.source.value == "minio") {
        line("notifications", fmt::format("bucket {} prefix '{}' suffix '{}' events {}", t.bucket.value,
                                          t.prefix.value, t.suffix.value, fmt::join(t.events, ",")));
      }
      break;
    case model::TriggerType::kDependency:
      line("after",
           fmt::format("{} {} ({}), delay {} minutes", t.upstream.value, model::Name(t.condition.value),
                       model::Name(t.condition.origin), t.delay_minutes.value));
      break;
    case model::TriggerType::kFileWatch:
      line("path", t.path.value);
      line("events", fmt::format("{}", fmt::join(t.events, ", ")));
      line("recursive", T2(t.recursive));
      if (t.debounce_seconds.value != 0) line("debounce_seconds", T2(t.debounce_seconds));
      if (!t.ignore.empty()) line("ignore", fmt::format("{}", fmt::join(t.ignore, ", ")));
      break;
  }
  if (t.cooldown_seconds) line("cooldown_seconds", T2(*t.cooldown_seconds));
  if (t.max_concurrent) line("max_concurrent", T2(*t.max_concurrent));
  if (!t.params.empty()) line("params", t.params.dump());
  return out;
}

// The settings of a pipeline's `targets:` block for one target, as (key, value) pairs in schema order.
std::vector<std::pair<const char*, const Value<std::string>*>> OverrideFields(
    const model::TargetOverride& o) {
  std::vector<std::pair<const char*, const Value<std::string>*>> fields;
  if (o.target) fields.emplace_back("target", &*o.target);
  if (o.entrypoint) fields.emplace_back("entrypoint", &*o.entrypoint);
  if (o.work_pool) fields.emplace_back("work_pool", &*o.work_pool);
  if (o.runner) fields.emplace_back("runner", &*o.runner);
  return fields;
}

}  // namespace

json ExplainPipelineJson(const model::Project& project, const model::Pipeline& p,
                         const SourceManager& sources) {
  json j = {{"pipeline", p.name.value},
            {"file", sources.Get(p.file).path()},
            {"name", V(p.name)},
            {"target", V(p.target)},
            {"enabled", V(p.enabled)}};
  json triggers = json::array();
  for (const model::Trigger& t : p.triggers) triggers.push_back(TriggerJson(t));
  j["triggers"] = triggers;
  if (p.freshness) {
    json f = json::object();
    if (p.freshness->warn_after) f["warn_after_seconds"] = p.freshness->warn_after->seconds;
    if (p.freshness->error_after) f["error_after_seconds"] = p.freshness->error_after->seconds;
    j["freshness"] = f;
  }
  if (p.max_concurrent) j["max_concurrent"] = V(*p.max_concurrent);
  if (p.cooldown_seconds) j["cooldown_seconds"] = V(*p.cooldown_seconds);
  if (p.retries) {
    j["retries"] = {{"attempts", V(p.retries->attempts)},
                    {"backoff", V(p.retries->backoff)},
                    {"backoff_seconds", V(p.retries->backoff_seconds)}};
  }
  json windows = json::array();
  for (const model::MaintenanceWindow& w : p.maintenance_windows) {
    windows.push_back({{"days", w.days},
                       {"start", Clock(w.start_minute)},
                       {"end", Clock(w.end_minute)},
                       {"timezone", V(w.timezone)},
                       {"description", w.description}});
  }
  j["maintenance_windows"] = windows;
  j["params"] = p.params;
  json overrides = json::object();
  for (const auto& [target, o] : p.overrides) {
    json fields = json::object();
    for (const auto& [key, value] : OverrideFields(o)) fields[key] = V(*value);
    overrides[std::string(model::Name(target))] = fields;
  }
  j["overrides"] = overrides;
  json targets = json::array();
  for (const auto& [target, settings] : project.targets) targets.push_back(model::Name(target));
  j["emit_targets"] = targets;
  return j;
}

std::string ExplainPipelineText(const model::Project& project, const model::Pipeline& p,
                                const SourceManager& sources) {
  std::string out = fmt::format("pipeline {} ({})\n", p.name.value, sources.Get(p.file).path());
  out += fmt::format("  launches: {}\n", T2(p.target));
  out += fmt::format("  enabled: {}\n", T2(p.enabled));
  out += p.triggers.empty() ? "  triggers: none\n" : "  triggers:\n";
  for (const model::Trigger& t : p.triggers) out += TriggerText(t);
  if (p.freshness) {
    out += fmt::format(
        "  freshness: warn after {}, error after {}\n",
        p.freshness->warn_after ? model::FormatDuration(p.freshness->warn_after->seconds) : "-",
        p.freshness->error_after ? model::FormatDuration(p.freshness->error_after->seconds) : "-");
  }
  if (p.max_concurrent) out += fmt::format("  max_concurrent: {}\n", T2(*p.max_concurrent));
  if (p.cooldown_seconds) out += fmt::format("  cooldown_seconds: {}\n", T2(*p.cooldown_seconds));
  if (p.retries) {
    out += fmt::format("  retries: {} attempts, {} backoff from {}s ({})\n", p.retries->attempts.value,
                       p.retries->backoff.value, p.retries->backoff_seconds.value,
                       model::Name(p.retries->attempts.origin));
  }
  static const char* const kDays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                      "friday", "saturday", "sunday"};
  for (const model::MaintenanceWindow& w : p.maintenance_windows) {
    std::string days;
    for (int d : w.days) days += (days.empty() ? "" : ",") + std::string(kDays[d]);
    out += fmt::format("  maintenance window: {} {}-{} {} ({}){}\n", days, Clock(w.start_minute),
                       Clock(w.end_minute), w.timezone.value, model::Name(w.timezone.origin),
                       w.description.empty() ? "" : ": " + w.description);
  }
  if (!p.params.empty()) out += fmt::format("  params: {}\n", p.params.dump());
  // What the pipeline's `targets:` block changes for one target: which job it launches there, above all.
  for (const auto& [target, o] : p.overrides) {
    std::string fields;
    for (const auto& [key, value] : OverrideFields(o))
      fields += fmt::format("{}{}: {}", fields.empty() ? "" : ", ", key, T2(*value));
    if (!fields.empty()) out += fmt::format("  for {}: {}\n", model::Name(target), fields);
  }
  std::string targets;
  for (const auto& [target, settings] : project.targets)
    targets += (targets.empty() ? "" : ", ") + std::string(model::Name(target));
  out += fmt::format("  emitted for: {}\n",
                     targets.empty() ? "no target (none configured in trigc.yaml)" : targets);
  return out;
}

}  // namespace trigc::explain
