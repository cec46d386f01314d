#include "compiler/emit/dagster/dagster_literal.h"

#include <cctype>

#include "compiler/emit/escape.h"

namespace trigc::emit::dagster {

std::string DagsterString(std::string_view text) {
  std::string quoted = PythonString(text);
  std::string out;
  out.reserve(quoted.size());
  for (size_t i = 0; i < quoted.size(); ++i) {
    char c = quoted[i];
    if (c != '\\' || i + 1 >= quoted.size()) {
      out += c;
      continue;
    }
    char next = quoted[++i];
    if (next == '"') {
      out += "\\x22";
      continue;
    }
    out += c;
    out += next;
    size_t digits = next == 'x' ? 2 : next == 'u' ? 4 : next == 'U' ? 8 : 0;
    for (size_t k = 0; k < digits && i + 1 < quoted.size(); ++k) {
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(quoted[++i])));
    }
  }
  return out;
}

}  // namespace trigc::emit::dagster
