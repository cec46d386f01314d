#include "compiler/emit/wrapper/runner.h"

#include <vector>

#include "compiler/emit/escape.h"

namespace trigc::emit {

namespace {

// `{target}` and `{name}` in one pass: a target such as "{name}" is inserted as it is, not expanded again.
std::string ExpandPlaceholders(std::string_view word, std::string_view target, std::string_view name) {
  std::string out;
  while (!word.empty()) {
    if (word.substr(0, 8) == "{target}") {
      out += target;
      word.remove_prefix(8);
    } else if (word.substr(0, 6) == "{name}") {
      out += name;
      word.remove_prefix(6);
    } else {
      out += word.front();
      word.remove_prefix(1);
    }
  }
  return out;
}

}  // namespace

std::optional<std::string> RunnerCommand(std::string_view runner, std::string_view target,
                                         std::string_view name) {
  std::vector<std::string> words;
  std::string word;
  for (char c : runner) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == ' ' || c == '\t') {
      if (!word.empty()) words.push_back(word);
      word.clear();
    } else if (u < 0x20 || u == 0x7f) {
      return std::nullopt;
    } else {
      word += c;
    }
  }
  if (!word.empty()) words.push_back(word);
  if (words.empty()) return std::nullopt;
  std::string out;
  for (const std::string& w : words) {
    std::optional<std::string> quoted = ShellWord(ExpandPlaceholders(w, target, name));
    if (!quoted) return std::nullopt;
    out += (out.empty() ? "" : " ") + *quoted;
  }
  return out;
}

}  // namespace trigc::emit
