// ISO 8601 durations for prefect.yaml (`schedule_after`).
#pragma once

#include <cstdint>
#include <string>

namespace trigc::emit::prefect {

/// `seconds` (≥ 0) as an ISO 8601 duration in hours, minutes and seconds: 0 -> "PT0S", 600 -> "PT10M",
/// 5400 -> "PT1H30M", 86400 -> "PT24H".
std::string IsoDuration(int64_t seconds);

}  // namespace trigc::emit::prefect
