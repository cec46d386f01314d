#include "compiler/cron/dst.h"

#include <catch2/catch.hpp>
#include <cstdio>
#include <string>
#include <vector>

#include "compiler/cron/parse.h"

namespace trigc::cron {
namespace {

CronExpr P(const std::string& text) {
  const ParseResult result = Parse(text);
  REQUIRE(result.ok());
  return result.expr();
}

date::sys_seconds Utc(const std::string& iso) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, se = 0;
  REQUIRE(std::sscanf(iso.c_str(), "%d-%d-%dT%d:%d:%dZ", &y, &mo, &d, &h, &mi, &se) == 6);
  const date::sys_days day{date::year{y} / mo / d};
  return day + std::chrono::hours{h} + std::chrono::minutes{mi} + std::chrono::seconds{se};
}

std::vector<std::string> Touches(const std::string& cron, const std::string& zone) {
  std::vector<std::string> out;
  for (const DstTouch& touch : DstTouches(P(cron), *date::locate_zone(zone), Utc("2026-01-01T00:00:00Z"),
                                          Utc("2027-01-01T00:00:00Z"))) {
    out.push_back(date::format("%Y-%m-%d %H:%M ", touch.local) +
                  (touch.kind == DstKind::kSkipped ? "skipped" : "repeated"));
  }
  return out;
}

using V = std::vector<std::string>;

TEST_CASE("dst touches list the local times a transition skips or repeats") {
  CHECK(Touches("30 2 * * *", "America/New_York") == V{"2026-03-08 02:30 skipped"});
  CHECK(Touches("30 1 * * *", "America/New_York") == V{"2026-11-01 01:30 repeated"});
  CHECK(Touches("30 1 * * *", "Europe/London") == V{"2026-03-29 01:30 skipped", "2026-10-25 01:30 repeated"});
  CHECK(Touches("0 6 * * *", "America/New_York").empty());
  CHECK(Touches("30 2 * * *", "Asia/Kolkata").empty());
  CHECK(Touches("*/30 * * * *", "America/New_York") ==
        V{"2026-03-08 02:00 skipped", "2026-03-08 02:30 skipped", "2026-11-01 01:00 repeated",
          "2026-11-01 01:30 repeated"});
  CHECK(Touches("15,45 * * * *", "Australia/Lord_Howe") ==
        V{"2026-04-05 01:45 repeated", "2026-10-04 02:15 skipped"});
  CHECK(Touches("30 2 * * 1-5", "America/New_York").empty());  // 2026-03-08 is a Sunday
}

TEST_CASE("dst touches agree with the tz database's own local_info") {
  for (const char* zone_name : {"America/New_York", "Europe/London", "Australia/Lord_Howe"}) {
    const date::time_zone& zone = *date::locate_zone(zone_name);
    for (const DstTouch& touch :
         DstTouches(P("*/5 * * * *"), zone, Utc("2026-01-01T00:00:00Z"), Utc("2027-01-01T00:00:00Z"), 1000)) {
      const date::local_info info = zone.get_info(touch.local);
      INFO(zone_name << " " << date::format("%F %R", touch.local));
      CHECK(info.result ==
            (touch.kind == DstKind::kSkipped ? date::local_info::nonexistent : date::local_info::ambiguous));
    }
  }
}

TEST_CASE("dst suggestion moves a fixed time or falls back to UTC") {
  const date::sys_seconds from = Utc("2026-01-01T00:00:00Z");
  const DstSuggestion ny = SuggestDstSafe(P("30 2 * * *"), *date::locate_zone("America/New_York"), from);
  CHECK(ny.needed);
  CHECK(ny.cron == "30 3 * * *");
  CHECK(ny.timezone == "America/New_York");
  CHECK_THAT(ny.message, Catch::StartsWith("move hour 2 to 3"));
  const DstSuggestion two = SuggestDstSafe(P("0 1,2 * * *"), *date::locate_zone("America/New_York"), from);
  CHECK(two.cron == "0 3,4 * * *");  // two runs a day stay two runs a day
  const DstSuggestion london = SuggestDstSafe(P("0 1,6 * * *"), *date::locate_zone("Europe/London"), from);
  CHECK(london.cron == "0 2,6 * * *");
  const DstSuggestion howe = SuggestDstSafe(P("45 1 * * *"), *date::locate_zone("Australia/Lord_Howe"), from);
  CHECK(howe.cron == "45 3 * * *");
  const DstSuggestion wildcard =
      SuggestDstSafe(P("*/30 * * * *"), *date::locate_zone("America/New_York"), from);
  CHECK(wildcard.needed);
  CHECK(wildcard.timezone == "UTC");
  const DstSuggestion fine = SuggestDstSafe(P("0 6 * * *"), *date::locate_zone("America/New_York"), from);
  CHECK_FALSE(fine.needed);
  CHECK(fine.cron == "0 6 * * *");
}

}  // namespace
}  // namespace trigc::cron
