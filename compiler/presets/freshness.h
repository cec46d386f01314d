// The schedule a `type: freshness` trigger derives from the pipeline's freshness SLA (spec section 2).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace trigc::presets {

/// The derived cron and how it was chosen.
struct FreshnessSchedule {
  std::string cron;
  std::string reason;  ///< e.g. "warn_after 6h: every 3 hours"
};

/// With W the window in seconds: W < 1h: every largest of {1,2,3,4,5,6,10,12,15,20,30} minutes <= W/2;
/// 1h <= W < 6h: hourly; 6h <= W < 12h: every 3 hours; 12h <= W < 24h: twice daily; W >= 24h: daily.
/// Nothing when W < 2 minutes (no schedule can keep it). The interval never exceeds W.
std::optional<FreshnessSchedule> DeriveFreshnessSchedule(int64_t window_seconds,
                                                         const std::string& window_name);

}  // namespace trigc::presets
