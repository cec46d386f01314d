// Reads cases on stdin, one per line: "<zone>\t<from, unix seconds>\t<n>\t<dialect>\t<cron>", and
// prints one line per case: the next n runs as "<utc unix seconds>:<local wall time as seconds
// since 1970-01-01T00:00 local>" separated by spaces, or
// "ERR <message>" when trigc rejects the expression. Driven by cron_diff.py.
#include <iostream>
#include <sstream>
#include <string>

#include <date/tz.h>

#include "compiler/cron/next_runs.h"
#include "compiler/cron/parse.h"

namespace {

trigc::cron::Dialect DialectNamed(const std::string& name) {
  if (name == "systemd") return trigc::cron::Dialect::kSystemd;
  if (name == "dagster") return trigc::cron::Dialect::kDagster;
  return trigc::cron::Dialect::kTrigc;
}

std::string RunCase(const std::string& line) {
  std::istringstream in(line);
  std::string zone;
  std::string from;
  std::string count;
  std::string dialect;
  std::getline(in, zone, '\t');
  std::getline(in, from, '\t');
  std::getline(in, count, '\t');
  std::getline(in, dialect, '\t');
  std::string cron;
  std::getline(in, cron);
  const trigc::cron::ParseResult parsed = trigc::cron::Parse(cron);
  if (!parsed.ok()) return "ERR " + parsed.error().message;
  const date::sys_seconds start{std::chrono::seconds{std::stoll(from)}};
  const auto runs = trigc::cron::NextRuns(parsed.expr(), *date::locate_zone(zone), start, std::stoul(count),
                                          DialectNamed(dialect));
  std::string out;
  for (const auto& run : runs) {
    if (!out.empty()) out += ' ';
    out += std::to_string(run.utc.time_since_epoch().count()) + ':' +
           std::to_string(run.local.time_since_epoch().count());
  }
  return out;
}

}  // namespace

int main() {
  std::ios::sync_with_stdio(false);
  std::string line;
  while (std::getline(std::cin, line)) {
    if (line.empty()) continue;
    std::cout << RunCase(line) << '\n';
  }
  return 0;
}
