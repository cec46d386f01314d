#include "compiler/emit/airflow/python_value.h"

#include <algorithm>

#include "compiler/emit/escape.h"

namespace trigc::emit::airflow {

namespace {

std::string Pad(int n) { return std::string(static_cast<size_t>(n), ' '); }

}  // namespace

std::string BlackString(std::string_view text) {
  std::string literal = PythonString(text);
  size_t doubles = std::count(text.begin(), text.end(), '"');
  size_t singles = std::count(text.begin(), text.end(), '\'');
  if (singles >= doubles) return literal;
  // Same escapes, other quote: `\"` becomes `"`, `'` becomes `\'`. The body is ASCII and each escape is a
  // backslash and one character (hex digits of \x, \u, \U are neither quote nor backslash).
  std::string out = "'";
  for (size_t i = 1; i + 1 < literal.size(); ++i) {
    char c = literal[i];
    if (c == '\\' && i + 2 < literal.size()) {
      char next = literal[++i];
      if (next != '"') out += '\\';
      out += next;
    } else if (c == '\'') {
      out += "\\'";
    } else {
      out += c;
    }
  }
  return out + "'";
}

std::string PythonValue(const nlohmann::json& value, int indent) {
  switch (value.type()) {
    case nlohmann::json::value_t::null:
      return "None";
    case nlohmann::json::value_t::boolean:
      return value.get<bool>() ? "True" : "False";
    case nlohmann::json::value_t::string:
      return BlackString(value.get<std::string>());
    case nlohmann::json::value_t::array: {
      if (value.empty()) return "[]";
      std::string out = "[\n";
      for (const auto& item : value) out += Pad(indent + 4) + PythonValue(item, indent + 4) + ",\n";
      return out + Pad(indent) + "]";
    }
    case nlohmann::json::value_t::object: {
      if (value.empty()) return "{}";
      std::string out = "{\n";
      for (const auto& [key, item] : value.items()) {
        out += Pad(indent + 4) + BlackString(key) + ": " + PythonValue(item, indent + 4) + ",\n";
      }
      return out + Pad(indent) + "}";
    }
    default:
      return value.dump();  // integers and floats: JSON and Python spell them alike
  }
}

std::string TidyBlankLines(const std::string& text) {
  std::string out;
  size_t blanks = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + pos, end - pos);
    pos = end + 1;
    if (line.empty()) {
      ++blanks;
      continue;
    }
    bool top_level_block = line.rfind("def ", 0) == 0 || line.rfind("with ", 0) == 0;
    if (!out.empty()) out.append(top_level_block ? 2 : std::min<size_t>(blanks, 2), '\n');
    out.append(line);
    out += '\n';
    blanks = 0;
  }
  return out;
}

}  // namespace trigc::emit::airflow
