#include "compiler/cron/local_matcher.h"

#include <catch2/catch.hpp>
#include <string>

#include "compiler/cron/parse.h"

namespace trigc::cron {
namespace {

date::local_seconds Local(int y, unsigned m, unsigned d, int h, int mi) {
  return date::local_days{date::year{y} / m / d} + std::chrono::hours{h} + std::chrono::minutes{mi};
}

std::string Next(const std::string& cron, date::local_seconds lo, date::local_seconds hi) {
  const ParseResult parsed = Parse(cron);
  REQUIRE(parsed.ok());
  const LocalMatcher matcher(parsed.expr());
  const auto found = matcher.Next(lo, hi);
  return found ? date::format("%Y-%m-%d %H:%M", *found) : "none";
}

TEST_CASE("local matcher steps month, day, hour and minute") {
  const auto far = Local(2040, 1, 1, 0, 0);
  CHECK(Next("*/15 9-17 * * 1-5", Local(2026, 11, 20, 17, 50), far) == "2026-11-23 09:00");
  CHECK(Next("0 0 29 2 *", Local(2026, 1, 1, 0, 0), far) == "2028-02-29 00:00");
  CHECK(Next("30 2 * * *", Local(2026, 3, 8, 2, 30), far) == "2026-03-08 02:30");  // inclusive
  CHECK(Next("30 2 * * *", Local(2026, 3, 8, 2, 30) + std::chrono::seconds{1}, far) == "2026-03-09 02:30");
  CHECK(Next("59 23 31 12 *", Local(2026, 1, 1, 0, 0), far) == "2026-12-31 23:59");
  CHECK(Next("0 0 1,15 * 5", Local(2026, 11, 24, 0, 1), far) == "2026-11-27 00:00");
}

TEST_CASE("local matcher stops at the upper bound") {
  CHECK(Next("0 0 29 2 *", Local(2026, 1, 1, 0, 0), Local(2028, 2, 29, 0, 0)) == "none");
  CHECK(Next("0 0 29 2 *", Local(2026, 1, 1, 0, 0), Local(2028, 2, 29, 0, 1)) == "2028-02-29 00:00");
}

}  // namespace
}  // namespace trigc::cron
