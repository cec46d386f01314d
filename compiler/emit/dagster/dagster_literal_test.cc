#include "compiler/emit/dagster/dagster_literal.h"

#include <catch2/catch.hpp>

namespace trigc::emit::dagster {

TEST_CASE("DagsterString writes quotes as \\x22 and lowercase hex", "[dagster]") {
  CHECK(DagsterString("plain") == "\"plain\"");
  CHECK(DagsterString("a\"b") == "\"a\\x22b\"");
  CHECK(DagsterString("back\\slash\"") == "\"back\\\\slash\\x22\"");
  CHECK(DagsterString("\\\"") == "\"\\\\\\x22\"");
  CHECK(DagsterString("new\nline") == "\"new\\x0aline\"");
  CHECK(DagsterString("\xC3\xA9") == "\"\\xe9\"");
  CHECK(DagsterString("\xE2\x80\xA8") == "\"\\u2028\"");
  CHECK(DagsterString("\xF0\x9F\x98\x80") == "\"\\U0001f600\"");
}

}  // namespace trigc::emit::dagster
