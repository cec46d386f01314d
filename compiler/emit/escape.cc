#include "compiler/emit/escape.h"

#include <algorithm>
#include <array>

#include <fmt/format.h>

namespace trigc::emit {

namespace {

// Decodes one code point; invalid bytes decode as themselves (0x80..0xFF) so nothing is ever dropped.
char32_t Next(std::string_view s, size_t& i) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  size_t length = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (length <= 1 || i + length > s.size()) {
    ++i;
    return c;
  }
  char32_t cp = c & (0x7F >> length);
  for (size_t k = 1; k < length; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) {
      ++i;
      return c;
    }
    cp = (cp << 6) | (b(i + k) & 0x3F);
  }
  i += length;
  return cp;
}

// `"` + text with backslash, quote and non-printable-ASCII escaped in the \x / \u / \U forms Python and YAML
// share.
std::string QuotedAscii(std::string_view text) {
  std::string out = "\"";
  for (size_t i = 0; i < text.size();) {
    char32_t cp = Next(text, i);
    if (cp == '\\' || cp == '"') {
      out += '\\';
      out += static_cast<char>(cp);
    } else if (cp >= 0x20 && cp < 0x7F) {
      out += static_cast<char>(cp);
    } else if (cp <= 0xFF) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned>(cp));
    } else if (cp <= 0xFFFF) {
      out += fmt::format("\\u{:04x}", static_cast<unsigned>(cp));
    } else {
      out += fmt::format("\\U{:08x}", static_cast<unsigned>(cp));
    }
  }
  return out + "\"";
}

constexpr std::array<std::string_view, 39> kPythonKeywords = {
    "False",    "None",   "True",  "and",  "as",     "assert",   "async",   "await", "break", "class",
    "continue", "def",    "del",   "elif", "else",   "except",   "finally", "for",   "from",  "global",
    "if",       "import", "in",    "is",   "lambda", "nonlocal", "not",     "or",    "pass",  "raise",
    "return",   "try",    "while", "with", "yield",  "match",    "case",    "type",  "_"};

}  // namespace

std::string PythonString(std::string_view text) { return QuotedAscii(text); }

std::string YamlString(std::string_view text) { return QuotedAscii(text); }

bool IsPythonIdentifier(std::string_view text) {
  if (text.empty() || (text[0] >= '0' && text[0] <= '9')) return false;
  bool ascii = std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  });
  return ascii && std::find(kPythonKeywords.begin(), kPythonKeywords.end(), text) == kPythonKeywords.end();
}

std::string PythonIdentifier(std::string_view text) {
  std::string out;
  for (char c : text) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    out += ok ? c : '_';
  }
  if (out.empty() || (out[0] >= '0' && out[0] <= '9')) out = "_" + out;
  if (!IsPythonIdentifier(out)) out += "_";
  return out;
}

std::optional<std::string> ShellWord(std::string_view text) {
  if (text.find('\0') != std::string_view::npos) return std::nullopt;
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

std::optional<std::string> SystemdWord(std::string_view text) {
  std::string out = "\"";
  for (size_t i = 0; i < text.size();) {
    size_t start = i;
    char32_t cp = Next(text, i);
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0x2028 || cp == 0x2029)
      return std::nullopt;
    if (cp == '\\')
      out += "\\\\";
    else if (cp == '"')
      out += "\\\"";
    else if (cp == '%')
      out += "%%";
    else if (cp == '$')
      out += "$$";
    else
      out.append(text.substr(start, i - start));
  }
  return out + "\"";
}

bool HasJinja(std::string_view text) {
  return text.find("{{") != std::string_view::npos || text.find("{%") != std::string_view::npos ||
         text.find("{#") != std::string_view::npos;
}

namespace {

void CollectJinja(const nlohmann::json& value, std::vector<std::string>& out) {
  if (value.is_string()) {
    const std::string& text = value.get_ref<const std::string&>();
    if (HasJinja(text)) out.push_back(text);
  } else if (value.is_object()) {
    for (auto it = value.begin(); it != value.end(); ++it) {
      if (HasJinja(it.key())) out.push_back(it.key());
      CollectJinja(it.value(), out);
    }
  } else if (value.is_array()) {
    for (const nlohmann::json& item : value) CollectJinja(item, out);
  }
}

}  // namespace

std::vector<std::string> JinjaStrings(const nlohmann::json& value) {
  std::vector<std::string> out;
  CollectJinja(value, out);
  return out;
}

std::string CommentSafe(std::string_view text) {
  std::string out;
  for (char c : text) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
              c == '_' || c == '/' || c == '-';
    out += ok ? c : '?';
  }
  return out;
}

}  // namespace trigc::emit
