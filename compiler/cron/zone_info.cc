#include "compiler/cron/zone_info.h"

namespace trigc::cron {
namespace {

// 28 Gregorian years without a skipped leap year: 7 * 366 + 21 * 365 days = 1461 whole weeks.
constexpr date::days kCycle{10227};
// An interval ending after this is the tz database's open-ended last interval.
const date::sys_seconds kOpenEnded{date::sys_days{date::year{9000} / 1 / 1}};

}  // namespace

date::sys_info InfoAt(const date::time_zone& zone, date::sys_seconds t) {
  date::sys_info info = zone.get_info(t);
  if (info.end < kOpenEnded) return info;
  const date::sys_info before = zone.get_info(info.begin - std::chrono::seconds{1});
  if (info.begin - before.begin > date::days{366}) return info;  // no DST at the end of the data
  const auto cycles = (t - info.begin) / kCycle + 1;
  const auto shift = cycles * kCycle;
  date::sys_info mapped = zone.get_info(t - shift);
  mapped.begin += shift;
  mapped.end += shift;
  return mapped;
}

}  // namespace trigc::cron
