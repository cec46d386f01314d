#include "compiler/yaml/secret_lines.h"

#include <optional>
#include <string>

#include "compiler/yaml/secret_key.h"

namespace trigc::yaml {

namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

// One line of the text: [begin, end) without its line break.
struct Line {
  std::string_view text;  // the whole file
  uint32_t begin = 0;
  uint32_t end = 0;

  char At(uint32_t i) const { return i < end ? text[i] : '\0'; }
  uint32_t SkipBlanks(uint32_t i) const {
    while (i < end && IsBlank(text[i])) ++i;
    return i;
  }
};

// The display column of offset `i` on its line, a tab reaching the next multiple of 8: YAML forbids tabs in
// indentation, but a broken file may have them, and a line a tab pushes right of the key reads as inside it.
uint32_t Column(const Line& line, uint32_t i) {
  uint32_t column = 0;
  for (uint32_t k = line.begin; k < i; ++k) column = line.text[k] == '\t' ? (column / 8 + 1) * 8 : column + 1;
  return column;
}

// A secret key found outside brackets: its column and whether anything follows it on its line.
struct BlockKey {
  uint32_t column = 0;
  bool has_value = false;
};

// The end of the quoted string that starts at `i` (past its closing quote), or the end of the line.
uint32_t QuotedEnd(const Line& line, uint32_t i) {
  char quote = line.text[i];
  for (uint32_t k = i + 1; k < line.end; ++k) {
    if (quote == '"' && line.text[k] == '\\') {
      ++k;
    } else if (line.text[k] == quote) {
      if (quote == '\'' && line.At(k + 1) == '\'') {
        ++k;
      } else {
        return k + 1;
      }
    }
  }
  return line.end;
}

bool EndsKey(char c, bool flow) {
  return c == '\0' || IsBlank(c) || (flow && (c == ',' || c == '}' || c == ']' || c == '{' || c == '['));
}

// The key that starts at `i` and the offset after its ':' , or nothing.
std::optional<std::pair<std::string, uint32_t>> ReadKey(const Line& line, uint32_t i, bool flow) {
  char c = line.At(i);
  if (c == '"' || c == '\'') {
    uint32_t close = QuotedEnd(line, i);
    uint32_t colon = line.SkipBlanks(close);
    if (close < 2 || line.At(colon) != ':' || !EndsKey(line.At(colon + 1), flow)) return std::nullopt;
    return std::make_pair(std::string(line.text.substr(i + 1, close - i - 2)), colon + 1);
  }
  if (c == '\0' || c == '#' || c == '{' || c == '[' || c == ']' || c == '}' || c == ',') return std::nullopt;
  for (uint32_t k = i; k < line.end; ++k) {
    char ch = line.text[k];
    if (flow && (ch == ',' || ch == '{' || ch == '}' || ch == '[' || ch == ']')) return std::nullopt;
    if (ch == '#' && k > i && IsBlank(line.text[k - 1])) return std::nullopt;
    if (ch == ':' && EndsKey(line.At(k + 1), flow)) {
      uint32_t end = k;
      while (end > i && IsBlank(line.text[end - 1])) --end;
      return std::make_pair(std::string(line.text.substr(i, end - i)), k + 1);
    }
  }
  return std::nullopt;
}

// The end of a value inside brackets that starts at `i`: the next ',', '}' or ']' at its own depth.
uint32_t FlowValueEnd(const Line& line, uint32_t i) {
  int depth = 0;
  while (i < line.end) {
    char c = line.text[i];
    if (c == '"' || c == '\'') {
      i = QuotedEnd(line, i);
      continue;
    }
    if (c == '{' || c == '[') ++depth;
    if ((c == '}' || c == ']' || c == ',') && depth == 0) break;
    if (c == '}' || c == ']') --depth;
    ++i;
  }
  while (i > 0 && IsBlank(line.text[i - 1])) --i;
  return i;
}

// The content of a line after its indentation and any "- " and "? " markers.
uint32_t ContentStart(const Line& line) {
  uint32_t i = line.SkipBlanks(line.begin);
  while ((line.At(i) == '-' || line.At(i) == '?') && (IsBlank(line.At(i + 1)) || i + 1 == line.end)) {
    i = line.SkipBlanks(i + 1);
  }
  return i;
}

// Masks the secret values on one line; returns the secret key found outside brackets, if any.
std::optional<BlockKey> ScanLine(const SourceFile& source, const Line& line) {
  uint32_t i = ContentStart(line);
  int depth = 0;
  bool expect_key = true;
  while (i < line.end) {
    i = line.SkipBlanks(i);
    if (i >= line.end || (line.text[i] == '#' && (i == line.begin || IsBlank(line.text[i - 1])))) break;
    if (expect_key) {
      expect_key = false;
      if (auto key = ReadKey(line, i, depth > 0)) {
        uint32_t value = line.SkipBlanks(key->second);
        if (IsSecretKey(key->first)) {
          uint32_t end = depth > 0 ? FlowValueEnd(line, value) : line.end;
          source.Redact(value, end);
          if (depth == 0) return BlockKey{Column(line, i), value < line.end};
          i = end;
        } else {
          i = value;
        }
        continue;
      }
    }
    char c = line.text[i];
    if (c == '"' || c == '\'') {
      i = QuotedEnd(line, i);
      continue;
    }
    if (c == '{' || c == '[') ++depth;
    if ((c == '}' || c == ']') && depth > 0) --depth;
    expect_key = depth > 0 && (c == '{' || c == '[' || c == ',');
    ++i;
  }
  return std::nullopt;
}

// True when `line` belongs to the value of `key` (see the rule in the header); masks it when so.
bool ContinuesValue(const SourceFile& source, const Line& line, const BlockKey& key) {
  uint32_t first = line.SkipBlanks(line.begin);
  if (first == line.end) return true;
  uint32_t indent = Column(line, first);
  bool item = line.At(first) == '-' && (IsBlank(line.At(first + 1)) || first + 1 == line.end);
  if (indent > key.column || (indent == key.column && item && !key.has_value)) {
    source.Redact(first, line.end);
    return true;
  }
  return line.At(first) == '#';
}

}  // namespace

void RedactSecretLines(const SourceFile& source) {
  std::string_view text = source.text();
  std::optional<BlockKey> open;
  uint32_t begin = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  while (begin <= text.size()) {
    size_t newline = text.find('\n', begin);
    uint32_t next = newline == std::string_view::npos ? static_cast<uint32_t>(text.size()) + 1
                                                      : static_cast<uint32_t>(newline) + 1;
    Line line{text, begin, next - 1};
    if (line.end > line.begin && text[line.end - 1] == '\r') --line.end;
    if (!open || !ContinuesValue(source, line, *open)) open = ScanLine(source, line);
    begin = next;
  }
}

}  // namespace trigc::yaml
