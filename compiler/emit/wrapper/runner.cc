#include "compiler/emit/wrapper/runner.h"

#include <vector>

#include "compiler/emit/escape.h"

namespace trigc::emit {

namespace {

std::string ReplaceAll(std::string text, std::string_view from, std::string_view to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
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
    std::optional<std::string> quoted =
        ShellWord(ReplaceAll(ReplaceAll(w, "{target}", target), "{name}", name));
    if (!quoted) return std::nullopt;
    out += (out.empty() ? "" : " ") + *quoted;
  }
  return out;
}

}  // namespace trigc::emit
