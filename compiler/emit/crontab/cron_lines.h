// The five time fields of crontab lines for one trigc schedule, so that cron means what trigc's model means.
#pragma once

#include <string>
#include <vector>

#include "compiler/cron/cron_expr.h"

namespace trigc::emit {

/// The time fields ("30 4 1,15 * *") of the lines that together fire exactly when `expr` does under trigc's
/// rule. When both day fields are restricted, two lines (days of month with `*` weekdays, weekdays with `*`
/// days of month), because cron decides "restricted" from the field's first character (`*/2` counts as `*`)
/// while trigc and croniter look at the values; a line with one `*` day field means the same under both
/// rules.
std::vector<std::string> CronLineFields(const cron::CronExpr& expr);

/// The fields of the line that starts a zone guard every quarter of an hour around the schedule's minutes:
/// the minutes shifted by 0, 15, 30 and 45 (every UTC offset in use is a multiple of 15 minutes), every hour
/// and day; the run script then compares the time in the schedule's zone with the schedule.
std::string GuardLineFields(const cron::CronExpr& expr);

}  // namespace trigc::emit
