// Durations as people write them: "30m", "6h", "1d".
#pragma once

#include <cstdint>
#include <string>

namespace trigc::model {

/// The shortest exact form: whole days as "1d", whole hours as "6h", whole minutes as "30m", else "90s".
std::string FormatDuration(int64_t seconds);

}  // namespace trigc::model
