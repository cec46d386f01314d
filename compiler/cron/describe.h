// Plain-English description of a cron expression ("at 06:00 every day").
#pragma once

#include <string>

#include "compiler/cron/cron_expr.h"

namespace trigc::cron {

/// Describes when the expression fires, in English, deterministically and without a locale, e.g.
/// `0 6 * * *` -> "at 06:00 every day",
/// `*/15 9-17 * * 1-5` -> "every 15 minutes between 09:00 and 17:59, Monday through Friday",
/// `0 0 1,15 * 5` -> "at 00:00 on day 1 and 15 of the month and on Friday".
/// Times are local wall-clock times of the schedule's zone.
std::string Describe(const CronExpr& expr);

}  // namespace trigc::cron
