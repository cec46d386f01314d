#include "compiler/cron/local_matcher.h"

namespace trigc::cron {
namespace {

template <std::size_t N, std::size_t M>
void FillNext(const std::bitset<N>& bits, std::array<std::int8_t, M>* next) {
  static_assert(M == N + 1, "table has one sentinel slot");
  std::int8_t best = -1;
  (*next)[N] = -1;
  for (std::size_t i = N; i-- > 0;) {
    if (bits.test(i)) best = static_cast<std::int8_t>(i);
    (*next)[i] = best;
  }
}

}  // namespace

LocalMatcher::LocalMatcher(const CronExpr& expr) : expr_(expr) {
  FillNext(expr.minutes, &next_minute_);
  FillNext(expr.hours, &next_hour_);
}

bool LocalMatcher::DayMatches(date::local_days day) const {
  const date::year_month_day ymd{day};
  const unsigned weekday = date::weekday{day}.c_encoding();
  return cron::DayMatches(expr_, static_cast<int>(static_cast<unsigned>(ymd.month())),
                          static_cast<int>(static_cast<unsigned>(ymd.day())), static_cast<int>(weekday));
}

int LocalMatcher::NextTimeOfDay(int minute_of_day) const {
  int hour = minute_of_day / 60;
  int minute = minute_of_day % 60;
  while (hour < 24) {
    const int next_hour = next_hour_[static_cast<std::size_t>(hour)];
    if (next_hour < 0) return -1;
    if (next_hour != hour) minute = 0;
    const int next_minute = next_minute_[static_cast<std::size_t>(minute)];
    if (next_minute >= 0) return next_hour * 60 + next_minute;
    hour = next_hour + 1;
    minute = 0;
  }
  return -1;
}

std::optional<date::local_seconds> LocalMatcher::Next(date::local_seconds lo, date::local_seconds hi) const {
  using std::chrono::minutes;
  const auto start = date::ceil<minutes>(lo);
  date::local_days day = date::floor<date::days>(start);
  int minute_of_day = static_cast<int>(std::chrono::duration_cast<minutes>(start - day).count());
  while (day < hi) {
    const date::year_month_day ymd{day};
    if (!expr_.months.test(static_cast<unsigned>(ymd.month()))) {
      const auto first = ymd.year() / ymd.month() / date::day{1};
      day = date::local_days{first + date::months{1}};
      minute_of_day = 0;
      continue;
    }
    if (DayMatches(day)) {
      const int time_of_day = NextTimeOfDay(minute_of_day);
      if (time_of_day >= 0) {
        const date::local_seconds found = day + minutes{time_of_day};
        if (found >= hi) return std::nullopt;
        return found;
      }
    }
    day += date::days{1};
    minute_of_day = 0;
  }
  return std::nullopt;
}

}  // namespace trigc::cron
