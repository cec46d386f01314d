#include "compiler/cron/cron_expr.h"

namespace trigc::cron {

const char* FieldName(Field field) {
  switch (field) {
    case Field::kMinute:
      return "minute";
    case Field::kHour:
      return "hour";
    case Field::kDayOfMonth:
      return "day of month";
    case Field::kMonth:
      return "month";
    case Field::kDayOfWeek:
      return "day of week";
  }
  return "field";
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month != 2) return kDays[month - 1];
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return leap ? 29 : 28;
}

}  // namespace trigc::cron
