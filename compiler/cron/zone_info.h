// UTC-offset intervals of a time zone, with DST carried past the tz database's last transition.
#pragma once

#include <date/tz.h>

namespace trigc::cron {

/// The zone's interval of constant UTC offset containing `t`. The date library reads the transitions that the
/// system tz database's TZif files list (up to 2037 in Debian's) and then freezes the last offset; after the
/// last listed transition this applies the rule in the file's footer instead (a POSIX TZ string, RFC 8536),
/// as Python's zoneinfo and glibc do. A zone whose footer has no DST keeps its last offset.
date::sys_info InfoAt(const date::time_zone& zone, date::sys_seconds t);

}  // namespace trigc::cron
