#include "compiler/emit/crontab/cron_lines.h"

#include <sstream>

#include "compiler/cron/normalize.h"

namespace trigc::emit {

namespace {

std::vector<std::string> Fields(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> out;
  std::string field;
  while (in >> field) out.push_back(field);
  return out;
}

std::string Join(const std::vector<std::string>& f) {
  return f[0] + " " + f[1] + " " + f[2] + " " + f[3] + " " + f[4];
}

}  // namespace

std::vector<std::string> CronLineFields(const cron::CronExpr& expr) {
  std::vector<std::string> f = Fields(cron::Normalize(expr));
  if (f.size() != 5) return {};
  if (!expr.dom_restricted) f[2] = "*";
  if (!expr.dow_restricted) f[4] = "*";
  if (expr.dom_restricted && expr.dow_restricted) {
    std::vector<std::string> by_day = f, by_weekday = f;
    by_day[4] = "*";
    by_weekday[2] = "*";
    return {Join(by_day), Join(by_weekday)};
  }
  return {Join(f)};
}

std::string GuardLineFields(const cron::CronExpr& expr) {
  std::string minutes;
  int count = 0;
  for (int m = 0; m < 60; ++m) {
    bool hit = false;
    for (int shift = 0; shift < 60; shift += 15)
      hit = hit || expr.minutes.test(static_cast<size_t>((m + shift) % 60));
    count += hit ? 1 : 0;
    if (hit) minutes += (minutes.empty() ? "" : ",") + std::to_string(m);
  }
  if (count == 60) minutes = "*";
  return minutes + " * * * *";
}

}  // namespace trigc::emit
