#include "compiler/yaml/text_checks.h"

namespace trigc::yaml {

namespace {

bool Forbidden(char32_t cp) {
  return (cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0x2028 ||
         cp == 0x2029 || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

// Decodes one UTF-8 sequence; returns its length, or 0 when invalid.
size_t Decode(std::string_view s, size_t i, char32_t& cp) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  if (c < 0x80) {
    cp = c;
    return 1;
  }
  size_t length;
  char32_t min;
  if (c >= 0xC2 && c <= 0xDF) {
    length = 2, min = 0x80, cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    length = 3, min = 0x800, cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    length = 4, min = 0x10000, cp = c & 0x07;
  } else {
    return 0;
  }
  if (i + length > s.size()) return 0;
  for (size_t k = 1; k < length; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b(i + k) & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return length;
}

}  // namespace

std::optional<TextProblem> CheckText(std::string_view text, bool allow_crlf) {
  for (size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    size_t length = Decode(text, i, cp);
    if (length == 0) return TextProblem{TextProblem::kInvalidUtf8, i, 0};
    bool crlf = cp == '\r' && allow_crlf && i + 1 < text.size() && text[i + 1] == '\n';
    if (Forbidden(cp) && !crlf) return TextProblem{TextProblem::kForbiddenCharacter, i, cp};
    i += length;
  }
  return std::nullopt;
}

std::string_view CharacterName(char32_t cp) {
  switch (cp) {
    case 0x00:
      return "NUL (U+0000)";
    case 0x0D:
      return "carriage return (U+000D)";
    case 0x1B:
      return "escape (U+001B)";
    case 0x7F:
      return "DEL (U+007F)";
    case 0x85:
      return "next line (U+0085)";
    case 0x2028:
      return "line separator (U+2028)";
    case 0x2029:
      return "paragraph separator (U+2029)";
    default:
      break;
  }
  if (cp < 0x20) return "a control character";
  if (cp >= 0x80 && cp < 0xA0) return "a C1 control character";
  return "a bidirectional control character";
}

}  // namespace trigc::yaml
