#include "compiler/explain/preview.h"

#include <fmt/format.h>

#include "compiler/cron/describe.h"
#include "compiler/explain/clock.h"

namespace trigc::explain {

cron::Dialect DialectOf(model::Target target) {
  switch (target) {
    case model::Target::kSystemd:
      return cron::Dialect::kSystemd;
    case model::Target::kDagster:
      return cron::Dialect::kDagster;
    default:
      return cron::Dialect::kTrigc;
  }
}

std::string DialectNote(model::Target target) {
  switch (target) {
    case model::Target::kSystemd:
      return "systemd skips local times that do not exist and runs a repeated local time once, at its first "
             "occurrence (so a wildcard schedule skips the whole repeated hour)";
    case model::Target::kDagster:
      return "Dagster runs a skipped fixed time at the end of the gap and a repeated fixed time at its "
             "second "
             "occurrence";
    case model::Target::kAirflow:
    case model::Target::kPrefect:
      return "croniter evaluates the cron; trigc previews cron's own DST rule, and docs/cron.md lists where "
             "croniter differs on DST days";
    default:
      return "";
  }
}

Preview PreviewCron(const std::string& label, const std::string& text, const cron::CronExpr& expr,
                    const date::time_zone& zone, date::sys_seconds from, size_t n, cron::Dialect dialect) {
  Preview p;
  p.label = label;
  p.cron = text;
  p.timezone = std::string(zone.name());
  p.description = cron::Describe(expr);
  p.from = from;
  p.runs = cron::NextRuns(expr, zone, from, n, dialect);
  return p;
}

nlohmann::ordered_json PreviewJson(const Preview& p) {
  nlohmann::ordered_json runs = nlohmann::ordered_json::array();
  for (const cron::Run& run : p.runs) {
    runs.push_back({{"utc", FormatUtc(run.utc)}, {"local", FormatLocal(run.local, run.utc_offset)}});
  }
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  if (!p.label.empty()) j["trigger"] = p.label;
  j["cron"] = p.cron;
  j["timezone"] = p.timezone;
  j["from"] = FormatUtc(p.from);
  j["runs"] = runs;
  return j;
}

std::string PreviewText(const Preview& p) {
  std::string out = p.label.empty() ? "" : fmt::format("{}: ", p.label);
  out += fmt::format("{} ({}), {}\n", p.cron, p.timezone, p.description);
  for (const cron::Run& run : p.runs) {
    out += fmt::format("  {}  {}\n", FormatLocal(run.local, run.utc_offset), FormatUtc(run.utc));
  }
  if (p.runs.empty()) out += "  (no run in the next eight years)\n";
  return out;
}

}  // namespace trigc::explain
