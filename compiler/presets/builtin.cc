#include "compiler/presets/builtin.h"

namespace trigc::presets {

const std::vector<CronPreset>& CronPresets() {
  static const std::vector<CronPreset> presets = {
      {"hourly", "0 * * * *"},         {"daily", "0 0 * * *"},   {"daily_6am", "0 6 * * *"},
      {"weekly", "0 0 * * 0"},         {"monthly", "0 0 1 * *"}, {"every_15min", "*/15 * * * *"},
      {"every_30min", "*/30 * * * *"},
  };
  return presets;
}

const std::vector<BuiltinPattern>& Patterns() {
  static const std::vector<BuiltinPattern> patterns = {
      {"production_daily", "0 2 * * *", "", "daily at 02:00 with 3 retries and exponential backoff", 3,
       "exponential", 300, 0},
      {"production_hourly", "0 * * * *", "", "every hour on the hour; freshness warning after 2 hours", -1,
       "", 0, 2 * 3600},
      {"development_frequent", "*/15 * * * *", "", "every 15 minutes, for development pipelines", -1, "", 0,
       0},
      {"business_hours_only", "0 9-17 * * 1-5", "", "hourly from 09:00 to 17:00, Monday through Friday", -1,
       "", 0, 0},
      {"weekend_batch", "0 2 * * 6,0", "", "at 02:00 on Saturday and Sunday", -1, "", 0, 0},
      {"manual_only", "", "", "no schedule: runs only when triggered by hand or by another trigger", -1, "",
       0, 0},
      {"high_frequency", "*/5 * * * *", "", "every 5 minutes", -1, "", 0, 0},
      {"low_frequency", "0 0 1 * *", "", "at 00:00 on the first day of each month", -1, "", 0, 0},
      {"ecommerce_peak_hours", "*/15 10-22 * * *", "",
       "every 15 minutes from 10:00 to 22:59, when online orders peak", -1, "", 0, 0},
      {"financial_end_of_day", "30 17 * * 1-5", "America/New_York",
       "at 17:30 New York time on weekdays, after the US market close, with 3 retries", 3, "exponential", 600,
       0},
      {"retail_inventory_update", "0 */4 * * *", "", "every 4 hours, for stock levels", 2, "fixed", 300, 0},
      {"marketing_campaign_sync", "0 7,12,18 * * *", "", "at 07:00, 12:00 and 18:00 every day", -1, "", 0, 0},
  };
  return patterns;
}

const CronPreset* FindCronPreset(std::string_view name) {
  for (const CronPreset& p : CronPresets()) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

const BuiltinPattern* FindPattern(std::string_view name) {
  for (const BuiltinPattern& p : Patterns()) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

}  // namespace trigc::presets
