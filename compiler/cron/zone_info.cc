#include "compiler/cron/zone_info.h"

#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>

#include "compiler/cron/posix_tz.h"

namespace trigc::cron {
namespace {

// The system tz database, which the date library reads too (model/timezone.cc checks names against it).
constexpr const char* kZoneDir = "/usr/share/zoneinfo/";
// TZif files are a few kilobytes; anything larger is not one.
constexpr std::streamsize kMaxZoneFile = 1 << 20;
// An interval ending after this is the tz database's open-ended last interval.
const date::sys_seconds kOpenEnded{date::sys_days{date::year{9000} / 1 / 1}};

// The rule in the footer of the zone's TZif file (its last line), which says what happens after the file's
// last transition. Read once per zone; nullopt when the file has no usable footer.
std::optional<PosixTz> ReadFooter(const std::string& name) {
  std::ifstream file(kZoneDir + name, std::ios::binary);
  std::string data(kMaxZoneFile + 1, '\0');
  file.read(data.data(), kMaxZoneFile + 1);
  data.resize(static_cast<size_t>(file.gcount()));
  if (data.size() > static_cast<size_t>(kMaxZoneFile) || data.size() < 2 || data.back() != '\n') {
    return std::nullopt;
  }
  const size_t start = data.rfind('\n', data.size() - 2);
  if (start == std::string::npos) return std::nullopt;
  return ParsePosixTz(std::string_view(data).substr(start + 1, data.size() - start - 2));
}

const std::optional<PosixTz>& FooterOf(const date::time_zone& zone) {
  static std::mutex mutex;
  static std::map<std::string, std::optional<PosixTz>, std::less<>> footers;
  std::lock_guard<std::mutex> lock(mutex);
  auto it = footers.find(zone.name());
  if (it == footers.end()) it = footers.emplace(std::string(zone.name()), ReadFooter(zone.name())).first;
  return it->second;
}

}  // namespace

date::sys_info InfoAt(const date::time_zone& zone, date::sys_seconds t) {
  date::sys_info info = zone.get_info(t);
  if (info.end < kOpenEnded) return info;
  // Past the file's last transition: the footer's rule, as every TZif reader (zoneinfo, glibc) applies it.
  const std::optional<PosixTz>& footer = FooterOf(zone);
  if (!footer || !footer->has_dst) return info;
  date::sys_info ruled = PosixTzInfo(*footer, t);
  ruled.begin = std::max(ruled.begin, info.begin);
  return ruled;
}

}  // namespace trigc::cron
