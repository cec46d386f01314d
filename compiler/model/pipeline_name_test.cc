#include "compiler/model/pipeline_name.h"

#include <catch2/catch.hpp>

namespace trigc::model {
namespace {

TEST_CASE("SuggestPipelineName makes the folder name a valid name", "[pipeline_name]") {
  CHECK(SuggestPipelineName("Bronze-Sales", {}) == "bronze_sales");
  CHECK(SuggestPipelineName("2024 report", {}) == "p_2024_report");
  CHECK(SuggestPipelineName("caf\xc3\xa9", {}) == "caf__");
  CHECK(SuggestPipelineName(std::string(80, 'A'), {}) == std::string(63, 'a'));
}

TEST_CASE("SuggestPipelineName proposes only a name no other pipeline has", "[pipeline_name]") {
  CHECK(SuggestPipelineName("Bronze-Sales", {"bronze_sales"}) == "bronze_sales_2");
  CHECK(SuggestPipelineName("Bronze-Sales", {"bronze_sales", "bronze_sales_2"}) == "bronze_sales_3");
  std::string long_name(63, 'a');
  CHECK(SuggestPipelineName(std::string(70, 'A'), {long_name}) == std::string(61, 'a') + "_2");
  std::set<std::string> all = {"x"};
  for (int n = 2; n < 100; ++n) all.insert("x_" + std::to_string(n));
  CHECK(SuggestPipelineName("X", all) == std::nullopt);
}

}  // namespace
}  // namespace trigc::model
