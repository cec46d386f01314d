// Parses one cron field (a comma-separated list of values, ranges and steps) into a bit mask.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "compiler/cron/cron_expr.h"
#include "compiler/cron/parse.h"

namespace trigc::cron {

/// Parses `text`, the text of `field` starting at byte `offset` of the whole expression, and sets
/// bit v of `*mask` for every value v it matches (day of week keeps 7 as bit 7; the caller folds it).
/// Returns the first error found, with offsets into the whole expression.
std::optional<ParseError> ParseField(Field field, std::string_view text, std::size_t offset,
                                     std::uint64_t* mask);

}  // namespace trigc::cron
