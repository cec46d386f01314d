#include "compiler/cron/posix_tz.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace trigc::cron {
namespace {

using std::chrono::seconds;

// Reads text from `pos` on; every reader returns false (and may leave `pos` anywhere) on a malformed field.
class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}
  bool AtEnd() const { return pos_ == text_.size(); }
  bool Take(char c) {
    if (pos_ < text_.size() && text_[pos_] == c) return ++pos_, true;
    return false;
  }
  // An abbreviation: three or more letters, or <...> of letters, digits, '+' and '-'.
  bool Abbrev(std::string& out) {
    const size_t begin = pos_;
    if (Take('<')) {
      while (pos_ < text_.size() && text_[pos_] != '>') ++pos_;
      out = std::string(text_.substr(begin + 1, pos_ - begin - 1));
      return Take('>') && out.size() >= 3;
    }
    while (pos_ < text_.size() && std::isalpha(static_cast<unsigned char>(text_[pos_]))) ++pos_;
    out = std::string(text_.substr(begin, pos_ - begin));
    return out.size() >= 3;
  }
  bool Number(int& out, int max) {
    const size_t begin = pos_;
    out = 0;
    while (pos_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_])) && out <= max) {
      out = out * 10 + (text_[pos_++] - '0');
    }
    return pos_ > begin && out <= max;
  }
  // [+-]hh[:mm[:ss]], hh up to 167 (RFC 8536's extension of POSIX's 24).
  bool Time(seconds& out) {
    const bool negative = Take('-');
    if (!negative) Take('+');
    int h = 0, m = 0, s = 0;
    if (!Number(h, 167)) return false;
    if (Take(':') && (!Number(m, 59) || (Take(':') && !Number(s, 59)))) return false;
    out = seconds{h * 3600 + m * 60 + s};
    if (negative) out = -out;
    return true;
  }
  bool Date(PosixTzDate& out) {
    if (Take('M')) {
      out.kind = PosixTzDate::Kind::kMonthWeekDay;
      if (!Number(out.month, 12) || out.month < 1 || !Take('.') || !Number(out.week, 5) || out.week < 1 ||
          !Take('.') || !Number(out.weekday, 6)) {
        return false;
      }
    } else {
      out.kind = Take('J') ? PosixTzDate::Kind::kJulian : PosixTzDate::Kind::kZeroBased;
      if (!Number(out.day, 365)) return false;
      if (out.kind == PosixTzDate::Kind::kJulian && out.day < 1) return false;
    }
    return !Take('/') || Time(out.time);
  }

 private:
  std::string_view text_;
  size_t pos_ = 0;
};

// The day `d` names in `year`.
date::sys_days DayOf(const PosixTzDate& d, date::year year) {
  const date::sys_days jan1{year / 1 / 1};
  switch (d.kind) {
    case PosixTzDate::Kind::kJulian: {
      // Day 60 is March 1st in every year: February 29th is never counted.
      const int skip_leap = (year.is_leap() && d.day >= 60) ? 1 : 0;
      return jan1 + date::days{d.day - 1 + skip_leap};
    }
    case PosixTzDate::Kind::kZeroBased:
      return jan1 + date::days{d.day};
    case PosixTzDate::Kind::kMonthWeekDay:
      break;
  }
  const date::weekday wd{static_cast<unsigned>(d.weekday)};
  if (d.week == 5) return date::sys_days{year / date::month(d.month) / date::weekday_last{wd}};
  return date::sys_days{year / date::month(d.month) / wd[static_cast<unsigned>(d.week)]};
}

// A change of offset in UTC, and the offset (with its abbreviation) from then on.
struct Change {
  date::sys_seconds at;
  bool to_dst = false;
};

}  // namespace

std::optional<PosixTz> ParsePosixTz(std::string_view text) {
  Reader in(text);
  PosixTz tz;
  seconds west{0};
  if (!in.Abbrev(tz.std_abbrev) || !in.Time(west)) return std::nullopt;
  tz.std_offset = -west;
  if (in.AtEnd()) return tz;
  if (!in.Abbrev(tz.dst_abbrev)) return std::nullopt;
  tz.has_dst = true;
  tz.dst_offset = tz.std_offset + std::chrono::hours{1};
  if (!in.Take(',')) {
    if (!in.Time(west) || !in.Take(',')) return std::nullopt;
    tz.dst_offset = -west;
  }
  if (!in.Date(tz.start) || !in.Take(',') || !in.Date(tz.end) || !in.AtEnd()) return std::nullopt;
  return tz;
}

date::sys_info PosixTzInfo(const PosixTz& tz, date::sys_seconds t) {
  date::sys_info info;
  if (!tz.has_dst) {
    info.begin = date::sys_seconds::min();
    info.end = date::sys_seconds::max();
    info.offset = tz.std_offset;
    info.abbrev = tz.std_abbrev;
    return info;
  }
  // The changes of the years around t, in order: one of them is the last change at or before t.
  const date::year year = date::year_month_day{date::floor<date::days>(t)}.year();
  std::array<Change, 8> changes;
  size_t n = 0;
  for (int y = int(year) - 2; y <= int(year) + 1; ++y) {
    const date::year each{y};
    changes[n++] = {DayOf(tz.start, each) + tz.start.time - tz.std_offset, true};
    changes[n++] = {DayOf(tz.end, each) + tz.end.time - tz.dst_offset, false};
  }
  std::sort(changes.begin(), changes.end(), [](const Change& a, const Change& b) { return a.at < b.at; });
  size_t i = 0;
  while (i + 1 < n && changes[i + 1].at <= t) ++i;
  info.begin = changes[i].at;
  info.end = changes[i + 1].at;
  info.offset = changes[i].to_dst ? tz.dst_offset : tz.std_offset;
  info.save = std::chrono::duration_cast<std::chrono::minutes>(info.offset - tz.std_offset);
  info.abbrev = changes[i].to_dst ? tz.dst_abbrev : tz.std_abbrev;
  return info;
}

}  // namespace trigc::cron
