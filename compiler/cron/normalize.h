// Canonical text of a cron expression and structural equality of two schedules.
#pragma once

#include <string>

#include "compiler/cron/cron_expr.h"

namespace trigc::cron {

/// Canonical 5-field text: `*` for a field that covers every value (except that a fixed-time
/// schedule keeps `0-59` / `0-23` so it stays fixed-time), `*/n` or `a-b/n` for an arithmetic
/// progression of 3 or more values, `a-b` for a run of 3 or more, lists otherwise; Sunday is 0;
/// macros are expanded (`@daily` -> `0 0 * * *`). Parse(Normalize(e)) has e's bitsets and flags.
std::string Normalize(const CronExpr& expr);

/// True when the two expressions fire at the same local times with the same DST treatment: equal
/// minutes, hours, months and fixed-time flag, and the same set of matching calendar days. Days are
/// compared as croniter evaluates them: OR when both day fields are restricted, AND otherwise, and
/// a listed day of month that no selected month has is ignored. So `0 0 * * 0` and `0 0 * * 7`
/// are the same; `0 0 1-30 * 1` (every day 1-30, and Mondays) and `0 0 * * 1` are not; and
/// `0 0 1-31 * 1` is `0 0 * * 1`, because croniter treats a field listing every value as `*`.
bool SameSchedule(const CronExpr& a, const CronExpr& b);

}  // namespace trigc::cron
