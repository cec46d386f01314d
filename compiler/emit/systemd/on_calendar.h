// systemd OnCalendar= expressions for a trigc schedule, and unit names escaped as systemd-escape does.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "compiler/cron/cron_expr.h"

namespace trigc::emit {

/// The OnCalendar= values that together fire when `expr` does in `zone` ("*-*-01,15 04:30:00 Europe/Berlin").
/// systemd ANDs a weekday with a date, so when both day fields are restricted (trigc's OR rule) there are two
/// values: one with the days of month, one with the weekdays. Runs of three or more values become `a..b`.
std::vector<std::string> OnCalendarValues(const cron::CronExpr& expr, std::string_view zone);

/// `text` escaped as `systemd-escape` does: `/` becomes `-`, and every byte outside [A-Za-z0-9:_.] (and a
/// leading `.`) becomes `\xHH`.
std::string SystemdEscape(std::string_view text);

}  // namespace trigc::emit
