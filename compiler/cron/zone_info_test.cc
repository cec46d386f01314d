#include "compiler/cron/zone_info.h"

#include <catch2/catch.hpp>

namespace trigc::cron {
namespace {

using std::chrono::hours;
using std::chrono::seconds;

date::sys_seconds At(int y, unsigned m, unsigned d, int h = 0) {
  return date::sys_days{date::year{y} / m / d} + hours{h};
}

TEST_CASE("zone info matches the tz database while it lists transitions") {
  const date::time_zone& ny = *date::locate_zone("America/New_York");
  const date::sys_info info = InfoAt(ny, At(2026, 7, 1));
  CHECK(info.offset == hours{-4});
  CHECK(info.begin == At(2026, 3, 8, 7));
  CHECK(info.end == At(2026, 11, 1, 6));
}

TEST_CASE("zone info carries DST rules past 2037 by 28-year cycles") {
  const date::time_zone& ny = *date::locate_zone("America/New_York");
  const date::sys_info summer = InfoAt(ny, At(2040, 7, 1));
  CHECK(summer.offset == hours{-4});
  CHECK(summer.begin == At(2040, 3, 11, 7));  // second Sunday of March 2040
  CHECK(summer.end == At(2040, 11, 4, 6));    // first Sunday of November 2040
  CHECK(InfoAt(ny, At(2040, 1, 15)).offset == hours{-5});
  CHECK(InfoAt(ny, At(2077, 7, 1)).offset == hours{-4});
  const date::time_zone& london = *date::locate_zone("Europe/London");
  CHECK(InfoAt(london, At(2050, 3, 27, 0)).offset == seconds{0});
  CHECK(InfoAt(london, At(2050, 3, 27, 1)).offset == hours{1});  // last Sunday of March 2050
}

TEST_CASE("zone info leaves zones without DST alone") {
  const date::time_zone& kolkata = *date::locate_zone("Asia/Kolkata");
  const date::sys_info info = InfoAt(kolkata, At(2060, 1, 1));
  CHECK(info.offset == hours{5} + std::chrono::minutes{30});
  CHECK(InfoAt(*date::locate_zone("UTC"), At(2060, 1, 1)).offset == seconds{0});
}

TEST_CASE("zone info keeps the last offset of a zone whose DST ended long ago") {
  // Phoenix's last transition was in 1967, six months after the one before it: that is no sign of DST now.
  const date::time_zone& phoenix = *date::locate_zone("America/Phoenix");
  CHECK(InfoAt(phoenix, At(2026, 7, 1)).offset == hours{-7});
  CHECK(InfoAt(phoenix, At(2060, 7, 1)).offset == hours{-7});
  CHECK(InfoAt(*date::locate_zone("Europe/Istanbul"), At(2030, 1, 1)).offset == hours{3});
  CHECK(InfoAt(*date::locate_zone("America/Sao_Paulo"), At(2030, 1, 1)).offset == hours{-3});
  CHECK(InfoAt(*date::locate_zone("Pacific/Apia"), At(2030, 1, 1)).offset == hours{13});
  CHECK(InfoAt(*date::locate_zone("Asia/Tehran"), At(2030, 7, 1)).offset ==
        hours{3} + std::chrono::minutes{30});
}

TEST_CASE("zone info carries half-hour DST past 2037") {
  const date::time_zone& lord_howe = *date::locate_zone("Australia/Lord_Howe");
  CHECK(InfoAt(lord_howe, At(2045, 1, 15)).offset == hours{11});
  CHECK(InfoAt(lord_howe, At(2045, 7, 15)).offset == hours{10} + std::chrono::minutes{30});
}

}  // namespace
}  // namespace trigc::cron
