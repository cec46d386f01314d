#include "compiler/cron/run_format.h"

#include <catch2/catch.hpp>

#include "compiler/cron/parse.h"

namespace trigc::cron {
namespace {

Run First(const char* cron, const char* zone, date::sys_seconds from) {
  const ParseResult parsed = Parse(cron);
  REQUIRE(parsed.ok());
  const auto runs = NextRuns(parsed.expr(), *date::locate_zone(zone), from, 1);
  REQUIRE(runs.size() == 1);
  return runs[0];
}

TEST_CASE("runs format as in the preview json") {
  const date::sys_seconds from = date::sys_days{date::year{2026} / 3 / 7} + std::chrono::hours{12};
  const Run ny = First("30 2 * * *", "America/New_York", from);
  CHECK(FormatUtc(ny) == "2026-03-08T07:00:00Z");
  CHECK(FormatLocal(ny) == "2026-03-08T03:00:00-04:00");
  const Run kolkata = First("30 2 * * *", "Asia/Kolkata", from);
  CHECK(FormatUtc(kolkata) == "2026-03-07T21:00:00Z");
  CHECK(FormatLocal(kolkata) == "2026-03-08T02:30:00+05:30");
  const Run utc = First("0 0 * * *", "UTC", from);
  CHECK(FormatLocal(utc) == "2026-03-08T00:00:00+00:00");
}

}  // namespace
}  // namespace trigc::cron
