// Properties over many generated expressions: Parse never fails badly, and everything built on a
// parsed expression (Normalize, SameSchedule, Describe, NextRuns) holds together.
#include <catch2/catch.hpp>
#include <cstdint>
#include <string>

#include "compiler/cron/describe.h"
#include "compiler/cron/next_runs.h"
#include "compiler/cron/normalize.h"
#include "compiler/cron/parse.h"

namespace trigc::cron {
namespace {

// A small deterministic generator (xorshift), so failures reproduce.
class Random {
 public:
  std::uint32_t Next() {
    state_ ^= state_ << 13;
    state_ ^= state_ >> 17;
    state_ ^= state_ << 5;
    return state_;
  }
  int Below(int n) { return static_cast<int>(Next() % static_cast<std::uint32_t>(n)); }

 private:
  std::uint32_t state_ = 20261124;
};

std::string RandomText(Random& random) {
  static const std::string kAlphabet = "0123456789*/-, ,\tMONJAFRIL?#@WSUNx";
  std::string text;
  const int length = random.Below(24);
  for (int i = 0; i < length; ++i) {
    text += kAlphabet[static_cast<std::size_t>(random.Below(static_cast<int>(kAlphabet.size())))];
  }
  return text;
}

std::string RandomField(Random& random, int min, int max) {
  const int a = min + random.Below(max - min + 1);
  const int b = a + random.Below(max - a + 1);
  switch (random.Below(6)) {
    case 0:
      return "*";
    case 1:
      return std::to_string(a);
    case 2:
      return std::to_string(a) + "-" + std::to_string(b);
    case 3:
      return "*/" + std::to_string(1 + random.Below(max > 12 ? 12 : max));
    case 4:
      return std::to_string(a) + "-" + std::to_string(b) + "/" + std::to_string(1 + random.Below(5));
    default:
      return std::to_string(a) + "," + std::to_string(b);
  }
}

TEST_CASE("parse rejects arbitrary text with offsets inside it") {
  Random random;
  for (int i = 0; i < 20000; ++i) {
    const std::string text = RandomText(random);
    const ParseResult result = Parse(text);
    if (result.ok()) continue;
    INFO("'" << text << "'");
    CHECK(result.error().begin <= result.error().end);
    CHECK(result.error().end <= text.size());
    CHECK_FALSE(result.error().message.empty());
  }
}

TEST_CASE("parsed expressions normalise, describe and run consistently") {
  Random random;
  const date::time_zone& zone = *date::locate_zone("Europe/London");
  const date::sys_seconds from = date::sys_days{date::year{2026} / 3 / 1};
  int parsed = 0;
  for (int i = 0; i < 3000; ++i) {
    const std::string text = RandomField(random, 0, 59) + " " + RandomField(random, 0, 23) + " " +
                             RandomField(random, 1, 31) + " " + RandomField(random, 1, 12) + " " +
                             RandomField(random, 0, 7);
    const ParseResult result = Parse(text);
    if (!result.ok()) continue;
    ++parsed;
    INFO(text);
    const CronExpr& expr = result.expr();
    const ParseResult again = Parse(Normalize(expr));
    REQUIRE(again.ok());
    CHECK(SameSchedule(expr, again.expr()));
    CHECK(again.expr().days_of_month == expr.days_of_month);
    CHECK(again.expr().days_of_week == expr.days_of_week);
    CHECK_FALSE(Describe(expr).empty());
    const auto runs = NextRuns(expr, zone, from, 20);
    CHECK_FALSE(runs.empty());
    for (std::size_t k = 1; k < runs.size(); ++k) CHECK(runs[k - 1].utc < runs[k].utc);
  }
  CHECK(parsed > 2000);
}

}  // namespace
}  // namespace trigc::cron
