#include "compiler/model/duration.h"

#include <fmt/format.h>

namespace trigc::model {

std::string FormatDuration(int64_t seconds) {
  if (seconds != 0 && seconds % 86400 == 0) return fmt::format("{}d", seconds / 86400);
  if (seconds != 0 && seconds % 3600 == 0) return fmt::format("{}h", seconds / 3600);
  if (seconds % 60 == 0) return fmt::format("{}m", seconds / 60);
  return fmt::format("{}s", seconds);
}

}  // namespace trigc::model
