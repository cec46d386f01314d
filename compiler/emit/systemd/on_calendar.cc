#include "compiler/emit/systemd/on_calendar.h"

#include <fmt/format.h>

namespace trigc::emit {

namespace {

/// The set bits from `first` to `last` as a systemd list: `*` when all are set, else "a..b" runs and values.
template <size_t N>
std::string List(const std::bitset<N>& bits, size_t first, size_t last, const char* const* names = nullptr) {
  bool all = true;
  for (size_t i = first; i <= last; ++i) all = all && bits.test(i);
  if (all && names == nullptr) return "*";
  auto word = [&](size_t i) { return names != nullptr ? std::string(names[i]) : fmt::format("{:02}", i); };
  std::string out;
  for (size_t i = first; i <= last; ++i) {
    if (!bits.test(i)) continue;
    size_t j = i;
    while (j + 1 <= last && bits.test(j + 1)) ++j;
    std::string item = j - i >= 2 ? word(i) + ".." + word(j) : word(i);
    if (j - i == 1) item += "," + word(j);
    out += (out.empty() ? "" : ",") + item;
    i = j;
  }
  return out;
}

// Monday first, so that runs such as Mon..Fri stay in one piece.
const char* const kWeekdays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

std::string Weekdays(const std::bitset<7>& cron_days) {
  std::bitset<7> monday_first;
  for (size_t d = 0; d < 7; ++d) monday_first[d] = cron_days.test((d + 1) % 7);
  return List(monday_first, 0, 6, kWeekdays);
}

}  // namespace

std::vector<std::string> OnCalendarValues(const cron::CronExpr& expr, std::string_view zone) {
  std::string months = List(expr.months, 1, 12);
  std::string time = List(expr.hours, 0, 23) + ":" + List(expr.minutes, 0, 59) + ":00 " + std::string(zone);
  std::string by_day = "*-" + months + "-" + List(expr.days_of_month, 1, 31) + " " + time;
  std::string by_weekday = Weekdays(expr.days_of_week) + " *-" + months + "-* " + time;
  if (expr.dom_restricted && expr.dow_restricted) return {by_day, by_weekday};
  if (expr.dow_restricted) return {by_weekday};
  return {by_day};
}

std::string SystemdEscape(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '/') {
      out += '-';
    } else if (std::isalnum(c) != 0 || c == ':' || c == '_' || (c == '.' && i > 0)) {
      out += static_cast<char>(c);
    } else {
      out += fmt::format("\\x{:02x}", c);
    }
  }
  return out;
}

}  // namespace trigc::emit
