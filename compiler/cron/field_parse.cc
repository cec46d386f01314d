#include "compiler/cron/field_parse.h"

#include <array>
#include <cctype>
#include <string>

namespace trigc::cron {
namespace {

constexpr std::array<const char*, 12> kMonthNames = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                                     "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
constexpr std::array<const char*, 7> kDayNames = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

ParseError MakeError(std::size_t begin, std::size_t end, std::string message, std::string help = {}) {
  return ParseError{begin, end, std::move(message), std::move(help)};
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

bool AllAlpha(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!std::isalpha(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string RangeText(Field field) {
  return std::to_string(FieldMin(field)) + "-" + std::to_string(FieldMax(field));
}

// Quartz's L (last), W (nearest weekday) and nL/nW forms.
bool IsQuartzDayToken(std::string_view s) {
  const std::string up = Upper(s);
  if (up == "L" || up == "W" || up == "LW") return true;
  if (up.size() < 2) return false;
  const char last = up.back();
  return (last == 'L' || last == 'W') && AllDigits(std::string_view(up).substr(0, up.size() - 1));
}

ParseError QuartzError(std::string_view token, std::size_t begin) {
  const std::string up = Upper(token);
  std::string help = "trigc accepts standard 5-field cron; list the days explicitly instead";
  if (up.find('W') != std::string::npos) {
    help = "'W' (nearest weekday) is Quartz syntax; list the days explicitly instead";
  } else if (up.find('L') != std::string::npos) {
    help =
        "'L' (last day) is Quartz syntax; list the days explicitly, e.g. '28-31' with a check "
        "in the job";
  }
  return MakeError(begin, begin + token.size(),
                   "'" + std::string(token) + "' is not supported in standard cron", help);
}

std::optional<int> LookupName(Field field, std::string_view token) {
  const std::string up = Upper(token);
  if (field == Field::kMonth) {
    for (std::size_t i = 0; i < kMonthNames.size(); ++i) {
      if (up == kMonthNames[i]) return static_cast<int>(i) + 1;
    }
  } else if (field == Field::kDayOfWeek) {
    for (std::size_t i = 0; i < kDayNames.size(); ++i) {
      if (up == kDayNames[i]) return static_cast<int>(i);
    }
  }
  return std::nullopt;
}

// "did you mean 'MON'?" when a full name ('MONDAY', 'january') starts with a three-letter one.
std::string NameHint(Field field, std::string_view token, std::string fallback) {
  if (token.size() > 3 && AllAlpha(token)) {
    const std::string prefix = Upper(token.substr(0, 3));
    if (LookupName(field, prefix)) return "did you mean '" + prefix + "'? names are three letters";
  }
  return fallback;
}

ParseError NameError(Field field, std::string_view token, std::size_t begin) {
  const std::size_t end = begin + token.size();
  const std::string quoted = "'" + std::string(token) + "'";
  if (field == Field::kMonth) {
    return MakeError(begin, end, "unknown month name " + quoted,
                     NameHint(field, token, "use a number 1-12 or a three-letter name JAN..DEC"));
  }
  if (field == Field::kDayOfWeek) {
    return MakeError(
        begin, end, "unknown day-of-week name " + quoted,
        NameHint(field, token, "use a number 0-7 (0 and 7 are Sunday) or a three-letter name SUN..SAT"));
  }
  return MakeError(begin, end, std::string("invalid ") + FieldName(field) + " " + quoted,
                   std::string("the ") + FieldName(field) + " field takes numbers " + RangeText(field));
}

// One value: a number or a name. `begin` is the token's offset in the whole expression.
std::optional<ParseError> ParseAtom(Field field, std::string_view token, std::size_t begin, int* value) {
  if (token.empty()) {
    return MakeError(begin, begin + 1, std::string("missing ") + FieldName(field) + " value");
  }
  if (AllDigits(token)) {
    const int number = token.size() > 4 ? 99999 : std::stoi(std::string(token));
    if (number < FieldMin(field) || number > FieldMax(field)) {
      return MakeError(begin, begin + token.size(),
                       std::string(FieldName(field)) + " '" + std::string(token) + "' is out of range (" +
                           RangeText(field) + ")");
    }
    *value = number;
    return std::nullopt;
  }
  const bool day_field = field == Field::kDayOfMonth || field == Field::kDayOfWeek;
  if (day_field && IsQuartzDayToken(token)) return QuartzError(token, begin);
  if (AllAlpha(token)) {
    if (const auto named = LookupName(field, token)) {
      *value = *named;
      return std::nullopt;
    }
  }
  return NameError(field, token, begin);
}

// The step after '/': a positive number no larger than the field's largest value.
std::optional<ParseError> ParseStep(Field field, std::string_view token, std::size_t begin, int* step) {
  const std::size_t end = begin + (token.empty() ? 1 : token.size());
  if (!AllDigits(token)) {
    return MakeError(begin, end, "invalid step '" + std::string(token) + "'",
                     "a step is a whole number, e.g. '*/15'");
  }
  const int number = token.size() > 4 ? 99999 : std::stoi(std::string(token));
  if (number == 0) {
    return MakeError(begin, end, "step '0' must be at least 1", "write '*' for every value");
  }
  if (number > FieldMax(field)) {
    return MakeError(begin, end,
                     "step '" + std::string(token) + "' is larger than the " + FieldName(field) + " range (" +
                         RangeText(field) + ")");
  }
  *step = number;
  return std::nullopt;
}

// Help for a reversed range: ranges do not wrap, so suggest the two halves.
std::string WrapHelp(Field field, int low, int high) {
  const int max = field == Field::kDayOfWeek ? 6 : FieldMax(field);
  return "ranges do not wrap around; write '" + std::to_string(low) + "-" + std::to_string(max) + "," +
         std::to_string(FieldMin(field)) + "-" + std::to_string(high) + "' instead";
}

// A base: '*', a value, or 'a-b'. Sets [*low, *high].
std::optional<ParseError> ParseBase(Field field, std::string_view base, std::size_t begin, int* low,
                                    int* high) {
  if (base == "*") {
    *low = FieldMin(field);
    *high = FieldMax(field);
    return std::nullopt;
  }
  const std::size_t dash = base.find('-');
  if (dash == std::string_view::npos) {
    if (auto error = ParseAtom(field, base, begin, low)) return error;
    *high = *low;
    return std::nullopt;
  }
  if (auto error = ParseAtom(field, base.substr(0, dash), begin, low)) return error;
  if (auto error = ParseAtom(field, base.substr(dash + 1), begin + dash + 1, high)) return error;
  // croniter and cronie read 'N-0' / 'N-SUN' in the day-of-week field as 'N-7'.
  if (field == Field::kDayOfWeek && *high == 0 && *low > 0) *high = 7;
  if (*low > *high) {
    return MakeError(begin, begin + base.size(), "range '" + std::string(base) + "' is reversed",
                     WrapHelp(field, *low, *high));
  }
  return std::nullopt;
}

std::optional<ParseError> ParsePart(Field field, std::string_view part, std::size_t begin,
                                    std::uint64_t* mask) {
  if (part.empty()) {
    return MakeError(begin, begin + 1, std::string("empty list item in the ") + FieldName(field) + " field");
  }
  const std::size_t slash = part.find('/');
  const std::string_view base = part.substr(0, slash);
  int low = 0;
  int high = 0;
  if (auto error = ParseBase(field, base, begin, &low, &high)) return error;
  int step = 1;
  if (slash != std::string_view::npos) {
    if (auto error = ParseStep(field, part.substr(slash + 1), begin + slash + 1, &step)) {
      return error;
    }
    // 'N/S' means 'N-max/S', as in croniter and cronie (day of week: 'N-7/S', so '1/2' includes
    // Sunday as 7, exactly as croniter reads it).
    if (base.find('-') == std::string_view::npos && base != "*") high = FieldMax(field);
  }
  for (int v = low; v <= high; v += step) *mask |= std::uint64_t{1} << v;
  return std::nullopt;
}

std::optional<ParseError> CheckCharacters(Field field, std::string_view text, std::size_t offset) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '*' || c == ',' || c == '-' || c == '/') {
      continue;
    }
    if (c == '?') {
      return MakeError(offset + i, offset + i + 1, "'?' is not supported in standard cron",
                       "'?' is Quartz syntax; write '*' for any value");
    }
    if (c == '#') {
      std::size_t begin = text.rfind(',', i);
      begin = begin == std::string_view::npos ? 0 : begin + 1;
      std::size_t end = text.find(',', i);
      end = end == std::string_view::npos ? text.size() : end;
      return MakeError(
          offset + begin, offset + end,
          "'" + std::string(text.substr(begin, end - begin)) + "' is not supported in standard cron",
          "'#' (nth weekday of the month) is Quartz syntax and Debian cron reads it as "
          "a comment; list the days of month and check the weekday in the job");
    }
    const bool printable = static_cast<unsigned char>(c) >= 0x21 && static_cast<unsigned char>(c) < 0x7f;
    const std::string shown = printable ? std::string(1, c) : "\\x" + [&] {
      static constexpr char kHex[] = "0123456789abcdef";
      const auto u = static_cast<unsigned char>(c);
      return std::string{kHex[u >> 4], kHex[u & 15]};
    }();
    return MakeError(offset + i, offset + i + 1,
                     "unexpected character '" + shown + "' in the " + FieldName(field) + " field");
  }
  return std::nullopt;
}

}  // namespace

std::optional<ParseError> ParseField(Field field, std::string_view text, std::size_t offset,
                                     std::uint64_t* mask) {
  if (auto error = CheckCharacters(field, text, offset)) return error;
  std::size_t items = 0;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = text.find(',', start);
    const std::size_t stop = comma == std::string_view::npos ? text.size() : comma;
    if (++items > kMaxListItems) {
      return MakeError(offset, offset + text.size(),
                       std::string("too many list items in the ") + FieldName(field) + " field (at most " +
                           std::to_string(kMaxListItems) + ")");
    }
    if (auto error = ParsePart(field, text.substr(start, stop - start), offset + start, mask)) {
      // A missing value at the very end ('1-', '*/', '1,') points at the field's last character.
      const std::size_t field_end = offset + text.size();
      if (error->end > field_end) {
        error->end = field_end;
        error->begin = field_end - 1;
      }
      return error;
    }
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return std::nullopt;
}

}  // namespace trigc::cron
