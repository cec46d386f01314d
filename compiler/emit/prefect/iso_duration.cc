#include "compiler/emit/prefect/iso_duration.h"

namespace trigc::emit::prefect {

std::string IsoDuration(int64_t seconds) {
  if (seconds <= 0) return "PT0S";
  std::string out = "PT";
  if (seconds / 3600 > 0) out += std::to_string(seconds / 3600) + "H";
  if (seconds % 3600 / 60 > 0) out += std::to_string(seconds % 3600 / 60) + "M";
  if (seconds % 60 > 0) out += std::to_string(seconds % 60) + "S";
  return out;
}

}  // namespace trigc::emit::prefect
