#include "compiler/cron/describe.h"

#include <array>
#include <cstdio>
#include <vector>

namespace trigc::cron {
namespace {

constexpr std::array<const char*, 7> kDayNames = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                  "Thursday", "Friday", "Saturday"};
constexpr std::array<const char*, 13> kMonthNames = {"",        "January",  "February", "March",  "April",
                                                     "May",     "June",     "July",     "August", "September",
                                                     "October", "November", "December"};

// A list that covers at most this many times is written out ("at 06:00 and 18:00").
constexpr std::size_t kMaxListedTimes = 6;

std::string JoinAnd(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " and " : ", ";
    out += items[i];
  }
  return out;
}

std::string Clock(int hour, int minute) {
  char text[24];
  std::snprintf(text, sizeof text, "%02d:%02d", hour, minute);
  return text;
}

struct Run {
  int first;
  int last;
};

std::vector<Run> Runs(const std::vector<int>& values) {
  std::vector<Run> runs;
  for (int v : values) {
    if (!runs.empty() && runs.back().last + 1 == v) {
      runs.back().last = v;
    } else {
      runs.push_back({v, v});
    }
  }
  return runs;
}

// The step when values are min, min+s, ... up to the largest that fits under max (s >= 2), else 0.
int StepFrom(const std::vector<int>& values, int max) {
  if (values.size() < 2) return 0;
  const int step = values[1] - values[0];
  if (step < 2 || values[0] >= step) return 0;
  for (std::size_t i = 2; i < values.size(); ++i) {
    if (values[i] - values[i - 1] != step) return 0;
  }
  return values.back() + step > max ? step : 0;
}

std::string Ordinal(int n) {
  const int tens = n % 100;
  const char* suffix = "th";
  if (tens < 11 || tens > 13) {
    if (n % 10 == 1) suffix = "st";
    if (n % 10 == 2) suffix = "nd";
    if (n % 10 == 3) suffix = "rd";
  }
  return std::to_string(n) + suffix;
}

// "1 through 7 and 15" from values, with `name` turning a value into text.
template <typename Name>
std::string RangesText(const std::vector<int>& values, Name name) {
  std::vector<std::string> parts;
  for (const Run& run : Runs(values)) {
    if (run.last - run.first >= 2) {
      parts.push_back(name(run.first) + " through " + name(run.last));
    } else {
      for (int v = run.first; v <= run.last; ++v) parts.push_back(name(v));
    }
  }
  return JoinAnd(parts);
}

std::string HourWindow(const std::vector<int>& hours) {
  if (hours.size() == 24) return "";
  const std::vector<Run> runs = Runs(hours);
  if (runs.size() <= 3) {
    std::vector<std::string> parts;
    for (const Run& run : runs) {
      parts.push_back("between " + Clock(run.first, 0) + " and " + Clock(run.last, 59));
    }
    return " " + JoinAnd(parts);
  }
  std::vector<std::string> parts;
  for (int h : hours) parts.push_back(Clock(h, 0));
  return " in the hours starting " + JoinAnd(parts);
}

std::string MinuteList(const std::vector<int>& minutes) {
  return RangesText(minutes, [](int v) { return std::to_string(v); });
}

// The time-of-day part. Sets *listed when it is a list of clock times ("at 06:00").
std::string TimePhrase(const CronExpr& expr, bool* listed) {
  const auto minutes = ValuesOf(expr.minutes);
  const auto hours = ValuesOf(expr.hours);
  *listed = false;
  if (hours.size() < 24 && minutes.size() * hours.size() <= kMaxListedTimes) {
    std::vector<std::string> times;
    for (int h : hours) {
      for (int m : minutes) times.push_back(Clock(h, m));
    }
    *listed = true;
    return "at " + JoinAnd(times);
  }
  if (minutes.size() == 60) return "every minute" + HourWindow(hours);
  if (const int step = StepFrom(minutes, 59)) {
    std::string text;
    if (60 % step == 0) {
      // Evenly spaced across the hour boundary too.
      text = "every " + std::to_string(step) + " minutes";
      if (minutes[0] > 0) text += " starting at minute " + std::to_string(minutes[0]);
    } else {
      // '*/7' restarts every hour (..., 49, 56, 0, 7): say which minutes.
      text = "every " + Ordinal(step) + " minute from minute " + std::to_string(minutes.front()) +
             " through " + std::to_string(minutes.back());
    }
    return text + HourWindow(hours);
  }
  const std::string at_minutes =
      minutes.size() == 1 ? "at minute " + MinuteList(minutes) : "at minutes " + MinuteList(minutes);
  if (hours.size() == 24) return "every hour " + at_minutes;
  if (const int step = StepFrom(hours, 23)) {
    std::string text = "every " + std::to_string(step) + " hours";
    if (hours[0] > 0) text += " starting at " + Clock(hours[0], 0);
    return text + " " + at_minutes;
  }
  return "every hour " + at_minutes + HourWindow(hours);
}

std::string DomText(const CronExpr& expr) {
  const auto days = ValuesOf(expr.days_of_month);
  const int step = StepFrom(days, 31);
  if (step > 0 && days.size() >= 3) {
    std::string text = "on every " + Ordinal(step) + " day of the month";
    if (days[0] > 1) text += " starting on day " + std::to_string(days[0]);
    return text;
  }
  const bool ranged = Runs(days).size() < days.size() && days.size() >= 3;
  return std::string(ranged ? "on days " : "on day ") + MinuteList(days) + " of the month";
}

std::string DayNames(const std::vector<int>& days) {
  return RangesText(days, [](int v) { return std::string(kDayNames[static_cast<std::size_t>(v)]); });
}

// Weekday phrase; `comma` allows the ", Monday through Friday" form for a single range.
std::string DowText(const CronExpr& expr, bool comma) {
  const auto days = ValuesOf(expr.days_of_week);
  if (days == std::vector<int>{0, 6}) return " on weekends";
  const std::vector<Run> runs = Runs(days);
  if (comma && runs.size() == 1 && runs[0].last - runs[0].first >= 2) return ", " + DayNames(days);
  return " on " + DayNames(days);
}

std::string MonthPhrase(const CronExpr& expr) {
  const auto months = ValuesOf(expr.months);
  if (months.size() == 12) return "";
  return " in " +
         RangesText(months, [](int v) { return std::string(kMonthNames[static_cast<std::size_t>(v)]); });
}

std::string DayPhrase(const CronExpr& expr, bool listed) {
  if (expr.dom_restricted && expr.dow_restricted) {
    return " " + DomText(expr) + " and" + DowText(expr, false);
  }
  if (expr.dom_restricted) return " " + DomText(expr);
  if (expr.dow_restricted) return DowText(expr, true);
  return listed ? " every day" : "";
}

}  // namespace

std::string Describe(const CronExpr& expr) {
  bool listed = false;
  std::string text = TimePhrase(expr, &listed);
  text += DayPhrase(expr, listed);
  text += MonthPhrase(expr);
  return text;
}

}  // namespace trigc::cron
