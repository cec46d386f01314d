#include "compiler/cron/normalize.h"

#include <catch2/catch.hpp>
#include <string>

#include "compiler/cron/parse.h"

namespace trigc::cron {
namespace {

CronExpr P(const std::string& text) {
  const ParseResult result = Parse(text);
  INFO(text);
  REQUIRE(result.ok());
  return result.expr();
}

bool Equal(const CronExpr& a, const CronExpr& b) {
  return a.minutes == b.minutes && a.hours == b.hours && a.days_of_month == b.days_of_month &&
         a.months == b.months && a.days_of_week == b.days_of_week && a.dom_restricted == b.dom_restricted &&
         a.dow_restricted == b.dow_restricted && a.fixed_time == b.fixed_time;
}

TEST_CASE("normalize writes canonical text") {
  CHECK(Normalize(P("0 6 * * MON-FRI")) == "0 6 * * 1-5");
  CHECK(Normalize(P("0 6 * * 1,2,3,4,5")) == "0 6 * * 1-5");
  CHECK(Normalize(P("0 0 * * 7")) == "0 0 * * 0");
  CHECK(Normalize(P("0 0 * * SAT,SUN")) == "0 0 * * 0,6");
  CHECK(Normalize(P("0,15,30,45 * * * *")) == "*/15 * * * *");
  CHECK(Normalize(P("0-59/15 9-17 * * 1-5")) == "0-59/15 9-17 * * 1-5");  // stays fixed-time
  CHECK(Normalize(P("*/15 9-17 * * 1-5")) == "*/15 9-17 * * 1-5");
  CHECK(Normalize(P("5-59/15 * * * *")) == "5-59/15 * * * *");
  CHECK(Normalize(P("0 1-5/2 * * *")) == "0 1-5/2 * * *");
  CHECK(Normalize(P("0 */6 * * *")) == "0 */6 * * *");
  CHECK(Normalize(P("*/30 * * * *")) == "*/30 * * * *");
  CHECK(Normalize(P("0,30 6 * * *")) == "0,30 6 * * *");
  CHECK(Normalize(P("0 1,2,3,7,8 1-31 JAN-DEC 0-7")) == "0 1-3,7,8 * * *");
  CHECK(Normalize(P("@daily")) == "0 0 * * *");
  CHECK(Normalize(P("@weekly")) == "0 0 * * 0");
  CHECK(Normalize(P("@hourly")) == "0 * * * *");
  CHECK(Normalize(P("0 0 */2 * *")) == "0 0 */2 * *");
  CHECK(Normalize(P("0 0 1/2 * *")) == "0 0 */2 * *");
  CHECK(Normalize(P("0 0 * * 1/2")) == "0 0 * * 0,1,3,5");
}

TEST_CASE("normalize keeps the fixed-time flag") {
  CHECK(Normalize(P("0-59 1 * * *")) == "0-59 1 * * *");
  CHECK(Normalize(P("* 1 * * *")) == "* 1 * * *");
  CHECK(Normalize(P("0,30 0-23 * * *")) == "0,30 0-23 * * *");
  CHECK(Normalize(P("0,30 * * * *")) == "*/30 * * * *");
  CHECK(Normalize(P("7 */12 * * *")) == "7 */12 * * *");
  CHECK(Normalize(P("*/45 3 * * *")) == "*/45 3 * * *");
}

TEST_CASE("normalize round-trips through parse") {
  for (const char* text :
       {"0 6 * * *", "*/15 9-17 * * 1-5", "0 0 1,15 * 5", "5,10 0-3 1,15 */3 1-5", "0 0 29 2 *",
        "0-59 1 * * *", "* 1 * * *", "*/7 * * * *", "0 0 * * 5-7", "0 0 */2 * MON",
        "3-58/5 1,2,3,5,8,13 */10 FEB-NOV/3 2-6/2", "@monthly", "@yearly", "0 12 31 1,3 *", "*/45 */12 * * *",
        "59 23 31 12 0", "0 0 1-31 * 1", "0 0 2-31 * 1"}) {
    const CronExpr original = P(text);
    const std::string normal = Normalize(original);
    INFO(text << " -> " << normal);
    const CronExpr again = P(normal);
    CHECK(Equal(original, again));
    CHECK(SameSchedule(original, again));
    CHECK(Normalize(again) == normal);
  }
}

TEST_CASE("same schedule compares firing times and day semantics") {
  CHECK(SameSchedule(P("0 0 * * 0"), P("0 0 * * 7")));
  CHECK(SameSchedule(P("0 0 * * 0"), P("@weekly")));
  CHECK(SameSchedule(P("0 6 * * 1-5"), P("0 6 * * MON,TUE,WED,THU,FRI")));
  CHECK(SameSchedule(P("*/15 * * * *"), P("0,15,30,45 * * * *")));
  CHECK_FALSE(SameSchedule(P("0 6 * * *"), P("0 7 * * *")));
  // croniter treats a field listing every value as '*': '1-31' does not switch on the OR rule.
  CHECK(SameSchedule(P("* * 1-31 * *"), P("* * * * *")));
  CHECK(SameSchedule(P("* * 1-31 * 1"), P("* * * * 1")));
  // '1-30' is restricted: with a restricted weekday the OR rule makes it every day 1-30 or Monday.
  CHECK_FALSE(SameSchedule(P("* * 1-30 * 1"), P("* * * * 1")));
  CHECK_FALSE(SameSchedule(P("* * 1-30 * 1"), P("* * 1-30 * *")));
  CHECK_FALSE(SameSchedule(P("0 0 */2 * 1"), P("0 0 */2 * *")));
  // Days that no selected month has do not count: every day of February either way.
  CHECK(SameSchedule(P("0 0 1-29 2 1"), P("0 0 * 2 *")));
  CHECK(SameSchedule(P("0 0 1,30 2 *"), P("0 0 1 2 *")));
  CHECK_FALSE(SameSchedule(P("0 0 1,31 1 *"), P("0 0 1 1 *")));
  // Same minutes, but cron(8) treats fixed-time and wildcard schedules differently across DST.
  CHECK_FALSE(SameSchedule(P("0-59 1 * * *"), P("* 1 * * *")));
}

}  // namespace
}  // namespace trigc::cron

TEST_CASE("a wildcard list with no shorter star form stays a wildcard schedule (fuzzing regression)") {
  for (const char* text : {" */15,1 1 *  3 *", "*/15,1 * * * *", "1,*/20 2 * * *"}) {
    CAPTURE(text);
    auto parsed = trigc::cron::Parse(text);
    REQUIRE(parsed.ok());
    auto again = trigc::cron::Parse(trigc::cron::Normalize(parsed.expr()));
    REQUIRE(again.ok());
    CHECK(trigc::cron::SameSchedule(parsed.expr(), again.expr()));
    CHECK(again.expr().fixed_time == parsed.expr().fixed_time);
  }
}
