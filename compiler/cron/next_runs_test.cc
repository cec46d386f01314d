#include "compiler/cron/next_runs.h"

#include <catch2/catch.hpp>
#include <cstdio>
#include <string>
#include <vector>

#include "compiler/cron/parse.h"

namespace trigc::cron {
namespace {

date::sys_seconds Utc(const std::string& iso) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, se = 0;
  REQUIRE(std::sscanf(iso.c_str(), "%d-%d-%dT%d:%d:%dZ", &y, &mo, &d, &h, &mi, &se) == 6);
  const date::sys_days day{date::year{y} / mo / d};
  return day + std::chrono::hours{h} + std::chrono::minutes{mi} + std::chrono::seconds{se};
}

// Runs as "2026-03-08T07:00:00Z 03:00-0400" (UTC instant, local wall time and offset).
std::vector<std::string> Runs(const std::string& cron, const std::string& zone, const std::string& from,
                              std::size_t n, Dialect dialect = Dialect::kTrigc) {
  const ParseResult parsed = Parse(cron);
  REQUIRE(parsed.ok());
  std::vector<std::string> out;
  for (const Run& run : NextRuns(parsed.expr(), *date::locate_zone(zone), Utc(from), n, dialect)) {
    const auto offset_minutes = run.utc_offset.count() / 60;
    const char sign = offset_minutes < 0 ? '-' : '+';
    const auto abs_minutes = offset_minutes < 0 ? -offset_minutes : offset_minutes;
    char offset[16];
    std::snprintf(offset, sizeof offset, "%c%02d%02d", sign, static_cast<int>(abs_minutes / 60),
                  static_cast<int>(abs_minutes % 60));
    out.push_back(date::format("%Y-%m-%dT%H:%M:%SZ ", run.utc) + date::format("%H:%M", run.local) + offset);
    CHECK(run.local.time_since_epoch() == run.utc.time_since_epoch() + run.utc_offset);
  }
  return out;
}

using V = std::vector<std::string>;

TEST_CASE("next runs in UTC step through the fields") {
  CHECK(Runs("*/15 9-17 * * 1-5", "UTC", "2026-11-20T17:50:00Z", 2) ==
        V{"2026-11-23T09:00:00Z 09:00+0000", "2026-11-23T09:15:00Z 09:15+0000"});
  CHECK(Runs("0 0 1,15 * 5", "UTC", "2026-11-24T00:00:00Z", 6) ==
        V{"2026-11-27T00:00:00Z 00:00+0000", "2026-12-01T00:00:00Z 00:00+0000",
          "2026-12-04T00:00:00Z 00:00+0000", "2026-12-11T00:00:00Z 00:00+0000",
          "2026-12-15T00:00:00Z 00:00+0000", "2026-12-18T00:00:00Z 00:00+0000"});
  CHECK(Runs("0 0 29 2 *", "UTC", "2026-01-01T00:00:00Z", 2) ==
        V{"2028-02-29T00:00:00Z 00:00+0000", "2032-02-29T00:00:00Z 00:00+0000"});
  CHECK(Runs("0 0 29 2 *", "UTC", "2096-03-01T00:00:00Z", 1) == V{"2104-02-29T00:00:00Z 00:00+0000"});
  CHECK(Runs("59 23 31 12 *", "UTC", "2026-12-31T23:59:00Z", 1) == V{"2027-12-31T23:59:00Z 23:59+0000"});
  CHECK(Runs("* * * * *", "UTC", "2026-01-01T00:00:30Z", 2) ==
        V{"2026-01-01T00:01:00Z 00:01+0000", "2026-01-01T00:02:00Z 00:02+0000"});
  CHECK(Runs("0 0 * * *", "UTC", "2026-01-01T00:00:00Z", 1) ==
        V{"2026-01-02T00:00:00Z 00:00+0000"});  // strictly after 'from'
  CHECK(Runs("0 0 * * *", "UTC", "2026-01-01T00:00:00Z", 0).empty());
}

TEST_CASE("next runs in a zone without DST") {
  CHECK(Runs("30 2 * * *", "Asia/Kolkata", "2026-03-08T00:00:00Z", 2) ==
        V{"2026-03-08T21:00:00Z 02:30+0530", "2026-03-09T21:00:00Z 02:30+0530"});
}

TEST_CASE("next runs across the New York spring-forward") {
  CHECK(Runs("30 2 * * *", "America/New_York", "2026-03-07T12:00:00Z", 3) ==
        V{"2026-03-08T07:00:00Z 03:00-0400", "2026-03-09T06:30:00Z 02:30-0400",
          "2026-03-10T06:30:00Z 02:30-0400"});
  CHECK(Runs("0,30 2,3 * * *", "America/New_York", "2026-03-08T06:00:00Z", 3) ==
        V{"2026-03-08T07:00:00Z 03:00-0400", "2026-03-08T07:30:00Z 03:30-0400",
          "2026-03-09T06:00:00Z 02:00-0400"});
  CHECK(Runs("*/30 * * * *", "America/New_York", "2026-03-08T06:00:00Z", 3) ==
        V{"2026-03-08T06:30:00Z 01:30-0500", "2026-03-08T07:00:00Z 03:00-0400",
          "2026-03-08T07:30:00Z 03:30-0400"});
  CHECK(Runs("30 2 * * *", "America/New_York", "2026-03-07T12:00:00Z", 2, Dialect::kSystemd) ==
        V{"2026-03-09T06:30:00Z 02:30-0400", "2026-03-10T06:30:00Z 02:30-0400"});
  CHECK(Runs("30 2 * * *", "America/New_York", "2026-03-07T12:00:00Z", 2, Dialect::kDagster) ==
        V{"2026-03-08T07:00:00Z 03:00-0400", "2026-03-09T06:30:00Z 02:30-0400"});
  CHECK(Runs("30 * * * *", "America/New_York", "2026-03-08T06:00:00Z", 2, Dialect::kDagster) ==
        V{"2026-03-08T06:30:00Z 01:30-0500", "2026-03-08T07:30:00Z 03:30-0400"});
}

TEST_CASE("next runs across the New York fall-back") {
  CHECK(Runs("30 1 * * *", "America/New_York", "2026-10-31T12:00:00Z", 2) ==
        V{"2026-11-01T05:30:00Z 01:30-0400", "2026-11-02T06:30:00Z 01:30-0500"});
  CHECK(Runs("30 1 * * *", "America/New_York", "2026-10-31T12:00:00Z", 2, Dialect::kSystemd) ==
        V{"2026-11-01T05:30:00Z 01:30-0400", "2026-11-02T06:30:00Z 01:30-0500"});
  CHECK(Runs("30 1 * * *", "America/New_York", "2026-10-31T12:00:00Z", 2, Dialect::kDagster) ==
        V{"2026-11-01T06:30:00Z 01:30-0500", "2026-11-02T06:30:00Z 01:30-0500"});
  // From inside the second copy of the hour: the fixed time already ran at its first occurrence.
  CHECK(Runs("30 1 * * *", "America/New_York", "2026-11-01T06:10:00Z", 1) ==
        V{"2026-11-02T06:30:00Z 01:30-0500"});
  const V every_30{"2026-11-01T05:00:00Z 01:00-0400", "2026-11-01T05:30:00Z 01:30-0400",
                   "2026-11-01T06:00:00Z 01:00-0500", "2026-11-01T06:30:00Z 01:30-0500",
                   "2026-11-01T07:00:00Z 02:00-0500"};
  CHECK(Runs("*/30 * * * *", "America/New_York", "2026-11-01T04:50:00Z", 5) == every_30);
  CHECK(Runs("*/30 * * * *", "America/New_York", "2026-11-01T04:50:00Z", 5, Dialect::kDagster) == every_30);
  // Not Dagster's hourly type (the hour is restricted): the repeated times run at their second occurrence
  // only (seen with Dagster 1.13 on Australia/Lord_Howe's 30-minute fall-back by the conformance suite).
  CHECK(Runs("*/30 1-2 * * *", "America/New_York", "2026-11-01T04:50:00Z", 4, Dialect::kDagster) ==
        V{"2026-11-01T06:00:00Z 01:00-0500", "2026-11-01T06:30:00Z 01:30-0500",
          "2026-11-01T07:00:00Z 02:00-0500", "2026-11-01T07:30:00Z 02:30-0500"});
  CHECK(Runs("*/30 * * * *", "America/New_York", "2026-11-01T04:50:00Z", 4, Dialect::kSystemd) ==
        V{"2026-11-01T05:00:00Z 01:00-0400", "2026-11-01T05:30:00Z 01:30-0400",
          "2026-11-01T07:00:00Z 02:00-0500", "2026-11-01T07:30:00Z 02:30-0500"});
  CHECK(Runs("* * * * *", "America/New_York", "2026-11-01T05:58:00Z", 3, Dialect::kSystemd) ==
        V{"2026-11-01T05:59:00Z 01:59-0400", "2026-11-01T07:00:00Z 02:00-0500",
          "2026-11-01T07:01:00Z 02:01-0500"});
  CHECK(Runs("0 * * * *", "America/New_York", "2026-11-01T04:30:00Z", 3) ==
        V{"2026-11-01T05:00:00Z 01:00-0400", "2026-11-01T06:00:00Z 01:00-0500",
          "2026-11-01T07:00:00Z 02:00-0500"});
  CHECK(Runs("0,30 1 * * *", "America/New_York", "2026-11-01T04:50:00Z", 3) ==
        V{"2026-11-01T05:00:00Z 01:00-0400", "2026-11-01T05:30:00Z 01:30-0400",
          "2026-11-02T06:00:00Z 01:00-0500"});
}

TEST_CASE("next runs across the London transitions") {
  CHECK(Runs("30 1 * * *", "Europe/London", "2026-03-28T12:00:00Z", 2) ==
        V{"2026-03-29T01:00:00Z 02:00+0100", "2026-03-30T00:30:00Z 01:30+0100"});
  CHECK(Runs("30 1 * * *", "Europe/London", "2026-03-28T12:00:00Z", 1, Dialect::kSystemd) ==
        V{"2026-03-30T00:30:00Z 01:30+0100"});
  CHECK(Runs("30 1 * * *", "Europe/London", "2026-03-28T12:00:00Z", 1, Dialect::kDagster) ==
        V{"2026-03-29T01:00:00Z 02:00+0100"});
  CHECK(Runs("30 1 * * *", "Europe/London", "2026-10-24T12:00:00Z", 2) ==
        V{"2026-10-25T00:30:00Z 01:30+0100", "2026-10-26T01:30:00Z 01:30+0000"});
  CHECK(Runs("30 1 * * *", "Europe/London", "2026-10-24T12:00:00Z", 1, Dialect::kSystemd) ==
        V{"2026-10-25T00:30:00Z 01:30+0100"});
  CHECK(Runs("30 1 * * *", "Europe/London", "2026-10-24T12:00:00Z", 2, Dialect::kDagster) ==
        V{"2026-10-25T01:30:00Z 01:30+0000", "2026-10-26T01:30:00Z 01:30+0000"});
}

TEST_CASE("next runs across Lord Howe's 30-minute transitions") {
  // 2026-10-04 02:00 +1030 jumps to 02:30 +1100 (at 2026-10-03T15:30Z).
  CHECK(Runs("15 2 * * *", "Australia/Lord_Howe", "2026-10-03T00:00:00Z", 2) ==
        V{"2026-10-03T15:30:00Z 02:30+1100", "2026-10-04T15:15:00Z 02:15+1100"});
  CHECK(Runs("15 2 * * *", "Australia/Lord_Howe", "2026-10-03T00:00:00Z", 1, Dialect::kSystemd) ==
        V{"2026-10-04T15:15:00Z 02:15+1100"});
  CHECK(Runs("15 2 * * *", "Australia/Lord_Howe", "2026-10-03T00:00:00Z", 1, Dialect::kDagster) ==
        V{"2026-10-03T15:30:00Z 02:30+1100"});
  // 2026-04-05 02:00 +1100 falls back to 01:30 +1030 (at 2026-04-04T15:00Z).
  CHECK(Runs("45 1 * * *", "Australia/Lord_Howe", "2026-04-04T00:00:00Z", 2) ==
        V{"2026-04-04T14:45:00Z 01:45+1100", "2026-04-05T15:15:00Z 01:45+1030"});
  CHECK(Runs("45 1 * * *", "Australia/Lord_Howe", "2026-04-04T00:00:00Z", 2, Dialect::kDagster) ==
        V{"2026-04-04T15:15:00Z 01:45+1030", "2026-04-05T15:15:00Z 01:45+1030"});
  CHECK(Runs("45 1 * * *", "Australia/Lord_Howe", "2026-04-04T00:00:00Z", 1, Dialect::kSystemd) ==
        V{"2026-04-04T14:45:00Z 01:45+1100"});
  CHECK(Runs("*/15 * * * *", "Australia/Lord_Howe", "2026-04-04T14:40:00Z", 4) ==
        V{"2026-04-04T14:45:00Z 01:45+1100", "2026-04-04T15:00:00Z 01:30+1030",
          "2026-04-04T15:15:00Z 01:45+1030", "2026-04-04T15:30:00Z 02:00+1030"});
  CHECK(Runs("*/15 * * * *", "Australia/Lord_Howe", "2026-04-04T14:40:00Z", 3, Dialect::kSystemd) ==
        V{"2026-04-04T14:45:00Z 01:45+1100", "2026-04-04T15:30:00Z 02:00+1030",
          "2026-04-04T15:45:00Z 02:15+1030"});
}

TEST_CASE("next runs keep DST after the tz database's last listed transition (2037)") {
  CHECK(Runs("0 12 1 1,7 *", "America/New_York", "2040-01-01T00:00:00Z", 2) ==
        V{"2040-01-01T17:00:00Z 12:00-0500", "2040-07-01T16:00:00Z 12:00-0400"});
  CHECK(Runs("30 2 * * *", "America/New_York", "2050-03-12T12:00:00Z", 2) ==
        V{"2050-03-13T07:00:00Z 03:00-0400", "2050-03-14T06:30:00Z 02:30-0400"});
  CHECK(Runs("0 12 1 1,7 *", "Asia/Kolkata", "2060-01-01T00:00:00Z", 2) ==
        V{"2060-01-01T06:30:00Z 12:00+0530", "2060-07-01T06:30:00Z 12:00+0530"});
}

TEST_CASE("next runs stop at the year 9999 instead of searching on") {
  const ParseResult parsed = Parse("0 0 29 2 *");
  REQUIRE(parsed.ok());
  const auto runs = NextRuns(parsed.expr(), *date::locate_zone("UTC"), Utc("9990-01-01T00:00:00Z"), 10);
  REQUIRE(runs.size() == 2);  // 9992 and 9996; the search ends with the year 9999
  CHECK(date::format("%Y", runs.back().utc) == "9996");
}

TEST_CASE("next runs return increasing instants without duplicates over years") {
  const ParseResult parsed = Parse("*/7 0-3 * * *");
  REQUIRE(parsed.ok());
  for (Dialect dialect : {Dialect::kTrigc, Dialect::kSystemd, Dialect::kDagster}) {
    const auto runs = NextRuns(parsed.expr(), *date::locate_zone("Europe/London"),
                               Utc("2026-01-01T00:00:00Z"), 20000, dialect);
    REQUIRE(runs.size() == 20000);
    for (std::size_t i = 1; i < runs.size(); ++i) CHECK(runs[i - 1].utc < runs[i].utc);
  }
}

}  // namespace
}  // namespace trigc::cron
