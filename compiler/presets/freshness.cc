#include "compiler/presets/freshness.h"

#include <fmt/format.h>

#include "compiler/model/duration.h"

namespace trigc::presets {

std::optional<FreshnessSchedule> DeriveFreshnessSchedule(int64_t w, const std::string& window_name) {
  const std::string what = fmt::format("{} {}", window_name, model::FormatDuration(w));
  constexpr int64_t kHour = 3600;
  if (w < 120) return std::nullopt;
  if (w < kHour) {
    int64_t step = 1;
    for (int64_t m : {1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30}) {
      if (m * 60 <= w / 2) step = m;
    }
    std::string cron = step == 1 ? "* * * * *" : fmt::format("*/{} * * * *", step);
    return FreshnessSchedule{cron, fmt::format("{}: every {} minute{}", what, step, step == 1 ? "" : "s")};
  }
  if (w < 6 * kHour) return FreshnessSchedule{"0 * * * *", what + ": hourly"};
  if (w < 12 * kHour) return FreshnessSchedule{"0 */3 * * *", what + ": every 3 hours"};
  if (w < 24 * kHour) return FreshnessSchedule{"0 */12 * * *", what + ": twice daily"};
  return FreshnessSchedule{"0 0 * * *", what + ": daily"};
}

}  // namespace trigc::presets
