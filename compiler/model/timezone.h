// Time zone names: checked against the system tz database file by file (validation must stay fast), and
// their zones found through the date library.
#pragma once

#include <string>
#include <string_view>

namespace date {
class time_zone;
}

namespace trigc::model {

/// True when `name` is a well-formed IANA name (no `..`, no leading `/`, not under posix/ or right/) whose
/// file in the system tz database (/usr/share/zoneinfo) is a TZif zone without leap seconds (so not
/// `leapseconds` or another data file). Reads one file header per name and run, never the database's index:
/// validation stays fast. Thread-safe.
bool TimezoneExists(std::string_view name);

/// The zone called `name` from the date library's index of that database; nullptr unless TimezoneExists.
/// Thread-safe; the first call reads the index (milliseconds) unless PrepareTimezoneDatabase did.
const date::time_zone* FindTimezone(std::string_view name);

/// Reads the index of the tz database that FindTimezone needs (the date library lists every zone file on
/// first use, which costs as much as loading a few dozen configs). The driver calls it on a thread of its own
/// while the configs load.
void PrepareTimezoneDatabase();

/// Size and modification time of the tz database's source file (tzdata.zi), "none" without one: changes
/// when the system's tz data does, so what was computed from it (DST warnings) can be trusted again.
std::string TimezoneDatabaseStamp();

}  // namespace trigc::model
