// libFuzzer harness: the cron engine. Parse; for every accepted expression, the normalised form must parse to
// the same schedule, and describing it and computing runs in zones with and without DST must terminate.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include <date/tz.h>

#include "compiler/cron/describe.h"
#include "compiler/cron/next_runs.h"
#include "compiler/cron/normalize.h"
#include "compiler/cron/parse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  trigc::cron::ParseResult result = trigc::cron::Parse(text);
  if (!result.ok()) {
    const auto& e = result.error();
    if (e.begin > e.end || e.end > text.size() + 1) std::abort();  // an error must point inside the text
    return 0;
  }
  const trigc::cron::CronExpr& expr = result.expr();
  trigc::cron::ParseResult again = trigc::cron::Parse(trigc::cron::Normalize(expr));
  if (!again.ok() || !trigc::cron::SameSchedule(expr, again.expr())) std::abort();
  (void)trigc::cron::Describe(expr);
  static const date::time_zone* zones[] = {date::locate_zone("UTC"), date::locate_zone("America/New_York"),
                                           date::locate_zone("Australia/Lord_Howe")};
  date::sys_seconds from = date::sys_days{date::year{2026} / 3 / 7};
  for (const date::time_zone* zone : zones) {
    for (auto dialect :
         {trigc::cron::Dialect::kTrigc, trigc::cron::Dialect::kSystemd, trigc::cron::Dialect::kDagster}) {
      auto runs = trigc::cron::NextRuns(expr, *zone, from, 8, dialect);
      for (size_t i = 1; i < runs.size(); ++i) {
        if (runs[i].utc <= runs[i - 1].utc) std::abort();  // strictly increasing
      }
    }
  }
  return 0;
}
