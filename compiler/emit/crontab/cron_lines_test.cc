#include "compiler/emit/crontab/cron_lines.h"

#include <catch2/catch.hpp>

#include "compiler/cron/parse.h"

namespace trigc::emit {

namespace {

cron::CronExpr Expr(const char* text) { return cron::Parse(text).expr(); }

}  // namespace

TEST_CASE("CronLineFields splits both restricted day fields into two lines") {
  CHECK(CronLineFields(Expr("30 4 1,15 * 5")) == std::vector<std::string>{"30 4 1,15 * *", "30 4 * * 5"});
  CHECK(CronLineFields(Expr("0 0 */2 * 1")) == std::vector<std::string>{"0 0 */2 * *", "0 0 * * 1"});
}

TEST_CASE("CronLineFields keeps one line when at most one day field is restricted") {
  CHECK(CronLineFields(Expr("0 6 * * *")) == std::vector<std::string>{"0 6 * * *"});
  CHECK(CronLineFields(Expr("30 7 * * 1-5")) == std::vector<std::string>{"30 7 * * 1-5"});
  CHECK(CronLineFields(Expr("@weekly")) == std::vector<std::string>{"0 0 * * 0"});
  CHECK(CronLineFields(Expr("0 0 1-31 * 7")) == std::vector<std::string>{"0 0 * * 0"});
}

TEST_CASE("GuardLineFields covers every quarter-hour offset") {
  CHECK(GuardLineFields(Expr("0 6 * * *")) == "0,15,30,45 * * * *");
  CHECK(GuardLineFields(Expr("10 6 * * *")) == "10,25,40,55 * * * *");
  CHECK(GuardLineFields(Expr("* 6 * * *")) == "* * * * *");
}

}  // namespace trigc::emit
