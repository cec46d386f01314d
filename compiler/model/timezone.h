// Time zone names: checked against the system tz database without loading it (validation must stay fast).
#pragma once

#include <string_view>

namespace trigc::model {

/// True when `name` is a well-formed IANA name (no `..`, no leading `/`) with a zone file in the system tz
/// database (/usr/share/zoneinfo).
bool TimezoneExists(std::string_view name);

}  // namespace trigc::model
