// "Now" and ISO 8601 times for preview, explain and the DST check. SOURCE_DATE_EPOCH, when set, fixes "now",
// so that output is reproducible (goldens, CI).
#pragma once

#include <optional>
#include <string>

#include <date/tz.h>

namespace trigc::explain {

/// The current time in seconds, or SOURCE_DATE_EPOCH when it is set to a number.
date::sys_seconds Now();

/// Parses `2026-03-08T07:00:00Z`, `2026-03-08T02:00:00-05:00`, `2026-03-08T07:00Z` or `2026-03-08` (midnight
/// UTC).
std::optional<date::sys_seconds> ParseIso(const std::string& text);

/// `2026-03-08T07:00:00Z`.
std::string FormatUtc(date::sys_seconds t);

/// `2026-03-08T03:00:00-04:00` (local wall-clock time with its UTC offset).
std::string FormatLocal(date::local_seconds local, std::chrono::seconds offset);

}  // namespace trigc::explain
