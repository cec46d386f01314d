#include "compiler/model/timezone.h"

#include <string>

#include <sys/stat.h>

namespace trigc::model {

namespace {

bool WellFormed(std::string_view name) {
  if (name.empty() || name.size() > 64 || name == "posixrules" || name == "localtime" || name == "Factory") {
    return false;
  }
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

}  // namespace

bool TimezoneExists(std::string_view name) {
  if (!WellFormed(name)) return false;
  // The same database the cron engine reads through the date library.
  std::string path = "/usr/share/zoneinfo/" + std::string(name);
  struct stat info {};
  return ::stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode);
}

}  // namespace trigc::model
