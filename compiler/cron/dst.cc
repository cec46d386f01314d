#include "compiler/cron/dst.h"

#include <bitset>

#include "compiler/cron/local_matcher.h"
#include "compiler/cron/normalize.h"
#include "compiler/cron/zone_info.h"

namespace trigc::cron {
namespace {

using std::chrono::seconds;

date::local_seconds ToLocal(date::sys_seconds t, seconds offset) {
  return date::local_seconds{t.time_since_epoch() + offset};
}

// Calls visit(transition, before, after) for every offset change in (from, until).
template <typename Visit>
void ForEachTransition(const date::time_zone& zone, date::sys_seconds from, date::sys_seconds until,
                       Visit visit) {
  date::sys_seconds t = from;
  while (t < until) {
    const date::sys_info info = InfoAt(zone, t);
    if (info.end >= until) return;
    const date::sys_info next = InfoAt(zone, info.end);
    if (next.offset != info.offset && !visit(info.end, info.offset, next.offset)) return;
    t = info.end;
  }
}

// Local hours whose wall-clock times a transition in the period skips or repeats.
std::bitset<24> AffectedHours(const date::time_zone& zone, date::sys_seconds from, date::sys_seconds until) {
  std::bitset<24> hours;
  ForEachTransition(zone, from, until, [&](date::sys_seconds at, seconds before, seconds after) {
    const date::local_seconds lo = ToLocal(at, std::min(before, after));
    const date::local_seconds hi = ToLocal(at, std::max(before, after));
    for (auto t = date::floor<std::chrono::hours>(lo); t < hi; t += std::chrono::hours{1}) {
      const auto day = date::floor<date::days>(t);
      hours.set(static_cast<std::size_t>(date::floor<std::chrono::hours>(t - day).count()));
    }
    return true;
  });
  return hours;
}

}  // namespace

std::vector<DstTouch> DstTouches(const CronExpr& expr, const date::time_zone& zone, date::sys_seconds from,
                                 date::sys_seconds until, std::size_t limit) {
  std::vector<DstTouch> touches;
  const LocalMatcher matcher(expr);
  ForEachTransition(zone, from, until, [&](date::sys_seconds at, seconds before, seconds after) {
    const DstKind kind = after > before ? DstKind::kSkipped : DstKind::kRepeated;
    date::local_seconds lo = ToLocal(at, std::min(before, after));
    const date::local_seconds hi = ToLocal(at, std::max(before, after));
    while (touches.size() < limit) {
      const auto found = matcher.Next(lo, hi);
      if (!found) break;
      touches.push_back({*found, kind, at, before, after});
      lo = *found + std::chrono::minutes{1};
    }
    return touches.size() < limit;
  });
  return touches;
}

DstSuggestion SuggestDstSafe(const CronExpr& expr, const date::time_zone& zone, date::sys_seconds from) {
  const date::sys_seconds until = from + date::days{2 * 366};
  DstSuggestion suggestion;
  suggestion.cron = Normalize(expr);
  suggestion.timezone = zone.name();
  if (DstTouches(expr, zone, from, until, 1).empty()) return suggestion;
  suggestion.needed = true;
  const std::bitset<24> affected = AffectedHours(zone, from, until);
  if (expr.fixed_time) {
    CronExpr moved = expr;
    std::string moves;
    for (int h = 0; h < 24; ++h) {
      if (!expr.hours.test(static_cast<std::size_t>(h)) || !affected.test(static_cast<std::size_t>(h)))
        continue;
      int to = h + 1;
      // The next hour no transition touches and the schedule does not already use.
      while (to < 24 && (affected.test(static_cast<std::size_t>(to)) ||
                         moved.hours.test(static_cast<std::size_t>(to)))) {
        ++to;
      }
      if (to == 24) break;
      moved.hours.reset(static_cast<std::size_t>(h));
      moved.hours.set(static_cast<std::size_t>(to));
      moves += (moves.empty() ? "" : ", ") + std::to_string(h) + " to " + std::to_string(to);
    }
    if (!moves.empty() && DstTouches(moved, zone, from, until, 1).empty()) {
      suggestion.cron = Normalize(moved);
      suggestion.message = "move hour " + moves +
                           ": those local times are skipped or repeated "
                           "when '" +
                           zone.name() + "' changes between standard and daylight time";
      return suggestion;
    }
  }
  suggestion.timezone = "UTC";
  suggestion.message = "run the schedule in 'UTC' (its local times in '" + zone.name() +
                       "' then move by an hour with daylight saving time), or accept the "
                       "documented DST behaviour of each target";
  return suggestion;
}

}  // namespace trigc::cron
