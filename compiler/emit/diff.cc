#include "compiler/emit/diff.h"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

namespace trigc::emit {

namespace {

std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    size_t end = text.find('\n');
    size_t take = end == std::string_view::npos ? text.size() : end + 1;
    lines.push_back(text.substr(0, take));
    text.remove_prefix(take);
  }
  return lines;
}

// One edit-script step: ' ' keeps line a[i] == b[j], '-' drops a[i], '+' inserts b[j].
struct Step {
  char op;
  size_t i;
  size_t j;
};

// Myers' O((N+M)D) shortest edit script, with the trace kept to walk back.
std::vector<Step> EditScript(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b) {
  const long n = static_cast<long>(a.size()), m = static_cast<long>(b.size()), max = n + m;
  const long offset = max + 1;
  std::vector<long> v(static_cast<size_t>(2 * max + 3), 0);
  std::vector<std::vector<long>> trace;
  long found_d = -1;
  for (long d = 0; d <= max && found_d < 0; ++d) {
    trace.push_back(v);
    for (long k = -d; k <= d; k += 2) {
      long x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1]
                                                                              : v[offset + k - 1] + 1;
      long y = x - k;
      while (x < n && y < m && a[x] == b[y]) ++x, ++y;
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found_d = d;
        break;
      }
    }
  }
  std::vector<Step> steps;
  long x = n, y = m;
  for (long d = found_d; d > 0; --d) {
    const std::vector<long>& pv = trace[static_cast<size_t>(d)];
    long k = x - y;
    long prev_k = (k == -d || (k != d && pv[offset + k - 1] < pv[offset + k + 1])) ? k + 1 : k - 1;
    long prev_x = pv[offset + prev_k], prev_y = prev_x - prev_k;
    while (x > prev_x && y > prev_y)
      steps.push_back({' ', static_cast<size_t>(--x), static_cast<size_t>(--y)});
    if (x == prev_x) {
      steps.push_back({'+', static_cast<size_t>(x), static_cast<size_t>(--y)});
    } else {
      steps.push_back({'-', static_cast<size_t>(--x), static_cast<size_t>(y)});
    }
  }
  while (x > 0 && y > 0) steps.push_back({' ', static_cast<size_t>(--x), static_cast<size_t>(--y)});
  std::reverse(steps.begin(), steps.end());
  return steps;
}

void AppendLine(std::string& out, char op, std::string_view line) {
  out += op;
  out += line;
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

}  // namespace

std::string UnifiedDiff(std::string_view before, std::string_view after, std::string_view before_label,
                        std::string_view after_label, size_t context, size_t max_lines) {
  if (before == after) return "";
  std::vector<std::string_view> a = Lines(before), b = Lines(after);
  std::vector<Step> steps = EditScript(a, b);
  std::string out = fmt::format("--- {}\n+++ {}\n", before_label, after_label);
  size_t shown = 0, hidden = 0;
  size_t s = 0;
  while (s < steps.size()) {
    if (steps[s].op == ' ') {
      ++s;
      continue;
    }
    // A hunk: from `context` lines before this change to `context` lines after the last change that is at
    // most 2 * context unchanged lines away from the next.
    size_t begin = s >= context ? s - context : 0;
    while (begin < s && steps[begin].op != ' ') ++begin;
    size_t end = s;
    size_t last_change = s;
    for (size_t t = s; t < steps.size(); ++t) {
      if (steps[t].op != ' ') {
        last_change = t;
      } else if (t - last_change > 2 * context) {
        break;
      }
    }
    end = std::min(steps.size(), last_change + context + 1);
    size_t old_start = steps[begin].i, new_start = steps[begin].j, old_count = 0, new_count = 0;
    for (size_t t = begin; t < end; ++t) {
      old_count += steps[t].op != '+';
      new_count += steps[t].op != '-';
    }
    std::string hunk = fmt::format("@@ -{},{} +{},{} @@\n", old_count == 0 ? old_start : old_start + 1,
                                   old_count, new_count == 0 ? new_start : new_start + 1, new_count);
    for (size_t t = begin; t < end; ++t) {
      if (shown >= max_lines) {
        ++hidden;
        continue;
      }
      const Step& step = steps[t];
      AppendLine(hunk, step.op, step.op == '+' ? b[step.j] : a[step.i]);
      ++shown;
    }
    out += hunk;
    s = end;
  }
  if (hidden > 0) out += fmt::format("... {} more diff line{}\n", hidden, hidden == 1 ? "" : "s");
  return out;
}

}  // namespace trigc::emit
