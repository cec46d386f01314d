#include "compiler/yaml/secret_key.h"

#include <algorithm>
#include <vector>

namespace trigc::yaml {

namespace {

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }

bool Contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

bool EndsWith(std::string_view text, std::string_view tail) {
  return text.size() >= tail.size() && text.substr(text.size() - tail.size()) == tail;
}

// English words within two edits of "secret" that are plausible keys with nothing secret in them.
bool IsCommonWord(std::string_view word) {
  static constexpr std::string_view kWords[] = {"secure", "secured", "socket", "sacred", "regret", "egret",
                                                "secant", "sweet",   "select", "street", "scree"};
  return std::find(std::begin(kWords), std::end(kWords), word) != std::end(kWords);
}

bool IsMisspeltSecret(std::string_view word) {
  return word.size() >= 5 && word.size() <= 8 && !IsCommonWord(word) && EditDistance(word, "secret") <= 2;
}

std::vector<std::string_view> Words(std::string_view key) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i <= key.size(); ++i) {
    if (i < key.size() && key[i] != '_') continue;
    if (i > start) out.push_back(key.substr(start, i - start));
    start = i + 1;
  }
  return out;
}

}  // namespace

std::string NormalizeKey(std::string_view key) {
  std::string out;
  for (size_t i = 0; i < key.size(); ++i) {
    char c = key[i];
    if (IsUpper(c) && i > 0 && IsLower(key[i - 1])) out += '_';
    if (c == '-' || c == ' ' || c == '.') c = '_';
    out += IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

bool IsSecretKey(std::string_view key) {
  if (key.size() > 256) return false;  // a key this long is no name; its value is checked as text anyway
  std::string k = NormalizeKey(key);
  if (k == "auth" || k == "api_key" || k == "apikey" || EndsWith(k, "_key")) return true;
  if (Contains(k, "secret") || Contains(k, "password") || Contains(k, "passwd") || Contains(k, "token")) {
    return true;
  }
  for (std::string_view word : Words(k)) {
    if (IsMisspeltSecret(word)) return true;
  }
  return false;
}

}  // namespace trigc::yaml
