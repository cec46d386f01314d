#include "compiler/model/timezone.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <cstring>
#include <map>
#include <mutex>
#include <string>

#include <date/tz.h>

namespace trigc::model {

namespace {

// The system tz database, which the date library reads too.
constexpr const char* kZoneDir = "/usr/share/zoneinfo/";

bool WellFormed(std::string_view name) {
  if (name.empty() || name.size() > 64 || name == "posixrules" || name == "localtime" || name == "Factory") {
    return false;
  }
  // posix/ and right/ hold other builds of the whole database (right/ counts leap seconds): not zone names,
  // and unknown to the tz data the orchestrators ship.
  if (name.rfind("posix/", 0) == 0 || name.rfind("right/", 0) == 0) return false;
  bool segment_start = true;
  for (char c : name) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
              c == '-' || c == '+';
    if (c == '/') {
      if (segment_start) return false;
      segment_start = true;
      continue;
    }
    if (!ok) return false;
    segment_start = false;
  }
  return !segment_start;
}

// True when `path` is a TZif file (RFC 8536) without leap second records: the files the date library loads
// as zones, which counts time in UTC seconds only for those.
bool IsZoneFile(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat info {};
  unsigned char header[44];
  bool ok =
      ::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && ::read(fd, header, sizeof header) == sizeof header;
  ::close(fd);
  if (!ok || std::memcmp(header, "TZif", 4) != 0) return false;
  // Six big-endian counts follow 20 bytes of magic, version and padding; the third is the leap second count.
  uint32_t leap_count = (uint32_t{header[28]} << 24) | (uint32_t{header[29]} << 16) |
                        (uint32_t{header[30]} << 8) | uint32_t{header[31]};
  return leap_count == 0;
}

}  // namespace

std::string TimezoneDatabaseStamp() {
  struct stat st;
  if (::stat((std::string(kZoneDir) + "tzdata.zi").c_str(), &st) != 0) return "none";
  return std::to_string(st.st_size) + " " + std::to_string(st.st_mtim.tv_sec) + "." +
         std::to_string(st.st_mtim.tv_nsec);
}

bool TimezoneExists(std::string_view name) {
  static std::mutex mutex;
  static std::map<std::string, bool, std::less<>> known;
  std::lock_guard<std::mutex> lock(mutex);
  auto it = known.find(name);
  if (it == known.end()) {
    // The same database the date library reads.
    bool exists = WellFormed(name) && IsZoneFile(std::string(kZoneDir) + std::string(name));
    it = known.emplace(std::string(name), exists).first;
  }
  return it->second;
}

const date::time_zone* FindTimezone(std::string_view name) {
  if (!TimezoneExists(name)) return nullptr;
  try {
    return date::locate_zone(name);
  } catch (const std::exception&) {  // a zone file the date library does not list
    return nullptr;
  }
}

void PrepareTimezoneDatabase() {
  try {
    date::get_tzdb();
  } catch (const std::exception&) {  // FindTimezone meets the same failure, and reports no zone
  }
}

}  // namespace trigc::model
