#include "compiler/yaml/scalar.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

#include <fmt/format.h>

namespace trigc::yaml {

namespace {

bool IsDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool IsDecimalInteger(std::string_view s) {
  if (!s.empty() && s[0] == '-') s.remove_prefix(1);
  return IsDigits(s) && (s.size() == 1 || s[0] != '0');
}

bool IsDecimalFloat(std::string_view s) {
  if (!s.empty() && s[0] == '-') s.remove_prefix(1);
  size_t dot = s.find('.');
  if (dot == std::string_view::npos) return false;
  std::string_view whole = s.substr(0, dot), rest = s.substr(dot + 1);
  if (!IsDigits(whole) || (whole.size() > 1 && whole[0] == '0')) return false;
  size_t e = rest.find_first_of("eE");
  std::string_view fraction = rest.substr(0, e);
  if (!IsDigits(fraction)) return false;
  if (e == std::string_view::npos) return true;
  std::string_view exponent = rest.substr(e + 1);
  if (!exponent.empty() && (exponent[0] == '+' || exponent[0] == '-')) exponent.remove_prefix(1);
  return IsDigits(exponent);
}

// Words that YAML 1.1 readers (PyYAML, yaml-cpp's as<bool>) take as booleans.
constexpr std::array<std::string_view, 10> kTrueWords = {"y",  "Y",  "yes", "Yes",  "YES",
                                                         "on", "On", "ON",  "True", "TRUE"};
constexpr std::array<std::string_view, 10> kFalseWords = {"n",   "N",   "no",  "No",    "NO",
                                                          "off", "Off", "OFF", "False", "FALSE"};

template <typename Words>
bool Contains(const Words& words, std::string_view text) {
  return !text.empty() && std::find(words.begin(), words.end(), text) != words.end();
}

}  // namespace

Resolved ResolvePlain(std::string_view text) {
  Resolved r;
  if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL") {
    r.kind = NodeKind::kNull;
  } else if (text == "true" || text == "false") {
    r.kind = NodeKind::kBool;
    r.bool_value = text == "true";
  } else if (IsDecimalInteger(text)) {
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), r.int_value);
    r.kind = ec == std::errc() && ptr == text.data() + text.size() ? NodeKind::kInt : NodeKind::kString;
  } else if (IsDecimalFloat(text)) {
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), r.float_value);
    bool ok = ec == std::errc() && ptr == text.data() + text.size() && std::isfinite(r.float_value);
    r.kind = ok ? NodeKind::kFloat : NodeKind::kString;
  }
  return r;
}

std::string AmbiguityHint(std::string_view text, NodeKind expected) {
  if (expected == NodeKind::kBool) {
    if (Contains(kTrueWords, text)) {
      return fmt::format(
          "only 'true' and 'false' are booleans in YAML 1.2; '{}' is a string here: write 'true'", text);
    }
    if (Contains(kFalseWords, text)) {
      return fmt::format(
          "only 'true' and 'false' are booleans in YAML 1.2; '{}' is a string here: write 'false'", text);
    }
    return {};
  }
  if (expected != NodeKind::kInt && expected != NodeKind::kFloat) return {};
  std::string_view digits = text;
  bool negative = !digits.empty() && (digits[0] == '-' || digits[0] == '+');
  if (negative) digits.remove_prefix(1);
  if (IsDigits(digits) && digits.size() > 1 && digits[0] == '0') {
    std::string_view trimmed = digits.substr(std::min(digits.find_first_not_of('0'), digits.size() - 1));
    return fmt::format("a leading zero is ambiguous (octal in YAML 1.1, decimal in YAML 1.2): write {}{}",
                       text[0] == '-' ? "-" : "", trimmed);
  }
  if (IsDigits(digits) && text[0] == '+') {
    return fmt::format("write the number without '+': {}", digits);
  }
  if (IsDigits(digits)) return "the number does not fit in 64 bits";
  if (digits.size() > 2 && digits[0] == '0' && (digits[1] == 'x' || digits[1] == 'o' || digits[1] == 'b')) {
    return "write the number in plain decimal (hex, octal and binary forms are not accepted)";
  }
  auto only = [&](std::string_view allowed) {
    return !digits.empty() && digits.find_first_not_of(allowed) == std::string_view::npos &&
           digits[0] >= '0' && digits[0] <= '9';
  };
  if (only("0123456789_")) return "write the number without '_' separators";
  if (only("0123456789:")) {
    return "sexagesimal numbers like 1:30 are not accepted (YAML 1.1 reads 1:30 as 90): write the plain "
           "number";
  }
  if (only("0123456789.eE+-")) {
    return "exponent numbers are read differently by YAML 1.1 and 1.2: write the plain number";
  }
  return {};
}

}  // namespace trigc::yaml
