// Finds the next local wall-clock minute a CronExpr matches by stepping through the fields (month,
// then day, then hour, then minute); it never tries minutes one by one.
#pragma once

#include <array>
#include <cstdint>
#include <optional>

#include <date/date.h>

#include "compiler/cron/cron_expr.h"

namespace trigc::cron {

/// Precomputed lookup tables for one expression; cheap to build, cheap to query.
class LocalMatcher {
 public:
  /// Builds the tables; `expr` must outlive the matcher.
  explicit LocalMatcher(const CronExpr& expr);

  /// The first matching local minute in [lo, hi) (lo is rounded up to a whole minute), or nullopt.
  /// The search visits at most one step per day between lo and hi, so bound hi.
  std::optional<date::local_seconds> Next(date::local_seconds lo, date::local_seconds hi) const;

  /// True when the calendar day matches (month, day of month / day of week with the OR rule).
  bool DayMatches(date::local_days day) const;

 private:
  // The first matching time of day at or after `minute_of_day`, in minutes, or -1.
  int NextTimeOfDay(int minute_of_day) const;

  const CronExpr& expr_;
  std::array<std::int8_t, 61> next_minute_{};  // smallest set minute >= i, or -1
  std::array<std::int8_t, 25> next_hour_{};    // smallest set hour >= i, or -1
};

}  // namespace trigc::cron
