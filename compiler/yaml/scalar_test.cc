#include "compiler/yaml/scalar.h"

#include <catch2/catch.hpp>

using trigc::yaml::AmbiguityHint;
using trigc::yaml::NodeKind;
using trigc::yaml::ResolvePlain;

TEST_CASE("only true and false are booleans") {
  CHECK(ResolvePlain("true").kind == NodeKind::kBool);
  CHECK(ResolvePlain("true").bool_value);
  CHECK(ResolvePlain("false").kind == NodeKind::kBool);
  CHECK_FALSE(ResolvePlain("false").bool_value);
  for (const char* word : {"yes", "Yes", "YES", "y", "no", "N", "on", "off", "True", "FALSE", "tRuE"}) {
    CAPTURE(word);
    CHECK(ResolvePlain(word).kind == NodeKind::kString);
  }
}

TEST_CASE("nulls are nulls, never the string null") {
  for (const char* word : {"", "~", "null", "Null", "NULL"}) {
    CAPTURE(word);
    CHECK(ResolvePlain(word).kind == NodeKind::kNull);
  }
  CHECK(ResolvePlain("nULL").kind == NodeKind::kString);
}

TEST_CASE("integers are plain decimal without leading zeros") {
  CHECK(ResolvePlain("0").kind == NodeKind::kInt);
  CHECK(ResolvePlain("60").int_value == 60);
  CHECK(ResolvePlain("-5").int_value == -5);
  CHECK(ResolvePlain("9223372036854775807").int_value == INT64_MAX);
  for (const char* text : {"010", "0x1F", "0o10", "1_000", "1:30", "1e3", "+5", "99999999999999999999",
                           ".inf", ".nan", "08", "1.", ".5"}) {
    CAPTURE(text);
    CHECK(ResolvePlain(text).kind == NodeKind::kString);
  }
}

TEST_CASE("floats need a dot and are finite") {
  CHECK(ResolvePlain("1.5").kind == NodeKind::kFloat);
  CHECK(ResolvePlain("1.5").float_value == 1.5);
  CHECK(ResolvePlain("-0.25e3").float_value == -250.0);
  CHECK(ResolvePlain("1.0e999").kind == NodeKind::kString);
}

TEST_CASE("ambiguity hints say what other readers see") {
  CHECK(AmbiguityHint("yes", NodeKind::kBool).find("write 'true'") != std::string::npos);
  CHECK(AmbiguityHint("off", NodeKind::kBool).find("write 'false'") != std::string::npos);
  CHECK(AmbiguityHint("010", NodeKind::kInt).find("write 10") != std::string::npos);
  CHECK(AmbiguityHint("-007", NodeKind::kInt).find("write -7") != std::string::npos);
  CHECK(AmbiguityHint("0x1F", NodeKind::kInt).find("plain decimal") != std::string::npos);
  CHECK(AmbiguityHint("1:30", NodeKind::kInt).find("sexagesimal") != std::string::npos);
  CHECK(AmbiguityHint("hello", NodeKind::kInt).empty());
  CHECK(AmbiguityHint("yes", NodeKind::kString).empty());
}
