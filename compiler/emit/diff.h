// Line diffs for `trigc build --check`: what a stale generated file would become, as a short unified diff.
#pragma once

#include <string>
#include <string_view>

namespace trigc::emit {

/// A unified diff (`---`/`+++` lines, `@@` hunks with `context` lines around each change) from `before` to
/// `after`, cut after `max_lines` diff lines with a "... N more lines" note. Empty when the texts are equal.
std::string UnifiedDiff(std::string_view before, std::string_view after, std::string_view before_label,
                        std::string_view after_label, size_t context = 3, size_t max_lines = 40);

}  // namespace trigc::emit
