// The built-in cron presets and schedule patterns (spec section 2; docs/presets.md documents each).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace trigc::presets {

/// A named cron expression usable as `cron: <name>`.
struct CronPreset {
  std::string_view name;
  std::string_view cron;
};

/// A schedule pattern: a cron plus the policy it bundles (`pattern: <name>`).
struct BuiltinPattern {
  std::string_view name;
  std::string_view cron;      ///< empty for manual_only
  std::string_view timezone;  ///< empty: the trigger's zone (project default, else UTC)
  std::string_view description;
  int retry_attempts = -1;   ///< -1: no retry policy bundled
  std::string_view backoff;  ///< "fixed" or "exponential"
  int backoff_seconds = 0;
  int64_t freshness_warn_seconds = 0;  ///< 0: no freshness bundled
};

/// The seven cron presets of seed 000, exactly.
const std::vector<CronPreset>& CronPresets();
/// The built-in schedule patterns.
const std::vector<BuiltinPattern>& Patterns();
/// The preset or pattern with this name, or nullptr.
const CronPreset* FindCronPreset(std::string_view name);
const BuiltinPattern* FindPattern(std::string_view name);

}  // namespace trigc::presets
