#include "compiler/explain/clock.h"

#include <cstdlib>
#include <sstream>

#include <fmt/format.h>

namespace trigc::explain {

date::sys_seconds Now() {
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch != nullptr && *epoch != '\0') {
    char* end = nullptr;
    long long seconds = std::strtoll(epoch, &end, 10);
    if (end != nullptr && *end == '\0') return date::sys_seconds{std::chrono::seconds{seconds}};
  }
  return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

std::optional<date::sys_seconds> ParseIso(const std::string& text) {
  for (const char* format : {"%FT%TZ", "%FT%T%Ez", "%FT%RZ", "%FT%R%Ez", "%F"}) {
    std::istringstream in(text);
    date::sys_seconds t;
    in >> date::parse(format, t);
    if (!in.fail() && in.peek() == std::char_traits<char>::eof()) return t;
  }
  return std::nullopt;
}

std::string FormatUtc(date::sys_seconds t) { return date::format("%FT%TZ", t); }

std::string FormatLocal(date::local_seconds local, std::chrono::seconds offset) {
  int64_t minutes = offset.count() / 60;
  char sign = minutes < 0 ? '-' : '+';
  minutes = minutes < 0 ? -minutes : minutes;
  return date::format("%FT%T", local) + fmt::format("{}{:02}:{:02}", sign, minutes / 60, minutes % 60);
}

}  // namespace trigc::explain
