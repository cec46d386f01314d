// Next-run throughput of trigc's cron engine, and the same work through croniter (the cron library
// Airflow, Dagster and Prefect use) for comparison. Prints figures; it is not a test.
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include <date/tz.h>

#include "compiler/cron/next_runs.h"
#include "compiler/cron/parse.h"

namespace {

const std::vector<std::string> kExpressions = {
    "*/15 * * * *", "0 6 * * *",    "*/15 9-17 * * 1-5", "0 0 1,15 * 5", "30 2 * * *",
    "0 */3 * * *",  "5 4 * * SUN",  "0 0 1 * *",         "* * * * *",    "0 9-17 * * MON-FRI",
    "0 2 * * 6,0",  "15 1 1-7 * 1", "0 0 1-7 * MON",     "@hourly",      "@weekly"};
const std::vector<std::string> kZones = {"UTC", "America/New_York", "Europe/London", "Asia/Kolkata",
                                         "Australia/Lord_Howe"};
constexpr long long kStart = 1767225600;   // 2026-01-01T00:00:00Z
constexpr std::size_t kRunsPerCase = 500;  // the next 500 runs, as `trigc preview -n 500` would

// `starts` start instants a week apart per expression and zone.
double TrigcRunsPerSecond(std::size_t starts, std::size_t* total) {
  std::vector<trigc::cron::CronExpr> exprs;
  for (const auto& text : kExpressions) exprs.push_back(trigc::cron::Parse(text).expr());
  std::vector<const date::time_zone*> zones;
  for (const auto& name : kZones) zones.push_back(date::locate_zone(name));
  *total = 0;
  long long checksum = 0;
  const auto begin = std::chrono::steady_clock::now();
  for (std::size_t start = 0; start < starts; ++start) {
    const date::sys_seconds from{std::chrono::seconds{kStart} + date::days{7 * start}};
    for (const auto& expr : exprs) {
      for (const auto* zone : zones) {
        const auto runs = trigc::cron::NextRuns(expr, *zone, from, kRunsPerCase);
        *total += runs.size();
        checksum += runs.back().utc.time_since_epoch().count();
      }
    }
  }
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - begin;
  if (checksum == 42) std::puts("");  // keeps the work observable
  return static_cast<double>(*total) / elapsed.count();
}

// The same expressions and zones through croniter with a tz-aware start, as the targets use it.
std::string CroniterScript() {
  std::string exprs;
  for (const auto& e : kExpressions) exprs += "\"" + e + "\",";
  std::string zones;
  for (const auto& z : kZones) zones += "\"" + z + "\",";
  return "import datetime, time\n"
         "try:\n"
         "    from zoneinfo import ZoneInfo\n"
         "    from croniter import croniter\n"
         "except ImportError as e:\n"
         "    print(\"ERROR\", e); raise SystemExit(0)\n"
         "exprs = [" +
         exprs +
         "]\n"
         "zones = [" +
         zones +
         "]\n"
         "total = 0\n"
         "t0 = time.perf_counter()\n"
         "for e in exprs:\n"
         "    for z in zones:\n"
         "        it = croniter(e, datetime.datetime.fromtimestamp(" +
         std::to_string(kStart) +
         ", ZoneInfo(z)))\n"
         "        for _ in range(" +
         std::to_string(kRunsPerCase) +
         "):\n"
         "            it.get_next(datetime.datetime)\n"
         "            total += 1\n"
         "print(total / (time.perf_counter() - t0))\n";
}

// Runs the script with /usr/bin/python3; returns runs/s, or a negative value with *why set.
double CroniterRunsPerSecond(std::string* why) {
  std::string command = "/usr/bin/python3 -c '" + CroniterScript() + "' 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) {
    *why = "cannot start /usr/bin/python3";
    return -1;
  }
  std::string output;
  char buffer[256];
  while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) output += buffer;
  const int status = pclose(pipe);
  if (status != 0 || output.empty() || output.rfind("ERROR", 0) == 0) {
    *why = output.empty() ? "/usr/bin/python3 is missing" : output;
    return -1;
  }
  try {
    return std::stod(output);
  } catch (const std::exception&) {
    *why = output;
    return -1;
  }
}

}  // namespace

int main() {
  constexpr std::size_t kStarts = 40;
  std::printf("cron next-run throughput: %zu expressions x %zu zones, next %zu runs per case\n",
              kExpressions.size(), kZones.size(), kRunsPerCase);
  std::size_t total = 0;
  TrigcRunsPerSecond(1, &total);  // warm up the tz database
  const double trigc = TrigcRunsPerSecond(kStarts, &total);
  std::printf("  trigc:    %12.0f runs/s (%zu runs from %zu start instants)\n", trigc, total, kStarts);
  std::string why;
  const double croniter = CroniterRunsPerSecond(&why);
  if (croniter <= 0) {
    std::printf("  croniter: skipped, no ratio (%s)\n", why.c_str());
    return 0;
  }
  std::printf("  croniter: %12.0f runs/s (1 start instant, tz-aware start, /usr/bin/python3)\n", croniter);
  std::printf("  ratio:    %12.1fx\n", trigc / croniter);
  return 0;
}
