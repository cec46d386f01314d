// Next run instants of a cron schedule in an IANA time zone, with each target's DST behaviour.
#pragma once

#include <chrono>
#include <cstddef>
#include <vector>

#include <date/tz.h>

#include "compiler/cron/cron_expr.h"

namespace trigc::cron {

/// Whose DST behaviour NextRuns reproduces. A "wildcard" schedule is one whose minute or hour field
/// starts with `*` (CronExpr::fixed_time is false); every other schedule is "fixed-time".
enum class Dialect {
  /// trigc's own rule, which is cron(8)'s (Debian cron 3.0pl1 and cronie; VERIFIED with the real
  /// daemon, reference reliability.md 3.3). Fixed-time: a local time skipped by a spring-forward
  /// runs once at the first instant after the gap (several skipped matches collapse into that one
  /// run); a local time repeated by a fall-back runs once, at its first occurrence. Wildcard: runs
  /// at every matching local time that exists, so in both copies of a repeated hour and not at all
  /// in a skipped one.
  kTrigc,
  /// systemd `OnCalendar=` (v252, VERIFIED-LOCAL with `systemd-analyze calendar`): a nonexistent
  /// local time is skipped; a repeated local time fires once, at its first occurrence, for every
  /// schedule, so a wildcard schedule also skips the whole second copy of the repeated hour.
  kSystemd,
  /// Dagster schedules (VERIFIED with Dagster 1.13's scheduler iterator by the conformance suite,
  /// tests/conformance/dagster). Fixed-time: a nonexistent time runs at the next existing time (the
  /// end of the gap), a repeated time runs at its SECOND occurrence. Wildcard with every hour
  /// (`*/30 * * * *`, `0 * * * 1-5`): every matching local time that exists, like kTrigc, so such
  /// schedules run once per real hour. Wildcard with restricted hours (`*/15 1-2 * * *`): a
  /// nonexistent time is skipped, a repeated one runs at its second occurrence only.
  kDagster,
};

/// One run of a schedule.
struct Run {
  date::sys_seconds utc;            ///< the instant
  date::local_seconds local;        ///< wall-clock time in the schedule's zone at that instant
  std::chrono::seconds utc_offset;  ///< local - utc
};

/// Longest stretch searched for the next run before giving up (8 years and a few days: covers
/// February 29 across a skipped leap year such as 2100).
inline constexpr date::days kMaxLookAhead{8 * 366 + 2};

/// The first `n` runs strictly after `from`, in increasing order without duplicates, computed by
/// stepping through the fields, never minute by minute. Returns fewer runs when no further run
/// exists within kMaxLookAhead of the previous one, and none after the year 9999.
std::vector<Run> NextRuns(const CronExpr& expr, const date::time_zone& zone, date::sys_seconds from,
                          std::size_t n, Dialect dialect = Dialect::kTrigc);

}  // namespace trigc::cron
