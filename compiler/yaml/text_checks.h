// Byte-level checks that run before the YAML parser sees a file, and again on every scalar after unescaping.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace trigc::yaml {

/// What is wrong with a piece of text.
struct TextProblem {
  enum Kind { kInvalidUtf8, kForbiddenCharacter } kind;
  size_t offset;        ///< byte offset of the first bad byte
  char32_t code_point;  ///< the forbidden character (kForbiddenCharacter)
};

/// First invalid UTF-8 sequence (overlong forms, surrogates and code points above U+10FFFF are invalid), or
/// first forbidden character: C0 controls other than tab and line feed (carriage return only before a line
/// feed when `allow_crlf`), DEL, C1 controls, U+2028/U+2029, and the bidi controls U+202A-U+202E and
/// U+2066-U+2069.
std::optional<TextProblem> CheckText(std::string_view text, bool allow_crlf);

/// The name of a forbidden character, e.g. "NUL (U+0000)".
std::string_view CharacterName(char32_t cp);

}  // namespace trigc::yaml
