#include "compiler/cron/parse.h"

#include <catch2/catch.hpp>
#include <string>

namespace trigc::cron {
namespace {

CronExpr MustParse(const std::string& text) {
  const ParseResult result = Parse(text);
  INFO(text << " -> " << (result.ok() ? std::string() : result.error().message));
  REQUIRE(result.ok());
  return result.expr();
}

std::string Bits(const CronExpr& expr, Field field) {
  switch (field) {
    case Field::kMinute:
      return expr.minutes.to_string();
    case Field::kHour:
      return expr.hours.to_string();
    case Field::kDayOfMonth:
      return expr.days_of_month.to_string();
    case Field::kMonth:
      return expr.months.to_string();
    case Field::kDayOfWeek:
      return expr.days_of_week.to_string();
  }
  return {};
}

// Values set in a field, as "a,b,c".
std::string Values(const CronExpr& expr, Field field) {
  const std::string bits = Bits(expr, field);
  std::string out;
  for (std::size_t i = 0; i < bits.size(); ++i) {
    if (bits[bits.size() - 1 - i] != '1') continue;
    if (!out.empty()) out += ",";
    out += std::to_string(i);
  }
  return out;
}

void CheckError(const std::string& text, std::size_t begin, std::size_t end, const std::string& message,
                const std::string& help_part = {}) {
  const ParseResult result = Parse(text);
  INFO(text);
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().message == message);
  CHECK(result.error().begin == begin);
  CHECK(result.error().end == end);
  if (!help_part.empty()) CHECK_THAT(result.error().help, Catch::Contains(help_part));
}

TEST_CASE("cron parse accepts numbers, lists, ranges and steps") {
  CronExpr e = MustParse("5,10 0-3 1,15 */3 1-5");
  CHECK(Values(e, Field::kMinute) == "5,10");
  CHECK(Values(e, Field::kHour) == "0,1,2,3");
  CHECK(Values(e, Field::kDayOfMonth) == "1,15");
  CHECK(Values(e, Field::kMonth) == "1,4,7,10");
  CHECK(Values(e, Field::kDayOfWeek) == "1,2,3,4,5");
  CHECK(Values(MustParse("*/15 * * * *"), Field::kMinute) == "0,15,30,45");
  CHECK(Values(MustParse("5-59/15 * * * *"), Field::kMinute) == "5,20,35,50");
  CHECK(Values(MustParse("0 1-5/2 * * *"), Field::kHour) == "1,3,5");
  CHECK(Values(MustParse("10/20 * * * *"), Field::kMinute) == "10,30,50");
  CHECK(Values(MustParse("*/7 * * * *"), Field::kMinute) == "0,7,14,21,28,35,42,49,56");
  CHECK(Values(MustParse("0 0 * * 1/2"), Field::kDayOfWeek) == "0,1,3,5");
  CHECK(MustParse("\t0  6 * *\t* ").text == "\t0  6 * *\t* ");
}

TEST_CASE("cron parse accepts names in any case, in ranges and lists") {
  CHECK(Values(MustParse("0 0 * jan-Mar *"), Field::kMonth) == "1,2,3");
  CHECK(Values(MustParse("0 0 * JUL,dec *"), Field::kMonth) == "7,12");
  CHECK(Values(MustParse("0 0 * * MON-FRI"), Field::kDayOfWeek) == "1,2,3,4,5");
  CHECK(Values(MustParse("0 0 * * sun,Wed"), Field::kDayOfWeek) == "0,3");
  CHECK(Values(MustParse("0 0 * * SAT-SUN"), Field::kDayOfWeek) == "0,6");
  CHECK(Values(MustParse("0 0 * FEB/3 *"), Field::kMonth) == "2,5,8,11");
}

TEST_CASE("cron parse treats Sunday as 0 or 7") {
  CHECK(Values(MustParse("0 0 * * 7"), Field::kDayOfWeek) == "0");
  CHECK(Values(MustParse("0 0 * * 5-7"), Field::kDayOfWeek) == "0,5,6");
  CHECK(Values(MustParse("0 0 * * 5-0"), Field::kDayOfWeek) == "0,5,6");
  CHECK(MustParse("0 0 * * 0-7").dow_restricted == false);
}

TEST_CASE("cron parse expands macros") {
  const CronExpr hourly = MustParse("@hourly");
  CHECK(Values(hourly, Field::kMinute) == "0");
  CHECK(hourly.hours.all());
  CHECK_FALSE(hourly.fixed_time);
  CHECK(hourly.text == "@hourly");
  const CronExpr weekly = MustParse("@WEEKLY");
  CHECK(Values(weekly, Field::kDayOfWeek) == "0");
  CHECK(weekly.dow_restricted);
  CHECK_FALSE(weekly.dom_restricted);
  CHECK(weekly.fixed_time);
  CHECK(Values(MustParse("@daily"), Field::kHour) == "0");
  CHECK(Values(MustParse("@midnight"), Field::kHour) == "0");
  CHECK(Values(MustParse("@monthly"), Field::kDayOfMonth) == "1");
  CHECK(Values(MustParse("@yearly"), Field::kMonth) == "1");
  CHECK(Values(MustParse("@annually"), Field::kMonth) == "1");
}

TEST_CASE("cron parse sets the restricted and fixed-time flags") {
  CHECK(MustParse("0 0 */2 * *").dom_restricted);
  CHECK_FALSE(MustParse("0 0 1-31 * *").dom_restricted);  // croniter collapses a full list to '*'
  CHECK_FALSE(MustParse("0 0 */1 * *").dom_restricted);
  CHECK(MustParse("0 0 * * */2").dow_restricted);
  CHECK_FALSE(MustParse("0 0 * * 0-6").dow_restricted);
  CHECK(MustParse("30 2 * * *").fixed_time);
  CHECK(MustParse("0,30 1 * * *").fixed_time);
  CHECK(MustParse("0-59 1 * * *").fixed_time);
  CHECK_FALSE(MustParse("*/30 1 * * *").fixed_time);
  CHECK_FALSE(MustParse("30 * * * *").fixed_time);
  CHECK_FALSE(MustParse("30 */2 * * *").fixed_time);
}

TEST_CASE("cron parse accepts February 29") {
  CHECK(Values(MustParse("0 0 29 2 *"), Field::kDayOfMonth) == "29");
  CHECK(MustParse("0 0 31 2 1").dow_restricted);  // fires on Mondays in February
}

TEST_CASE("cron parse rejects out-of-range values with offsets") {
  CheckError("60 * * * *", 0, 2, "minute '60' is out of range (0-59)");
  CheckError("0 24 * * *", 2, 4, "hour '24' is out of range (0-23)");
  CheckError("0 0 0 * *", 4, 5, "day of month '0' is out of range (1-31)");
  CheckError("0 0 32 * *", 4, 6, "day of month '32' is out of range (1-31)");
  CheckError("0 0 * 13 *", 6, 8, "month '13' is out of range (1-12)");
  CheckError("0 0 * 0 *", 6, 7, "month '0' is out of range (1-12)");
  CheckError("0 0 * * 8", 8, 9, "day of week '8' is out of range (0-7)");
  CheckError("0 1,2,99 * * *", 6, 8, "hour '99' is out of range (0-23)");
  CheckError("0 0-99999 * * *", 4, 9, "hour '99999' is out of range (0-23)");
}

TEST_CASE("cron parse rejects reversed ranges and bad steps") {
  CheckError("0 0 * * 5-1", 8, 11, "range '5-1' is reversed", "'5-6,0-1'");
  CheckError("0 0 * * FRI-MON", 8, 15, "range 'FRI-MON' is reversed", "'5-6,0-1'");
  CheckError("50-10 * * * *", 0, 5, "range '50-10' is reversed", "'50-59,0-10'");
  CheckError("*/0 * * * *", 2, 3, "step '0' must be at least 1");
  CheckError("0 1-5/0 * * *", 6, 7, "step '0' must be at least 1");
  CheckError("*/60 * * * *", 2, 4, "step '60' is larger than the minute range (0-59)");
  CheckError("*/x * * * *", 2, 3, "invalid step 'x'");
  CheckError("*/ * * * *", 1, 2, "invalid step ''");
  CheckError("1,,2 * * * *", 2, 3, "empty list item in the minute field");
  CheckError("1, * * * *", 1, 2, "empty list item in the minute field");
  CheckError(",1 * * * *", 0, 1, "empty list item in the minute field");
  CheckError("-5 * * * *", 0, 1, "missing minute value");
  CheckError("0 0 * * MON-", 11, 12, "missing day of week value");
  CheckError("0 0 * * */", 9, 10, "invalid step ''");
}

TEST_CASE("cron parse rejects names and characters it does not know") {
  CheckError("0 0 * JANUARY *", 6, 13, "unknown month name 'JANUARY'", "did you mean 'JAN'?");
  CheckError("0 0 * * MONDAY", 8, 14, "unknown day-of-week name 'MONDAY'", "did you mean 'MON'?");
  CheckError("0 0 * * tues", 8, 12, "unknown day-of-week name 'tues'", "did you mean 'TUE'?");
  CheckError("0 0 * XYZ *", 6, 9, "unknown month name 'XYZ'", "JAN..DEC");
  CheckError("0 0 * * XYZ", 8, 11, "unknown day-of-week name 'XYZ'", "SUN..SAT");
  CheckError("0 MON * * *", 2, 5, "invalid hour 'MON'", "numbers 0-23");
  CheckError("0 0 * * 1%2", 9, 10, "unexpected character '%' in the day of week field");
  CheckError("0 0 * * 1.5", 9, 10, "unexpected character '.' in the day of week field");
}

TEST_CASE("cron parse rejects Quartz syntax with a hint") {
  CheckError("0 0 ? * MON", 4, 5, "'?' is not supported in standard cron", "write '*'");
  CheckError("0 0 L * *", 4, 5, "'L' is not supported in standard cron", "last day");
  CheckError("0 0 15W * *", 4, 7, "'15W' is not supported in standard cron", "nearest weekday");
  CheckError("0 0 LW * *", 4, 6, "'LW' is not supported in standard cron", "nearest weekday");
  CheckError("0 0 * * 5L", 8, 10, "'5L' is not supported in standard cron", "last day");
  CheckError("0 0 * * 5#3", 8, 11, "'5#3' is not supported in standard cron", "nth weekday");
  CheckError("0 0 * * 1,5#3", 10, 13, "'5#3' is not supported in standard cron");
  CheckError("0 0 6 * * *", 10, 11, "expected 5 fields, found 6", "seconds");
  CheckError("0 0 6 * * ? 2026", 10, 16, "expected 5 fields, found 7", "seconds");
  CheckError("0 6 * *", 0, 7, "expected 5 fields, found 4", "five fields");
}

TEST_CASE("cron parse rejects unsupported and unknown macros") {
  CheckError("@reboot", 0, 7, "'@reboot' is not supported");
  CheckError("@every 5m", 7, 9, "unexpected text after the macro");
  CheckError("@every", 0, 6, "'@every' is not supported", "'*/15 * * * *'");
  CheckError(" @fortnightly", 1, 13, "unknown macro '@fortnightly'", "@hourly");
  CheckError("@dayly", 0, 6, "unknown macro '@dayly'", "did you mean '@daily'?");
  CheckError("@WEEKLEY", 0, 8, "unknown macro '@WEEKLEY'", "did you mean '@weekly'?");
}

TEST_CASE("cron parse rejects empty, overlong and never-firing expressions") {
  CheckError("", 0, 0, "empty cron expression");
  CheckError(" \t ", 0, 3, "empty cron expression");
  CheckError(std::string(300, '1'), 0, 300, "cron expression is too long (300 bytes, at most 256)");
  CheckError("0 0 30 2 *", 4, 6, "schedule can never fire: day of month '30' does not occur in month '2'");
  CheckError("0 0 31 4,6,9,11 *", 4, 6,
             "schedule can never fire: day of month '31' does not occur in month '4,6,9,11'");
  CheckError("0 0 30,31 FEB *", 4, 9,
             "schedule can never fire: day of month '30,31' does not occur in month 'FEB'");
  std::string long_list = "0";
  for (int i = 0; i < 70; ++i) long_list += ",0";
  CheckError(long_list + " * * * *", 0, long_list.size(),
             "too many list items in the minute field (at most 64)");
}

}  // namespace
}  // namespace trigc::cron
