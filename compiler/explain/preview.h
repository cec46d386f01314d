// `trigc preview`: the next runs of a cron expression or of every scheduled trigger of a pipeline, in its
// zone, with trigc's DST rule or the rule of one target.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "compiler/cron/next_runs.h"
#include "compiler/model/model.h"

namespace trigc::explain {

/// One previewed schedule.
struct Preview {
  std::string label;  ///< trigger name ("" for --cron)
  std::string cron;   ///< the final expression
  std::string timezone;
  std::string description;
  date::sys_seconds from;
  std::vector<cron::Run> runs;
};

/// The DST rule a target follows (crontab, Airflow and Prefect: trigc's own; see docs/cron.md).
cron::Dialect DialectOf(model::Target target);

/// What a target does differently around DST, in one line ("" when it follows trigc's rule).
std::string DialectNote(model::Target target);

/// Next `n` runs of `expr` in `zone` after `from`.
Preview PreviewCron(const std::string& label, const std::string& text, const cron::CronExpr& expr,
                    const date::time_zone& zone, date::sys_seconds from, size_t n, cron::Dialect dialect);

/// The spec's JSON shape: {"cron", "timezone", "from", "runs": [{"utc", "local"}]} (+ "trigger" when
/// labelled).
nlohmann::ordered_json PreviewJson(const Preview& preview);

/// Text for people: a header line and one line per run.
std::string PreviewText(const Preview& preview);

}  // namespace trigc::explain
