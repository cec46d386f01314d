#include "compiler/emit/dagster/dagster_names.h"

#include <catch2/catch.hpp>

namespace trigc::emit::dagster {

TEST_CASE("IsDagsterName follows dagster's name rule", "[dagster]") {
  CHECK(IsDagsterName("bronze_sales_job"));
  CHECK(IsDagsterName("Job2"));
  CHECK_FALSE(IsDagsterName(""));
  CHECK_FALSE(IsDagsterName("sales/daily"));
  CHECK_FALSE(IsDagsterName("sales-daily"));
  CHECK_FALSE(IsDagsterName("caf\xC3\xA9"));
  CHECK_FALSE(IsDagsterName("config"));
  CHECK_FALSE(IsDagsterName("class"));
  CHECK_FALSE(IsDagsterName("None"));
}

TEST_CASE("PipelineModule keeps names and avoids keywords", "[dagster]") {
  model::Pipeline p;
  p.name.value = "sales";
  CHECK(PipelineModule(p) == "sales");
  p.name.value = "import";
  CHECK(PipelineModule(p) == "import_");
}

TEST_CASE("JobName prefers the dagster override", "[dagster]") {
  model::Pipeline p;
  p.target.value = "sales";
  CHECK(JobName(p).value == "sales");
  p.overrides[model::Target::kDagster].target = model::Value<std::string>("sales_job");
  CHECK(JobName(p).value == "sales_job");
}

}  // namespace trigc::emit::dagster
