#include "compiler/explain/clock.h"

#include <catch2/catch.hpp>

using trigc::explain::FormatUtc;
using trigc::explain::ParseIso;

TEST_CASE("ISO 8601 times parse to the right instant") {
  CHECK(FormatUtc(*ParseIso("2026-03-08T07:00:00Z")) == "2026-03-08T07:00:00Z");
  CHECK(FormatUtc(*ParseIso("2026-03-08T02:00:00-05:00")) == "2026-03-08T07:00:00Z");
  CHECK(FormatUtc(*ParseIso("2026-03-08T12:30+05:30")) == "2026-03-08T07:00:00Z");
  CHECK(FormatUtc(*ParseIso("2026-03-08T07:00Z")) == "2026-03-08T07:00:00Z");
  CHECK(FormatUtc(*ParseIso("2026-03-08")) == "2026-03-08T00:00:00Z");
  for (const char* bad : {"yesterday", "2026-02-30", "2026-03-08T25:00Z", "2026-03-08T07:00",
                          "2026-03-08 07:00Z", "2026-03-08T07:00:00Zjunk", ""}) {
    CAPTURE(bad);
    CHECK_FALSE(ParseIso(bad).has_value());
  }
}
