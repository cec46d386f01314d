// UTC-offset intervals of a time zone, with DST carried past the tz database's last transition.
#pragma once

#include <date/tz.h>

namespace trigc::cron {

/// The zone's interval of constant UTC offset containing `t`. The system tz database as read by
/// date/tz lists transitions only up to 2037 and then freezes the offset; for a zone that still
/// had DST in its last listed year, later instants are mapped back by whole 28-year Gregorian
/// calendar cycles (same weekdays, same leap years until 2100), which repeats the zone's last
/// rules exactly as the TZif footer does. Intervals returned for those years are shifted forward.
date::sys_info InfoAt(const date::time_zone& zone, date::sys_seconds t);

}  // namespace trigc::cron
