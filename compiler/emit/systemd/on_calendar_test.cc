#include "compiler/emit/systemd/on_calendar.h"

#include <catch2/catch.hpp>

#include "compiler/cron/parse.h"

namespace trigc::emit {

namespace {

cron::CronExpr Expr(const char* text) { return cron::Parse(text).expr(); }

}  // namespace

TEST_CASE("OnCalendarValues translates the cron fields") {
  CHECK(OnCalendarValues(Expr("0 6 * * *"), "UTC") == std::vector<std::string>{"*-*-* 06:00:00 UTC"});
  CHECK(OnCalendarValues(Expr("30 7 * * 1-5"), "Europe/Paris") ==
        std::vector<std::string>{"Mon..Fri *-*-* 07:30:00 Europe/Paris"});
  CHECK(OnCalendarValues(Expr("*/20 1-5/2 * 1,2 0"), "UTC") ==
        std::vector<std::string>{"Sun *-01,02-* 01,03,05:00,20,40:00 UTC"});
  CHECK(OnCalendarValues(Expr("* * * * *"), "UTC") == std::vector<std::string>{"*-*-* *:*:00 UTC"});
}

TEST_CASE("OnCalendarValues gives two values for cron's day OR") {
  CHECK(OnCalendarValues(Expr("30 4 1,15 * 5"), "Europe/Berlin") ==
        std::vector<std::string>{"*-*-01,15 04:30:00 Europe/Berlin", "Fri *-*-* 04:30:00 Europe/Berlin"});
}

TEST_CASE("SystemdEscape matches systemd-escape") {
  CHECK(SystemdEscape("etl/daily pipeline#1") == "etl-daily\\x20pipeline\\x231");
  CHECK(SystemdEscape("bronze_sales") == "bronze_sales");
  CHECK(SystemdEscape(".a-b") == "\\x2ea\\x2db");
}

}  // namespace trigc::emit
