#include "compiler/presets/freshness.h"

#include <catch2/catch.hpp>

using trigc::presets::DeriveFreshnessSchedule;

namespace {
std::string Cron(int64_t seconds) {
  auto s = DeriveFreshnessSchedule(seconds, "warn_after");
  return s ? s->cron : "none";
}
}  // namespace

TEST_CASE("the seed's four freshness rows hold") {
  CHECK(Cron(3600) == "0 * * * *");          // 1 hour -> hourly
  CHECK(Cron(6 * 3600) == "0 */3 * * *");    // 6 hours -> every 3 hours
  CHECK(Cron(12 * 3600) == "0 */12 * * *");  // 12 hours -> twice daily
  CHECK(Cron(24 * 3600) == "0 0 * * *");     // 24+ hours -> daily
  CHECK(Cron(7 * 86400) == "0 0 * * *");
}

TEST_CASE("windows under an hour run every largest divisor-of-60 minutes within half the window") {
  CHECK(Cron(119) == "none");
  CHECK(Cron(120) == "* * * * *");
  CHECK(Cron(5 * 60) == "*/2 * * * *");
  CHECK(Cron(30 * 60) == "*/15 * * * *");
  CHECK(Cron(59 * 60) == "*/20 * * * *");
  CHECK(Cron(60 * 60 - 1) == "*/20 * * * *");
}

TEST_CASE("the interval never exceeds the window") {
  for (int64_t w = 120; w <= 3 * 86400; w += 60) {
    auto s = DeriveFreshnessSchedule(w, "warn_after");
    REQUIRE(s);
    int64_t interval = 0;
    if (s->cron == "* * * * *")
      interval = 60;
    else if (s->cron.rfind("*/", 0) == 0)
      interval = std::stoll(s->cron.substr(2)) * 60;
    else if (s->cron == "0 * * * *")
      interval = 3600;
    else if (s->cron == "0 */3 * * *")
      interval = 3 * 3600;
    else if (s->cron == "0 */12 * * *")
      interval = 12 * 3600;
    else if (s->cron == "0 0 * * *")
      interval = 86400;
    CAPTURE(w, s->cron);
    CHECK(interval > 0);
    CHECK(interval <= w);
  }
}
