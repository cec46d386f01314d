// The parsed form of a 5-field cron expression: one bitset per field plus the flags that decide
// how the two day fields combine and how a schedule behaves across DST transitions.
#pragma once

#include <bitset>
#include <cstddef>
#include <string>
#include <vector>

namespace trigc::cron {

/// The five cron fields, in the order they are written.
enum class Field { kMinute = 0, kHour = 1, kDayOfMonth = 2, kMonth = 3, kDayOfWeek = 4 };

/// Number of fields in a cron expression.
inline constexpr std::size_t kFieldCount = 5;

/// Smallest value a field accepts (day of week accepts 0..7, where 7 is Sunday again).
constexpr int FieldMin(Field field) { return field == Field::kDayOfMonth || field == Field::kMonth ? 1 : 0; }

/// Largest value a field accepts as written (7 for day of week).
constexpr int FieldMax(Field field) {
  switch (field) {
    case Field::kMinute:
      return 59;
    case Field::kHour:
      return 23;
    case Field::kDayOfMonth:
      return 31;
    case Field::kMonth:
      return 12;
    case Field::kDayOfWeek:
      return 7;
  }
  return 0;
}

/// Lowercase English name of a field as used in messages ("day of month").
const char* FieldName(Field field);

/// A validated cron expression. Bits are indexed by value: minutes 0..59, hours 0..23,
/// days of month 1..31 (bit 0 unused), months 1..12 (bit 0 unused), days of week 0..6 (0 = Sunday).
struct CronExpr {
  std::bitset<60> minutes;        ///< minutes of the hour that match
  std::bitset<24> hours;          ///< hours of the day that match
  std::bitset<32> days_of_month;  ///< days of the month that match (bit 0 unused)
  std::bitset<13> months;         ///< months that match (bit 0 unused)
  std::bitset<7> days_of_week;    ///< days of the week that match, Sunday = 0
  /// True when the day-of-month field does not cover 1..31. croniter (used by Airflow, Dagster and
  /// Prefect) collapses a field that lists every value to `*`, so `1-31` and `*/1` are not restricted,
  /// while `*/2` is.
  bool dom_restricted = false;
  /// True when the day-of-week field does not cover every weekday (same rule as dom_restricted).
  bool dow_restricted = false;
  /// True when neither the minute nor the hour field text starts with `*` (cron(8)'s "fixed-time"
  /// job; a macro counts by its expansion, so `@hourly` is not fixed and `@daily` is).
  bool fixed_time = false;
  /// The expression as the user wrote it.
  std::string text;
};

/// The values whose bits are set, in increasing order.
template <std::size_t N>
std::vector<int> ValuesOf(const std::bitset<N>& bits) {
  std::vector<int> values;
  for (std::size_t i = 0; i < N; ++i) {
    if (bits.test(i)) values.push_back(static_cast<int>(i));
  }
  return values;
}

/// Days in a month of a year (1-based month); February follows the Gregorian leap rule.
int DaysInMonth(int year, int month);

/// True when the expression matches the given calendar day. When both day fields are restricted a
/// day matches if EITHER matches (cron and croniter's OR rule); otherwise both must match.
/// `weekday` is 0..6 with Sunday = 0.
inline bool DayMatches(const CronExpr& expr, int month, int day, int weekday) {
  if (!expr.months.test(static_cast<std::size_t>(month))) return false;
  const bool dom = expr.days_of_month.test(static_cast<std::size_t>(day));
  const bool dow = expr.days_of_week.test(static_cast<std::size_t>(weekday));
  if (expr.dom_restricted && expr.dow_restricted) return dom || dow;
  return dom && dow;
}

}  // namespace trigc::cron
