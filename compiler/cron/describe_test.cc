#include "compiler/cron/describe.h"

#include <catch2/catch.hpp>
#include <string>

#include "compiler/cron/parse.h"

namespace trigc::cron {
namespace {

std::string D(const std::string& text) {
  const ParseResult result = Parse(text);
  INFO(text);
  REQUIRE(result.ok());
  return Describe(result.expr());
}

TEST_CASE("describe the styles the compiler prints") {
  CHECK(D("0 6 * * *") == "at 06:00 every day");
  CHECK(D("*/15 9-17 * * 1-5") == "every 15 minutes between 09:00 and 17:59, Monday through Friday");
  CHECK(D("0 0 1,15 * 5") == "at 00:00 on day 1 and 15 of the month and on Friday");
}

TEST_CASE("describe times of day") {
  CHECK(D("* * * * *") == "every minute");
  CHECK(D("*/15 * * * *") == "every 15 minutes");
  CHECK(D("5-59/15 * * * *") == "every 15 minutes starting at minute 5");
  CHECK(D("*/7 * * * *") == "every 7th minute from minute 0 through 56");
  CHECK(D("3-59/7 9 * * *") == "every 7th minute from minute 3 through 59 between 09:00 and 09:59");
  CHECK(D("0 */5 * * *") == "at 00:00, 05:00, 10:00, 15:00 and 20:00 every day");
  CHECK(D("0 22 * * 0-4") == "at 22:00, Sunday through Thursday");
  CHECK(D("0 6,18 * * *") == "at 06:00 and 18:00 every day");
  CHECK(D("0,30 6,18 * * *") == "at 06:00, 06:30, 18:00 and 18:30 every day");
  CHECK(D("0 * * * *") == "every hour at minute 0");
  CHECK(D("@hourly") == "every hour at minute 0");
  CHECK(D("30 * * * *") == "every hour at minute 30");
  CHECK(D("0 */3 * * *") == "every 3 hours at minute 0");
  CHECK(D("30 1-23/3 * * *") == "every 3 hours starting at 01:00 at minute 30");
  CHECK(D("0 9-17 * * 1-5") == "every hour at minute 0 between 09:00 and 17:59, Monday through Friday");
  CHECK(D("* 1 * * *") == "every minute between 01:00 and 01:59");
  CHECK(D("5,10,20 * * * *") == "every hour at minutes 5, 10 and 20");
  CHECK(D("0-10 * * * *") == "every hour at minutes 0 through 10");
  CHECK(D("*/30 0-2,22-23 * * *") == "every 30 minutes between 00:00 and 02:59 and between 22:00 and 23:59");
  CHECK(D("*/20 */6 * * *") == "every 20 minutes in the hours starting 00:00, 06:00, 12:00 and 18:00");
}

TEST_CASE("describe days and months") {
  CHECK(D("0 2 * * 6,0") == "at 02:00 on weekends");
  CHECK(D("0 2 * * 1,3") == "at 02:00 on Monday and Wednesday");
  CHECK(D("@weekly") == "at 00:00 on Sunday");
  CHECK(D("0 2 * * 1-3,5") == "at 02:00 on Monday through Wednesday and Friday");
  CHECK(D("@monthly") == "at 00:00 on day 1 of the month");
  CHECK(D("@yearly") == "at 00:00 on day 1 of the month in January");
  CHECK(D("0 0 1-7 * *") == "at 00:00 on days 1 through 7 of the month");
  CHECK(D("0 0 */2 * *") == "at 00:00 on every 2nd day of the month");
  CHECK(D("0 0 2-31/3 * *") == "at 00:00 on every 3rd day of the month starting on day 2");
  CHECK(D("0 6 * 1,7 *") == "at 06:00 every day in January and July");
  CHECK(D("0 6 * JAN-MAR,OCT *") == "at 06:00 every day in January through March and October");
  CHECK(D("*/15 * * 12 *") == "every 15 minutes in December");
  CHECK(D("0 0 13 * 5") == "at 00:00 on day 13 of the month and on Friday");
  CHECK(D("0 0 1-31 * 1") == "at 00:00 on Monday");  // a full day-of-month field is '*'
}

}  // namespace
}  // namespace trigc::cron
