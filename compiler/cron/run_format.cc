#include "compiler/cron/run_format.h"

#include <cstdio>

namespace trigc::cron {

std::string FormatUtc(const Run& run) { return date::format("%Y-%m-%dT%H:%M:%SZ", run.utc); }

std::string FormatLocal(const Run& run) {
  const long long total_minutes = run.utc_offset.count() / 60;
  const long long magnitude = total_minutes < 0 ? -total_minutes : total_minutes;
  char offset[24];
  std::snprintf(offset, sizeof offset, "%c%02lld:%02lld", total_minutes < 0 ? '-' : '+', magnitude / 60,
                magnitude % 60);
  return date::format("%Y-%m-%dT%H:%M:%S", run.local) + offset;
}

}  // namespace trigc::cron
