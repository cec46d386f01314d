// ISO 8601 text for runs, as `trigc preview` prints them.
#pragma once

#include <string>

#include "compiler/cron/next_runs.h"

namespace trigc::cron {

/// The run's instant in UTC, e.g. "2026-03-08T07:00:00Z".
std::string FormatUtc(const Run& run);

/// The run's local wall-clock time with its UTC offset, e.g. "2026-03-08T03:00:00-04:00"
/// ("+05:30" for Asia/Kolkata, "+00:00" for UTC).
std::string FormatLocal(const Run& run);

}  // namespace trigc::cron
