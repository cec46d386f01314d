// Where a schedule meets its zone's DST transitions, and how to avoid them.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

#include <date/tz.h>

#include "compiler/cron/cron_expr.h"

namespace trigc::cron {

/// How a transition affects a local time.
enum class DstKind {
  kSkipped,   ///< the local time does not exist (spring-forward gap)
  kRepeated,  ///< the local time occurs twice (fall-back)
};

/// One matching local time that falls in a DST gap or repeated period.
struct DstTouch {
  date::local_seconds local;           ///< the schedule's matching wall-clock time
  DstKind kind;                        ///< skipped or repeated
  date::sys_seconds transition;        ///< the instant the offset changes
  std::chrono::seconds offset_before;  ///< UTC offset before the transition
  std::chrono::seconds offset_after;   ///< UTC offset after it
};

/// The schedule's matching local times that a transition in [from, until) skips or repeats, in
/// order, at most `limit` of them. Empty for zones without DST. Used to warn "this schedule's
/// local time falls in a DST transition of its zone".
std::vector<DstTouch> DstTouches(const CronExpr& expr, const date::time_zone& zone, date::sys_seconds from,
                                 date::sys_seconds until, std::size_t limit = 100);

/// A way to keep a schedule out of DST transitions.
struct DstSuggestion {
  bool needed = false;   ///< false when the schedule touches no transition in the period
  std::string cron;      ///< the schedule to use (normalised)
  std::string timezone;  ///< the zone to use: the schedule's own, or "UTC"
  std::string message;   ///< lowercase help text, e.g. "move hour 2 to 3: ..."
};

/// Looks two years ahead of `from`. A fixed-time schedule gets its affected hours moved to the
/// next hour that no transition of the zone touches; a wildcard schedule (or one that cannot be
/// moved) is suggested to run in UTC.
DstSuggestion SuggestDstSafe(const CronExpr& expr, const date::time_zone& zone, date::sys_seconds from);

}  // namespace trigc::cron
