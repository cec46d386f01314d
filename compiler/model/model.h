// The typed model of a project: every pipeline, trigger and setting, each value with its span and where it
// came from. No YAML type is used past this point; later stages (presets, graph, emit) read and refine this
// model.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "compiler/cron/cron_expr.h"
#include "compiler/source/source.h"

namespace trigc::model {

/// Where a value came from (shown by `trigc explain`).
enum class Origin { kBuiltinDefault, kWritten, kProjectDefault, kPreset, kPattern, kDerived };

/// A value with its source span and origin.
template <typename T>
struct Value {
  Value() = default;
  Value(T v, Span s = {}, Origin o = Origin::kBuiltinDefault) : value(std::move(v)), span(s), origin(o) {}

  T value{};
  Span span;
  Origin origin = Origin::kBuiltinDefault;
};

/// The six trigger types of the spec.
enum class TriggerType { kSchedule, kS3Sensor, kWebhook, kFreshness, kDependency, kFileWatch };
/// The emit targets, in the order they are listed everywhere.
enum class Target { kDagster, kAirflow, kPrefect, kCrontab, kSystemd, kMinio };
inline constexpr std::array<Target, 6> kAllTargets = {Target::kDagster, Target::kAirflow, Target::kPrefect,
                                                      Target::kCrontab, Target::kSystemd, Target::kMinio};
/// When a dependency fires.
enum class Condition { kOnSuccess, kOnFailure, kOnCompletion };

/// Names as written in configs ("s3_sensor", "airflow", "on_failure").
const char* Name(TriggerType type);
const char* Name(Target target);
const char* Name(Condition condition);
const char* Name(Origin origin);
/// Parses a name; false when unknown.
bool Parse(std::string_view text, TriggerType& out);
bool Parse(std::string_view text, Target& out);
bool Parse(std::string_view text, Condition& out);

/// A length of time, from `{hours: 6}` or `"6h"`.
struct Duration {
  int64_t seconds = 0;
  Span span;
};

/// Retry policy of a pipeline (or of a schedule pattern).
struct Retries {
  Value<int64_t> attempts;
  Value<int64_t> backoff_seconds{60};
  Value<std::string> backoff{"fixed"};
};

/// The `freshness:` block.
struct Freshness {
  std::optional<Duration> warn_after;
  std::optional<Duration> error_after;
  Span span;
};

/// A schedule after presets, patterns and freshness rules are resolved (the presets stage).
struct ResolvedSchedule {
  Value<std::string> cron;  ///< the final 5-field expression or macro; origin tells where it came from
  cron::CronExpr expr;
  std::string
      via;  ///< "preset 'daily'", "pattern 'production_daily'", "freshness warn_after 6h: hourly", or ""
};

/// One trigger. Fields of other types keep their defaults.
struct Trigger {
  TriggerType type = TriggerType::kSchedule;
  Span span;                ///< the whole trigger mapping
  size_t index = 0;         ///< position in `triggers:`
  Value<std::string> name;  ///< written, or derived ("schedule_0")
  Value<bool> enabled{true};
  std::vector<Target> targets;  ///< empty: every target of the project
  Span targets_span;
  std::optional<Value<int64_t>> cooldown_seconds;
  std::optional<Value<int64_t>> max_concurrent;
  nlohmann::json params = nlohmann::json::object();

  // schedule
  std::optional<Value<std::string>> cron;     ///< as written: expression, macro or preset name
  std::optional<Value<std::string>> pattern;  ///< schedule pattern name
  Value<std::string> timezone{"UTC"};
  Value<bool> catchup{false};
  Value<int64_t> jitter_seconds;
  std::optional<ResolvedSchedule> resolved;  ///< schedule and freshness triggers; none for manual patterns
  // s3_sensor
  Value<std::string> path;
  Value<std::string> bucket;
  Value<std::string> glob;  ///< `pattern:` of an s3_sensor
  Value<int64_t> interval{60};
  // webhook
  Value<std::string> endpoint;
  std::optional<Value<std::string>> secret_env;  ///< NAME of ${env:NAME}
  Value<std::string> source{"generic"};
  Value<std::string> prefix;
  Value<std::string> suffix;
  std::vector<std::string> events;  ///< webhook events (default put), or file_watch events (default created)
  // dependency
  Value<std::string> upstream;
  Value<Condition> condition{Condition::kOnSuccess};
  Value<int64_t> delay_minutes;
  // file_watch (`path` and `events` above are shared)
  Value<bool> recursive{true};
  Value<int64_t> debounce_seconds;
  std::vector<std::string> ignore;
};

/// A window in which no trigger of the pipeline starts a run.
struct MaintenanceWindow {
  std::vector<int> days;  ///< 0 = monday ... 6 = sunday
  int start_minute = 0;   ///< minutes after local midnight
  int end_minute = 0;     ///< exclusive; smaller than start when the window spans midnight
  Value<std::string> timezone{"UTC"};
  std::string description;
  Span span;
};

/// Per-target overrides from a pipeline's `targets:` block.
struct TargetOverride {
  std::optional<Value<std::string>> target;
  std::optional<Value<std::string>> entrypoint;
  std::optional<Value<std::string>> work_pool;
  std::optional<Value<std::string>> runner;
};

/// One pipeline (one config.yaml).
struct Pipeline {
  FileId file = kNoFile;
  std::string dir;  ///< folder of the config, as shown in diagnostics
  Value<std::string> name;
  Value<std::string> target;
  Value<bool> enabled{true};
  std::vector<Trigger> triggers;
  std::optional<Freshness> freshness;
  std::vector<MaintenanceWindow> maintenance_windows;
  std::optional<Value<int64_t>> max_concurrent;
  std::optional<Value<int64_t>> cooldown_seconds;
  std::optional<Retries> retries;
  nlohmann::json params = nlohmann::json::object();
  std::map<Target, TargetOverride> overrides;
};

/// A project-defined schedule pattern (built-in ones live in compiler/presets).
struct PatternDef {
  Value<std::string> name;
  std::optional<Value<std::string>> cron;
  std::optional<Value<std::string>> timezone;
  std::string description;
  std::optional<Value<bool>> catchup;
  bool manual = false;
  std::optional<Retries> retries;
  std::optional<Freshness> freshness;
};

/// Settings of one emit target from `trigc.yaml`.
struct TargetSettings {
  Span span;
  Value<std::string> out;
  std::map<std::string, Value<std::string>> strings;  ///< module, runner, flavor, alias, ...
  std::map<std::string, Value<int64_t>> numbers;      ///< version
};

/// The project file and everything found from it.
struct Project {
  std::optional<FileId> file;  ///< trigc.yaml, when there is one
  std::string root;            ///< folder of trigc.yaml (or the searched path)
  std::vector<Value<std::string>> pipeline_dirs{Value<std::string>("pipelines")};
  Value<std::string> default_timezone{"UTC"};
  std::optional<Value<std::string>> default_bucket;
  std::optional<Value<std::string>> s3_endpoint;
  std::map<std::string, Value<std::string>> cron_presets;
  std::map<std::string, PatternDef> patterns;
  std::map<Target, TargetSettings> targets;  ///< targets to emit; empty: none configured
  std::vector<Pipeline> pipelines;           ///< sorted by name
  std::vector<size_t> order;                 ///< pipeline indices, upstream first, ties by name (graph stage)
  /// Names of pipelines whose config has errors: known to exist, so that nothing else reports them missing.
  std::vector<std::string> broken_pipelines;
  bool project_file_ok = true;  ///< false when trigc.yaml had errors (its settings may be incomplete)
};

}  // namespace trigc::model
