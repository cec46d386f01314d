#include "compiler/model/timezone.h"

#include <date/tz.h>
#include <catch2/catch.hpp>

namespace trigc::model {

TEST_CASE("FindTimezone finds zones and links of the system database", "[timezone]") {
  for (const char* name : {"UTC", "Europe/Paris", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe",
                           "US/Eastern", "Etc/GMT+5"}) {
    INFO(name);
    const date::time_zone* zone = FindTimezone(name);
    REQUIRE(zone != nullptr);
    CHECK(zone->name() == name);
    CHECK(FindTimezone(name) == date::locate_zone(name));
    CHECK(TimezoneExists(name));
  }
}

TEST_CASE("FindTimezone refuses what is not a zone", "[timezone]") {
  for (const char* name :
       {"", "Nope/Zone", "Europe", "leapseconds", "zone.tab", "tzdata.zi", "right/Europe/Paris",
        "posix/Europe/Paris", "posixrules", "localtime", "Factory", "../etc/passwd",
        "/usr/share/zoneinfo/UTC", "Europe//Paris", "Europe/Paris/", "Europe/Paris\n"}) {
    INFO(name);
    CHECK(FindTimezone(name) == nullptr);
    CHECK_FALSE(TimezoneExists(name));
  }
}

}  // namespace trigc::model
