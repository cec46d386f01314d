#include "compiler/cron/posix_tz.h"

#include <catch2/catch.hpp>

namespace trigc::cron {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

date::sys_seconds At(int y, unsigned m, unsigned d, int h = 0, int min = 0) {
  return date::sys_days{date::year{y} / m / d} + hours{h} + minutes{min};
}

TEST_CASE("posix tz parses the footers of the tz database") {
  const auto paris = ParsePosixTz("CET-1CEST,M3.5.0,M10.5.0/3");
  REQUIRE(paris);
  CHECK(paris->std_abbrev == "CET");
  CHECK(paris->std_offset == hours{1});
  CHECK(paris->dst_offset == hours{2});
  CHECK(paris->start.month == 3);
  CHECK(paris->start.week == 5);
  CHECK(paris->start.time == hours{2});
  CHECK(paris->end.time == hours{3});
  const auto lord_howe = ParsePosixTz("<+1030>-10:30<+11>-11,M10.1.0,M4.1.0");
  REQUIRE(lord_howe);
  CHECK(lord_howe->std_abbrev == "+1030");
  CHECK(lord_howe->std_offset == hours{10} + minutes{30});
  CHECK(lord_howe->dst_offset == hours{11});
  const auto nuuk = ParsePosixTz("<-02>2<-01>,M3.5.0/-1,M10.5.0/0");
  REQUIRE(nuuk);
  CHECK(nuuk->start.time == hours{-1});
  const auto phoenix = ParsePosixTz("MST7");
  REQUIRE(phoenix);
  CHECK_FALSE(phoenix->has_dst);
  CHECK(phoenix->std_offset == hours{-7});
}

TEST_CASE("posix tz rejects what is not a TZ string") {
  for (const char* text :
       {"", "UT", "CET", "CET-1CEST", "CET-1CEST,M13.5.0,M10.5.0", "CET-1CEST,M3.6.0,M10.5.0",
        "CET-1CEST,M3.5.0,M10.5.0/200", "CET-1CEST,J0,J365", "<+01-1", "CET-1CEST,M3.5.0,M10.5.0x"}) {
    CAPTURE(text);
    CHECK_FALSE(ParsePosixTz(text));
  }
}

TEST_CASE("posix tz gives the intervals of a northern zone") {
  const PosixTz paris = *ParsePosixTz("CET-1CEST,M3.5.0,M10.5.0/3");
  const date::sys_info summer = PosixTzInfo(paris, At(2050, 7, 1));
  CHECK(summer.offset == hours{2});
  CHECK(summer.save == minutes{60});
  CHECK(summer.abbrev == "CEST");
  CHECK(summer.begin == At(2050, 3, 27, 1));  // last Sunday of March, 02:00 CET
  CHECK(summer.end == At(2050, 10, 30, 1));   // last Sunday of October, 03:00 CEST
  const date::sys_info winter = PosixTzInfo(paris, At(2050, 12, 31, 23));
  CHECK(winter.offset == hours{1});
  CHECK(winter.begin == At(2050, 10, 30, 1));
  CHECK(winter.end == At(2051, 3, 26, 1));
}

TEST_CASE("posix tz gives the intervals of a southern zone across the new year") {
  const PosixTz santiago = *ParsePosixTz("<-04>4<-03>,M9.1.6/24,M4.1.6/24");
  const date::sys_info summer = PosixTzInfo(santiago, At(2051, 1, 1));
  CHECK(summer.offset == hours{-3});
  CHECK(summer.begin == At(2050, 9, 4, 4));  // first Saturday of September 2050 at 24:00 -04
  CHECK(summer.end == At(2051, 4, 2, 3));    // first Saturday of April 2051 at 24:00 -03
}

TEST_CASE("posix tz counts Julian days without February 29th") {
  const PosixTz tz = *ParsePosixTz("AAA0BBB,J60/0,J300/0");
  CHECK(PosixTzInfo(tz, At(2048, 3, 1, 0, 30)).offset == hours{1});  // J60 is March 1st, leap year or not
  CHECK(PosixTzInfo(tz, At(2048, 2, 29, 12)).offset == seconds{0});
  const PosixTz zero_based = *ParsePosixTz("AAA0BBB,59/0,300/0");
  CHECK(PosixTzInfo(zero_based, At(2048, 2, 29, 12)).offset == hours{1});  // day 59 of a leap year
}

}  // namespace
}  // namespace trigc::cron
