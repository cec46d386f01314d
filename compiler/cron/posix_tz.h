// The rule a TZif file's footer states for every instant after the file's last transition: a POSIX TZ string
// (RFC 8536 section 3.3), e.g. "CET-1CEST,M3.5.0,M10.5.0/3" or "<-02>2<-01>,M3.5.0/-1,M10.5.0/0".
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include <date/tz.h>

namespace trigc::cron {

/// One end of daylight saving time: a day of the year and a local time on it.
struct PosixTzDate {
  enum class Kind {
    kJulian,
    kZeroBased,
    kMonthWeekDay
  };  ///< "Jn" (1-365, no leap day), "n" (0-365), "Mm.w.d"
  Kind kind = Kind::kMonthWeekDay;
  int day = 0;                      ///< Jn and n: the day number
  int month = 0;                    ///< Mm.w.d: month 1-12
  int week = 0;                     ///< Mm.w.d: week 1-5, 5 = the last one
  int weekday = 0;                  ///< Mm.w.d: 0 = Sunday
  std::chrono::seconds time{7200};  ///< local time of the change, -167h to 167h (RFC 8536); default 02:00
};

/// A parsed POSIX TZ string. Offsets are east of UTC (the string itself counts west).
struct PosixTz {
  std::string std_abbrev;
  std::chrono::seconds std_offset{0};
  bool has_dst = false;
  std::string dst_abbrev;
  std::chrono::seconds dst_offset{0};
  PosixTzDate start;  ///< when DST starts, in standard local time
  PosixTzDate end;    ///< when DST ends, in daylight local time
};

/// Parses a POSIX TZ string; nullopt when it is not one (or DST has no rule, which TZif footers never omit).
std::optional<PosixTz> ParsePosixTz(std::string_view text);

/// The interval of constant offset containing `t` under `tz`, as date::time_zone::get_info gives it.
date::sys_info PosixTzInfo(const PosixTz& tz, date::sys_seconds t);

}  // namespace trigc::cron
