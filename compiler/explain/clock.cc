#include "compiler/explain/clock.h"

#include <cstdlib>

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

namespace {

// Reads exactly `width` digits at `pos`.
bool Digits(const std::string& text, size_t pos, size_t width, int& out) {
  if (pos + width > text.size()) return false;
  out = 0;
  for (size_t i = pos; i < pos + width; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    out = out * 10 + (text[i] - '0');
  }
  return true;
}

}  // namespace

std::optional<date::sys_seconds> ParseIso(const std::string& text) {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (!Digits(text, 0, 4, year) || text.size() < 10 || text[4] != '-' || !Digits(text, 5, 2, month) ||
      text[7] != '-' || !Digits(text, 8, 2, day)) {
    return std::nullopt;
  }
  date::year_month_day ymd{date::year{year}, date::month{static_cast<unsigned>(month)},
                           date::day{static_cast<unsigned>(day)}};
  if (!ymd.ok()) return std::nullopt;
  size_t pos = 10;
  std::chrono::seconds offset{0};
  if (pos < text.size()) {
    if (text[pos] != 'T' || !Digits(text, pos + 1, 2, hour) || pos + 3 >= text.size() ||
        text[pos + 3] != ':' || !Digits(text, pos + 4, 2, minute)) {
      return std::nullopt;
    }
    pos += 6;
    if (pos < text.size() && text[pos] == ':') {
      if (!Digits(text, pos + 1, 2, second)) return std::nullopt;
      pos += 3;
    }
    int oh = 0, om = 0;
    if (pos + 1 == text.size() && text[pos] == 'Z') {
      pos += 1;
    } else if (pos + 6 == text.size() && (text[pos] == '+' || text[pos] == '-') &&
               Digits(text, pos + 1, 2, oh) && text[pos + 3] == ':' && Digits(text, pos + 4, 2, om)) {
      offset = std::chrono::hours{oh} + std::chrono::minutes{om};
      if (text[pos] == '-') offset = -offset;
      pos += 6;
    } else {
      return std::nullopt;
    }
    if (hour > 23 || minute > 59 || second > 59) return std::nullopt;
  }
  if (pos != text.size()) return std::nullopt;
  return date::sys_days{ymd} + std::chrono::hours{hour} + std::chrono::minutes{minute} +
         std::chrono::seconds{second} - offset;
}

std::string FormatUtc(date::sys_seconds t) { return date::format("%FT%TZ", t); }

std::string FormatLocal(date::local_seconds local, std::chrono::seconds offset) {
  int64_t minutes = offset.count() / 60;
  char sign = minutes < 0 ? '-' : '+';
  minutes = minutes < 0 ? -minutes : minutes;
  return date::format("%FT%T", local) + fmt::format("{}{:02}:{:02}", sign, minutes / 60, minutes % 60);
}

}  // namespace trigc::explain
