#include "compiler/cron/normalize.h"

#include <sstream>

#include <vector>

namespace trigc::cron {
namespace {

// The common difference when the values are an arithmetic progression of 3+ values, else 0.
int ProgressionStep(const std::vector<int>& values) {
  if (values.size() < 3) return 0;
  const int step = values[1] - values[0];
  for (std::size_t i = 2; i < values.size(); ++i) {
    if (values[i] - values[i - 1] != step) return 0;
  }
  return step >= 2 ? step : 0;
}

std::string ListText(const std::vector<int>& values) {
  std::string out;
  std::size_t i = 0;
  while (i < values.size()) {
    std::size_t j = i;
    while (j + 1 < values.size() && values[j + 1] == values[j] + 1) ++j;
    if (!out.empty()) out += ',';
    if (j - i >= 2) {
      out += std::to_string(values[i]) + "-" + std::to_string(values[j]);
    } else {
      for (std::size_t k = i; k <= j; ++k) out += (k > i ? "," : "") + std::to_string(values[k]);
    }
    i = j + 1;
  }
  return out;
}

// `star_ok`: the field may start with '*' (false keeps a fixed-time schedule fixed); `pair_star`:
// two values {min, min + n} may be written '*/n' (keeps a wildcard minute or hour field wildcard).
std::string FieldText(const std::vector<int>& values, int min, int max, bool star_ok,
                      bool pair_star = false) {
  const bool full = static_cast<int>(values.size()) == max - min + 1;
  if (full) return star_ok ? "*" : std::to_string(min) + "-" + std::to_string(max);
  const int star_step = values.size() >= 2 ? values[1] - values[0] : 0;
  if (star_ok && values.front() == min && star_step >= 2 && values.back() + star_step > max &&
      ((values.size() == 2 && pair_star) || ProgressionStep(values) == star_step)) {
    return "*/" + std::to_string(star_step);
  }
  const int step = ProgressionStep(values);
  if (step > 0 && values.back() + step > max) {
    return std::to_string(values.front()) + "-" + std::to_string(max) + "/" + std::to_string(step);
  }
  if (step > 0) {
    return std::to_string(values.front()) + "-" + std::to_string(values.back()) + "/" + std::to_string(step);
  }
  return ListText(values);
}

// The days of month any selected month has (February counts 29).
std::bitset<32> PossibleDays(const std::bitset<13>& months) {
  std::bitset<32> days;
  for (int month = 1; month <= 12; ++month) {
    if (!months.test(static_cast<std::size_t>(month))) continue;
    const int length = month == 2 ? 29 : DaysInMonth(2001, month);
    for (int day = 1; day <= length; ++day) days.set(static_cast<std::size_t>(day));
  }
  return days;
}

enum class DayKind { kAll, kOr, kAnd };

struct DaySet {
  DayKind kind;
  std::bitset<32> dom;
  std::bitset<7> dow;
  bool operator==(const DaySet& o) const { return kind == o.kind && dom == o.dom && dow == o.dow; }
};

DaySet CanonicalDays(const CronExpr& e) {
  const std::bitset<32> possible = PossibleDays(e.months);
  const std::bitset<32> dom = e.days_of_month & possible;
  if (e.dom_restricted && e.dow_restricted) {
    if (dom == possible) return {DayKind::kAll, {}, {}};
    return {DayKind::kOr, dom, e.days_of_week};
  }
  if (dom == possible && e.days_of_week.all()) return {DayKind::kAll, {}, {}};
  return {DayKind::kAnd, dom, e.days_of_week};
}

}  // namespace

std::string Normalize(const CronExpr& expr) {
  // A wildcard schedule writes '*' forms wherever they fit, so the result stays a wildcard schedule; a
  // fixed-time one never starts with '*'.
  const bool star_ok = !expr.fixed_time;
  std::string minute = FieldText(ValuesOf(expr.minutes), 0, 59, star_ok, star_ok);
  std::string hour = FieldText(ValuesOf(expr.hours), 0, 23, star_ok, star_ok);
  if (star_ok && minute[0] != '*' && hour[0] != '*') {
    // A '*' list such as `*/15,1` has no shorter '*' form: keep the minute and hour fields as written, so the
    // result stays a wildcard schedule (found by fuzzing).
    std::istringstream fields(expr.text);
    fields >> minute >> hour;
  }
  std::string out = minute + " " + hour;
  out += " " + (expr.dom_restricted ? FieldText(ValuesOf(expr.days_of_month), 1, 31, true) : "*");
  out += " " + FieldText(ValuesOf(expr.months), 1, 12, true);
  out += " " + (expr.dow_restricted ? FieldText(ValuesOf(expr.days_of_week), 0, 6, true) : "*");
  return out;
}

bool SameSchedule(const CronExpr& a, const CronExpr& b) {
  return a.minutes == b.minutes && a.hours == b.hours && a.months == b.months &&
         a.fixed_time == b.fixed_time && CanonicalDays(a) == CanonicalDays(b);
}

}  // namespace trigc::cron
