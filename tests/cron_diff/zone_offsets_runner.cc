// Reads cases on stdin, one per line: "<zone>\t<unix seconds> <unix seconds> ...", and prints one line per
// case: the UTC offset in seconds that trigc uses at each instant (cron::InfoAt, which preview, explain and
// the DST checks use), separated by spaces, or "ERR" when trigc does not accept the zone. Driven by
// zone_offsets.py.
#include <iostream>
#include <sstream>
#include <string>

#include <date/tz.h>

#include "compiler/cron/zone_info.h"
#include "compiler/model/timezone.h"

namespace {

std::string RunCase(const std::string& line) {
  std::istringstream in(line);
  std::string zone_name;
  std::getline(in, zone_name, '\t');
  const date::time_zone* zone = trigc::model::FindTimezone(zone_name);
  if (zone == nullptr) return "ERR";
  std::string out;
  long long t = 0;
  while (in >> t) {
    const date::sys_seconds instant{std::chrono::seconds{t}};
    if (!out.empty()) out += ' ';
    out += std::to_string(trigc::cron::InfoAt(*zone, instant).offset.count());
  }
  return out;
}

}  // namespace

int main() {
  std::ios::sync_with_stdio(false);
  std::string line;
  while (std::getline(std::cin, line)) {
    if (!line.empty()) std::cout << RunCase(line) << '\n';
  }
  return 0;
}
