#include "compiler/cron/parse.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <vector>

#include "compiler/cron/field_parse.h"

namespace trigc::cron {
namespace {

struct Token {
  std::size_t begin = 0;
  std::size_t end = 0;
};

struct Macro {
  const char* name;
  const char* expansion;
};

constexpr std::array<Macro, 7> kMacros = {{{"@hourly", "0 * * * *"},
                                           {"@daily", "0 0 * * *"},
                                           {"@midnight", "0 0 * * *"},
                                           {"@weekly", "0 0 * * 0"},
                                           {"@monthly", "0 0 1 * *"},
                                           {"@yearly", "0 0 1 1 *"},
                                           {"@annually", "0 0 1 1 *"}}};

constexpr const char* kFieldHelp =
    "write five fields: minute hour day-of-month month day-of-week, e.g. '0 6 * * 1-5'";

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

std::vector<Token> SplitFields(std::string_view text) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && IsBlank(text[i])) ++i;
    if (i == text.size()) break;
    const std::size_t begin = i;
    while (i < text.size() && !IsBlank(text[i])) ++i;
    tokens.push_back({begin, i});
  }
  return tokens;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

ParseError FieldCountError(const std::vector<Token>& tokens) {
  const std::string found = std::to_string(tokens.size());
  if (tokens.size() > kFieldCount) {
    return ParseError{tokens[kFieldCount].begin, tokens.back().end, "expected 5 fields, found " + found,
                      "a 6th field is seconds (Quartz puts it first, croniter last) and a 7th is a "
                      "year; trigc schedules to the minute with 5 fields: minute hour day-of-month "
                      "month day-of-week"};
  }
  return ParseError{tokens.front().begin, tokens.back().end, "expected 5 fields, found " + found, kFieldHelp};
}

// "can never fire": day-of-month values that no selected month has, while the weekday cannot help.
std::optional<ParseError> CheckFires(std::string_view text, const CronExpr& expr, Token dom_token,
                                     Token month_token) {
  if (expr.dow_restricted && expr.dom_restricted) return std::nullopt;  // OR: weekdays always occur
  for (int month = 1; month <= 12; ++month) {
    if (!expr.months.test(static_cast<std::size_t>(month))) continue;
    const int max_day = month == 2 ? 29 : DaysInMonth(2001, month);
    for (int day = 1; day <= max_day; ++day) {
      if (expr.days_of_month.test(static_cast<std::size_t>(day))) return std::nullopt;
    }
  }
  const auto quote = [&](Token t) { return "'" + std::string(text.substr(t.begin, t.end - t.begin)) + "'"; };
  return ParseError{dom_token.begin, dom_token.end,
                    "schedule can never fire: day of month " + quote(dom_token) +
                        " does not occur in month " + quote(month_token),
                    "February has at most 29 days; April, June, September and November have 30"};
}

// Levenshtein distance, bounded inputs (a macro token is at most kMaxExpressionLength bytes).
std::size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// The macro within edit distance 2 of `word`, or nullptr.
const char* NearestMacro(std::string_view word) {
  const char* best = nullptr;
  std::size_t best_distance = 3;
  for (const Macro& macro : kMacros) {
    const std::size_t distance = EditDistance(word, macro.name);
    if (distance < best_distance) {
      best = macro.name;
      best_distance = distance;
    }
  }
  return best;
}

std::optional<ParseError> ParseMacro(std::string_view text, Token token, CronExpr* expr) {
  const std::string_view word = text.substr(token.begin, token.end - token.begin);
  const std::string lower = Lower(word);
  const std::string quoted = "'" + std::string(word) + "'";
  if (lower == "@reboot") {
    return ParseError{token.begin, token.end, quoted + " is not supported",
                      "trigc schedules runs by time; use a schedule or another trigger type"};
  }
  if (lower == "@every") {
    return ParseError{token.begin, token.end, quoted + " is not supported",
                      "write a step instead, e.g. '*/15 * * * *' for every 15 minutes"};
  }
  for (const Macro& macro : kMacros) {
    if (lower != macro.name) continue;
    ParseResult expanded = Parse(macro.expansion);
    *expr = expanded.expr();
    expr->text = std::string(text);
    return std::nullopt;
  }
  std::string help = "use one of @hourly, @daily, @midnight, @weekly, @monthly, @yearly, @annually";
  if (const char* near = NearestMacro(lower)) help = "did you mean '" + std::string(near) + "'?";
  return ParseError{token.begin, token.end, "unknown macro " + quoted, help};
}

template <std::size_t N>
std::bitset<N> ToBits(std::uint64_t mask) {
  std::bitset<N> bits;
  for (std::size_t i = 0; i < N; ++i) bits[i] = (mask >> i) & 1U;
  return bits;
}

CronExpr Assemble(std::string_view text, const std::array<std::uint64_t, kFieldCount>& masks,
                  const std::vector<Token>& tokens) {
  CronExpr expr;
  expr.text = std::string(text);
  expr.minutes = ToBits<60>(masks[0]);
  expr.hours = ToBits<24>(masks[1]);
  expr.days_of_month = ToBits<32>(masks[2]);
  expr.months = ToBits<13>(masks[3]);
  std::uint64_t dow = masks[4];
  if (dow & (std::uint64_t{1} << 7)) dow |= 1;  // Sunday as 7
  expr.days_of_week = ToBits<7>(dow & 0x7F);
  expr.dom_restricted = expr.days_of_month.count() != 31;
  expr.dow_restricted = !expr.days_of_week.all();
  expr.fixed_time = text[tokens[0].begin] != '*' && text[tokens[1].begin] != '*';
  return expr;
}

}  // namespace

ParseResult Parse(std::string_view text) {
  if (text.size() > kMaxExpressionLength) {
    return ParseResult(ParseError{0,
                                  text.size(),
                                  "cron expression is too long (" + std::to_string(text.size()) +
                                      " bytes, at most " + std::to_string(kMaxExpressionLength) + ")",
                                  {}});
  }
  const std::vector<Token> tokens = SplitFields(text);
  if (tokens.empty()) {
    return ParseResult(ParseError{0, text.size(), "empty cron expression", kFieldHelp});
  }
  if (text[tokens[0].begin] == '@') {
    if (tokens.size() > 1) {
      return ParseResult(ParseError{tokens[1].begin, tokens.back().end, "unexpected text after the macro",
                                    "a macro such as '@daily' stands alone"});
    }
    CronExpr expr;
    if (auto error = ParseMacro(text, tokens[0], &expr)) return ParseResult(*error);
    return ParseResult(std::move(expr));
  }
  if (tokens.size() != kFieldCount) return ParseResult(FieldCountError(tokens));
  std::array<std::uint64_t, kFieldCount> masks{};
  for (std::size_t i = 0; i < kFieldCount; ++i) {
    const Token t = tokens[i];
    if (auto error =
            ParseField(static_cast<Field>(i), text.substr(t.begin, t.end - t.begin), t.begin, &masks[i])) {
      return ParseResult(*error);
    }
  }
  CronExpr expr = Assemble(text, masks, tokens);
  if (auto error = CheckFires(text, expr, tokens[2], tokens[3])) return ParseResult(*error);
  return ParseResult(std::move(expr));
}

}  // namespace trigc::cron
