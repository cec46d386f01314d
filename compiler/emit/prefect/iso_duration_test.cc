#include "compiler/emit/prefect/iso_duration.h"

#include <catch2/catch.hpp>

namespace trigc::emit::prefect {

TEST_CASE("IsoDuration", "[prefect]") {
  CHECK(IsoDuration(0) == "PT0S");
  CHECK(IsoDuration(600) == "PT10M");
  CHECK(IsoDuration(5400) == "PT1H30M");
  CHECK(IsoDuration(86400) == "PT24H");
  CHECK(IsoDuration(3661) == "PT1H1M1S");
}

}  // namespace trigc::emit::prefect
