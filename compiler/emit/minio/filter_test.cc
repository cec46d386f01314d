#include "compiler/emit/minio/filter.h"

#include <catch2/catch.hpp>

namespace trigc::emit::minio {

TEST_CASE("minio: a glob with one star becomes prefix and suffix", "[minio]") {
  auto f = FilterFromGlob("in/", "*.csv");
  REQUIRE(f);
  CHECK(f->prefix == "in/");
  CHECK(f->suffix == ".csv");
  f = FilterFromGlob("in/", "orders_*.csv");
  REQUIRE(f);
  CHECK(f->prefix == "in/orders_");
  CHECK(f->suffix == ".csv");
  f = FilterFromGlob("in/", "day=*");
  REQUIRE(f);
  CHECK(f->prefix == "in/day=");
  CHECK(f->suffix.empty());
}

TEST_CASE("minio: no glob or a lone star watches the whole prefix", "[minio]") {
  for (const char* glob : {"", "*"}) {
    auto f = FilterFromGlob("bronze/sales/", glob);
    REQUIRE(f);
    CHECK(f->prefix == "bronze/sales/");
    CHECK(f->suffix.empty());
  }
}

TEST_CASE("minio: globs the filter cannot express", "[minio]") {
  for (const char* glob : {"*.c?v", "*.[ct]sv", "*.{csv,tsv}", "a*b*c", "exact.csv", "a\\*b"}) {
    CHECK_FALSE(FilterFromGlob("in/", glob));
  }
}

TEST_CASE("minio: filter values MinIO refuses", "[minio]") {
  CHECK(FilterValueProblem("in/").empty());
  CHECK(FilterValueProblem("it's 100% $(x) `y`.csv").empty());
  CHECK(FilterValueProblem("a\\b") == "it contains a backslash");
  CHECK(FilterValueProblem("a/../b") == "it has a '.' or '..' path segment");
  CHECK(FilterValueProblem("./a") == "it has a '.' or '..' path segment");
  CHECK(FilterValueProblem("a/.") == "it has a '.' or '..' path segment");
  CHECK(FilterValueProblem("a/.b/").empty());
  CHECK(FilterValueProblem("--config-dir=x") == "it starts with '-', which mc would read as a flag");
  CHECK(FilterValueProblem(std::string(1025, 'a')) == "it is longer than 1024 bytes");
}

}  // namespace trigc::emit::minio
