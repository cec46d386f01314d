#include "compiler/emit/capabilities.h"

#include <algorithm>

#include <fmt/format.h>

namespace trigc::emit {

namespace {

constexpr Support N = Support::kNative;
constexpr Support E = Support::kEmulated;
constexpr Support U = Support::kUnsupported;
constexpr Support X = Support::kNotApplicable;

// Columns: dagster, airflow, prefect, crontab, systemd, minio.
const std::vector<CapabilityRow> kMatrix = {
    {"schedule",
     {{N,
       "ScheduleDefinition with execution_timezone and default_status; its execution_fn applies the "
       "policies"},
      {N, "a controller DAG per trigger on CronTriggerTimetable(cron, timezone=...)"},
      {N,
       "deployment schedules with cron, timezone, day_or: true and active; runs start on time (within any "
       "jitter_seconds); catchup: true is an error"},
      {N,
       "crontab lines (two where cron's day OR needs them) calling the pipeline's run script; CRON_TZ= for "
       "cronie, a zone guard in the script for Debian cron"},
      {N,
       "a .timer per trigger: OnCalendar= with the zone suffix (two where the day OR needs them), "
       "AccuracySec=1s, Persistent= from catchup, RandomizedDelaySec= from jitter_seconds"},
      {X, "MinIO only sets up bucket notifications (E0560 when a trigger is limited to minio)"}}},
    {"s3_sensor",
     {{N,
       "SensorDefinition listing the prefix with boto3, fnmatch below it, last-modified cursor, run_key from "
       "key and ETag"},
      {E,
       "controller DAG polling every interval, one run at a time: lists the prefix, launches one run per new "
       "key (the first poll is the baseline)"},
      {U,
       "Prefect has no bucket sensor, and the webhooks that could receive bucket events are Prefect Cloud "
       "only"},
      {U, "cron cannot watch a bucket: use the minio target or an orchestrator target"},
      {U, "systemd path units watch local files only"},
      {N,
       "bucket notification (mc event add --event put, path + pattern as --prefix/--suffix) to "
       "webhook_base_url + /webhooks/<pipeline>-<trigger>; interval is not used (MinIO pushes)"}}},
    {"webhook",
     {{U, "Dagster has no inbound webhooks: use the airflow or minio target"},
      {E,
       "controller DAG without schedule, started by the Airflow REST API (README.md); source: generic only"},
      {U,
       "Prefect webhooks are Prefect Cloud only; on a self-hosted server let the sender run `prefect "
       "deployment run`"},
      {U, "cron has no inbound endpoint"},
      {U, "systemd has no inbound endpoint"},
      {N,
       "source: minio: notify_webhook target plus mc event add (bucket, prefix, suffix, events); source: "
       "generic is not MinIO's concern (E0560 when limited to minio)"}}},
    {"freshness",
     {{N, "derived ScheduleDefinition plus FRESHNESS_POLICY (FreshnessPolicy.time_window) for the assets"},
      {E,
       "derived schedule on a controller DAG; Airflow 2: sla on the launch task; Airflow 3: unmonitored "
       "(W0520)"},
      {N,
       "derived schedule plus a Proactive event trigger that starts a run when no run completed within "
       "warn_after"},
      {E, "derived schedule as crontab lines"},
      {E, "derived schedule as an OnCalendar= timer"},
      {X, "MinIO only sets up bucket notifications (E0560 when a trigger is limited to minio)"}}},
    {"dependency",
     {{E, "SensorDefinition reading the upstream job's finished runs, delay_minutes after each run's end"},
      {E,
       "DAG-run listener plugin: any final run of the upstream's target DAG starts the dependency's "
       "controller"},
      {N,
       "Reactive event trigger on prefect.flow-run.Completed/Failed/Crashed of the upstream deployment, "
       "delay as schedule_after"},
      {E,
       "the upstream run script starts the downstream run script in the background, per condition and after "
       "delay_minutes"},
      {N,
       "OnSuccess= / OnFailure= on every upstream service; a delay through a one-shot .timer (OnActiveSec=)"},
      {X, "MinIO only sets up bucket notifications (E0560 when a trigger is limited to minio)"}}},
    {"file_watch",
     {{E, "SensorDefinition polling the glob (created, modified, deleted; not moved)"},
      {U, "no generated file sensor yet"},
      {U, "Prefect has no file watch"},
      {U, "cron cannot watch files"},
      {N,
       ".path unit: PathExistsGlob=/PathExists= for created, PathChanged= for modified; debounce and ignore "
       "in the run script; recursive and deleted are errors (E0542)"},
      {X, "MinIO only sets up bucket notifications (E0560 when a trigger is limited to minio)"}}},
    {"maintenance_windows",
     {{E, "schedules and sensors skip with a SkipReason inside a window"},
      {E, "a ShortCircuitOperator skips the launch inside a window"},
      {E,
       "the generated wrapper flow of the deployment skips a schedule's tick inside a window and holds "
       "other runs until it ends"},
      {E, "the run script skips the run inside a window"},
      {E, "ExecCondition= runs the script's check, which skips inside a window"},
      {X, "the receiver that starts runs applies it"}}},
    {"max_concurrent",
     {{E, "schedules and sensors skip with a SkipReason while max_concurrent runs are active"},
      {E, "max_active_runs of each controller DAG, which waits for its launch"},
      {N, "concurrency_limit of the deployment (a trigger's own max_concurrent is an error)"},
      {E, "flock -n on max_concurrent lock slots in the run script"},
      {E, "flock -n on max_concurrent lock slots in the run script (a unit never runs twice at once)"},
      {X, "the receiver that starts runs applies it"}}},
    {"cooldown_seconds",
     {{E, "schedules and sensors skip with a SkipReason until the cooldown after the last run"},
      {E, "a ShortCircuitOperator skips the launch until the cooldown has passed"},
      {E,
       "the generated wrapper flow skips a tick and holds other runs until the cooldown after the last "
       "earlier "
       "run has passed (a trigger's own cooldown is an error)"},
      {E, "the run script checks the last start time"},
      {E, "the run script checks the last start time"},
      {X, "the receiver that starts runs applies it"}}},
    {"retries",
     {{N, "dagster/max_retries and dagster/retry_strategy run tags, plus an exported RetryPolicy"},
      {E, "retries, retry_delay in default_args: a failed launch starts the target again"},
      {E,
       "retries and retry_delay_seconds of the generated wrapper flow; exponential backoff doubles the run's "
       "retry delay on the server after each failed attempt"},
      {E, "the run script retries the runner command (fixed or exponential backoff)"},
      {E,
       "the run script retries the runner command (fixed or exponential backoff); the service fails after "
       "the last attempt"},
      {X, "the receiver that starts runs applies it"}}},
    {"params",
     {{N, "run tag trigc/params holding the params as JSON"},
      {N, "conf of the target DAG run"},
      {N, "deployment parameters; a trigger's params on its schedule or event trigger"},
      {E, "JSON in TRIGC_PARAMS in the runner's environment"},
      {E, "JSON in TRIGC_PARAMS in the runner's environment"},
      {X, "the receiver that starts runs applies it"}}},
};

const Capability kNotApplicable{X, "not used"};

const char* SupportWord(Support s) {
  switch (s) {
    case Support::kNative:
      return "native";
    case Support::kEmulated:
      return "emulated";
    case Support::kUnsupported:
      return "unsupported";
    case Support::kNotApplicable:
      return "n/a";
  }
  return "";
}

std::string Supporting(std::string_view feature, const std::vector<model::Target>& among) {
  std::string out;
  for (model::Target t : among) {
    Support s = CapabilityOf(feature, t).support;
    if (s == Support::kNative || s == Support::kEmulated)
      out += (out.empty() ? "" : ", ") + std::string(model::Name(t));
  }
  return out;
}

void ReportUnsupported(const model::Pipeline& p, const model::Trigger* t, std::string_view feature, Span span,
                       model::Target target, const std::vector<model::Target>& targets, DiagSink& sink) {
  const Capability& c = CapabilityOf(feature, target);
  std::string what = t != nullptr ? fmt::format("trigger {} ({})", Quote(t->name.value), model::Name(t->type))
                                  : fmt::format("'{}'", feature);
  auto b = sink.Report(Code::E0501, span,
                       fmt::format("pipeline {}: {} cannot be emitted for target {}", Quote(p.name.value),
                                   what, model::Name(target)));
  b.Note({}, std::string(c.how));
  std::string others = Supporting(feature, targets);
  if (t != nullptr) {
    b.Help(others.empty()
               ? fmt::format("remove '{}' from the targets in trigc.yaml, or remove this trigger",
                             model::Name(target))
               : fmt::format("limit the trigger to the targets that support it: 'targets: [{}]', or "
                             "remove '{}' from the targets in trigc.yaml",
                             others, model::Name(target)));
  } else {
    b.Help(fmt::format("remove '{}' from this pipeline, or '{}' from the targets in trigc.yaml", feature,
                       model::Name(target)));
  }
}

}  // namespace

const std::vector<CapabilityRow>& CapabilityMatrix() { return kMatrix; }

const Capability& CapabilityOf(std::string_view feature, model::Target target) {
  for (const CapabilityRow& row : kMatrix) {
    if (row.feature == feature) return row.cells[static_cast<int>(target)];
  }
  return kNotApplicable;
}

void CheckCapabilities(const model::Project& project, const std::vector<model::Target>& targets,
                       DiagSink& sink) {
  for (const model::Pipeline& p : project.pipelines) {
    for (const model::Trigger& t : p.triggers) {
      for (model::Target listed : t.targets) {
        if (project.targets.count(listed) == 0 &&
            std::find(targets.begin(), targets.end(), listed) == targets.end()) {
          sink.Report(Code::W0501, t.targets_span,
                      fmt::format("trigger {} lists target '{}', which is not built", Quote(t.name.value),
                                  model::Name(listed)))
              .Help(fmt::format("nothing is emitted for '{}' until trigc.yaml configures it under 'targets:'",
                                model::Name(listed)));
        }
      }
      for (model::Target target : targets) {
        bool goes =
            t.targets.empty() || std::find(t.targets.begin(), t.targets.end(), target) != t.targets.end();
        if (goes && CapabilityOf(model::Name(t.type), target).support == Support::kUnsupported) {
          ReportUnsupported(p, &t, model::Name(t.type), t.span, target, targets, sink);
        }
      }
    }
    auto check_key = [&](std::string_view key, bool used, Span span) {
      if (!used) return;
      for (model::Target target : targets) {
        if (CapabilityOf(key, target).support == Support::kUnsupported) {
          ReportUnsupported(p, nullptr, key, span, target, targets, sink);
        }
      }
    };
    check_key("maintenance_windows", !p.maintenance_windows.empty(),
              p.maintenance_windows.empty() ? Span{} : p.maintenance_windows.front().span);
    check_key("cooldown_seconds", p.cooldown_seconds.has_value(),
              p.cooldown_seconds ? p.cooldown_seconds->span : Span{});
    check_key("retries", p.retries.has_value() && p.retries->attempts.value > 0,
              p.retries ? p.retries->attempts.span : Span{});
  }
}

std::string CapabilityTable() {
  std::string out = "| feature |";
  for (model::Target t : model::kAllTargets) out += fmt::format(" {} |", model::Name(t));
  out += "\n|---|---|---|---|---|---|---|\n";
  for (const CapabilityRow& row : kMatrix) {
    out += fmt::format("| `{}` |", row.feature);
    for (const Capability& c : row.cells) {
      out += c.support == Support::kNotApplicable ? " n/a |"
                                                  : fmt::format(" {}: {} |", SupportWord(c.support), c.how);
    }
    out += "\n";
  }
  return out;
}

}  // namespace trigc::emit
