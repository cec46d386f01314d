#include "compiler/diag/diagnostic.h"

#include <algorithm>
#include <tuple>

#include <fmt/format.h>

namespace trigc {

namespace {

std::vector<CodeInfo> BuildRegistry() {
  std::vector<CodeInfo> codes;
#define DIAG(code, name, summary) \
  codes.push_back(                \
      {Code::code, #code, name, summary, #code[0] == 'W' ? Severity::kWarning : Severity::kError});
#include "compiler/diag/codes.def"
#undef DIAG
  return codes;
}

// Decodes one UTF-8 sequence at text[i]; returns the code point (or -1 when invalid) and advances i.
int32_t NextCodePoint(std::string_view text, size_t& i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char c = byte(i);
  int length = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (length == 0 || i + length > text.size()) {
    ++i;
    return -1;
  }
  int32_t cp = length == 1 ? c : c & (0x7F >> length);
  for (int k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      ++i;
      return -1;
    }
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  i += length;
  return cp;
}

bool IsInvisible(int32_t cp) {
  return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0x2028 || cp == 0x2029 ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200B || cp == 0xFEFF;
}

size_t EditDistance(std::string_view a, std::string_view b, size_t limit) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    size_t best = row[0];
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
      best = std::min(best, row[j]);
    }
    if (best > limit) return limit + 1;
  }
  return row[b.size()];
}

}  // namespace

const std::vector<CodeInfo>& AllCodes() {
  static const std::vector<CodeInfo> codes = BuildRegistry();
  return codes;
}

const CodeInfo& Info(Code code) { return AllCodes()[static_cast<size_t>(code)]; }

DiagSink::Builder& DiagSink::Builder::Note(Span span, std::string message) {
  d_.notes.push_back({span, std::move(message)});
  return *this;
}

DiagSink::Builder& DiagSink::Builder::Help(std::string message) {
  d_.help.push_back(std::move(message));
  return *this;
}

DiagSink::Builder& DiagSink::Builder::Path(std::string path) {
  d_.path = std::move(path);
  return *this;
}

DiagSink::Builder DiagSink::Report(Code code, Span span, std::string message) {
  const CodeInfo& info = Info(code);
  diags_.push_back({code, info.severity, span, std::move(message), {}, {}, {}});
  (info.severity == Severity::kError ? errors_ : warnings_)++;
  return Builder(diags_.back());
}

void DiagSink::Append(DiagSink&& other) {
  for (Diagnostic& d : other.diags_) diags_.push_back(std::move(d));
  errors_ += other.errors_;
  warnings_ += other.warnings_;
  other = DiagSink();
}

std::vector<Diagnostic> DiagSink::Sorted(const SourceManager& sources) const {
  std::vector<Diagnostic> sorted = diags_;
  auto key = [&](const Diagnostic& d) {
    const std::string* path = nullptr;
    static const std::string kEmpty;
    path = d.span.valid() ? &sources.Get(d.span.file).path() : &kEmpty;
    return std::make_tuple(std::cref(*path), d.span.begin, static_cast<int>(d.code));
  };
  std::stable_sort(sorted.begin(), sorted.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
  return sorted;
}

std::string Quote(std::string_view text, size_t max_code_points) {
  std::string out = "'";
  size_t count = 0;
  for (size_t i = 0; i < text.size();) {
    if (count == max_code_points) {
      out += "...";
      break;
    }
    size_t start = i;
    int32_t cp = NextCodePoint(text, i);
    ++count;
    if (cp < 0) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned char>(text[start]));
    } else if (cp == '\\' || cp == '\'') {
      out += '\\';
      out += static_cast<char>(cp);
    } else if (IsInvisible(cp)) {
      out += cp <= 0xFF ? fmt::format("\\x{:02x}", cp) : fmt::format("\\u{{{:04x}}}", cp);
    } else {
      out.append(text.substr(start, i - start));
    }
  }
  return out + "'";
}

std::string SpellCheck(std::string_view word, const std::vector<std::string>& candidates,
                       size_t max_distance) {
  const size_t limit = std::min<size_t>(max_distance, word.size() > 1 ? word.size() - 1 : 0);
  std::string best;
  size_t best_distance = limit + 1;
  for (const std::string& candidate : candidates) {
    size_t distance = EditDistance(word, candidate, limit);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best_distance <= limit ? best : std::string();
}

}  // namespace trigc
