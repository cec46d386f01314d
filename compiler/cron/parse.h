// Parses the cron subset trigc accepts (see docs/cron.md) into a CronExpr, or reports the first
// problem with byte offsets into the text so a caller can point a caret at it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>

#include "compiler/cron/cron_expr.h"

namespace trigc::cron {

/// Longest expression accepted, in bytes; longer input is rejected before it is looked at.
inline constexpr std::size_t kMaxExpressionLength = 256;
/// Most items accepted in one field's comma-separated list.
inline constexpr std::size_t kMaxListItems = 64;

/// Why an expression was rejected. [begin, end) are byte offsets into the parsed text covering the
/// offending field or part. `message` is lowercase with no final period; `help` may be empty.
struct ParseError {
  std::size_t begin = 0;  ///< first byte of the offending text
  std::size_t end = 0;    ///< one past its last byte
  std::string message;    ///< what is wrong, user text in single quotes
  std::string help;       ///< how to fix it, or empty
};

/// The outcome of Parse: a CronExpr or a ParseError.
class ParseResult {
 public:
  /// Wraps a successfully parsed expression.
  explicit ParseResult(CronExpr expr) : value_(std::move(expr)) {}
  /// Wraps a rejection.
  explicit ParseResult(ParseError error) : value_(std::move(error)) {}
  /// True when the text parsed.
  bool ok() const { return std::holds_alternative<CronExpr>(value_); }
  /// The parsed expression; only valid when ok().
  const CronExpr& expr() const { return std::get<CronExpr>(value_); }
  /// The rejection; only valid when !ok().
  const ParseError& error() const { return std::get<ParseError>(value_); }

 private:
  std::variant<CronExpr, ParseError> value_;
};

/// Parses a 5-field cron expression or an `@hourly`-style macro. Fields are separated by spaces or
/// tabs; each is `*`, a number, a month/weekday name, a range `a-b`, a step `x/n`, or a list of those.
/// Rejects Quartz and 6/7-field syntax, `@reboot`, `@every`, reversed ranges, zero steps,
/// out-of-range values and expressions that can never fire.
ParseResult Parse(std::string_view text);

}  // namespace trigc::cron
