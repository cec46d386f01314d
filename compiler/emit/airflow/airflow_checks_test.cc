#include "compiler/emit/airflow/airflow_checks.h"

#include <catch2/catch.hpp>

namespace trigc::emit::airflow {

TEST_CASE("airflow dag ids") {
  CHECK(IsDagId("sales.daily-v2_x"));
  CHECK_FALSE(IsDagId(""));
  CHECK_FALSE(IsDagId("sales daily"));
  CHECK_FALSE(IsDagId("caf\xc3\xa9"));
  CHECK(IsDagId(std::string(250, 'a')));
  CHECK_FALSE(IsDagId(std::string(251, 'a')));
}

TEST_CASE("airflow target dag and params") {
  model::Pipeline p;
  p.target.value = "sales";
  CHECK(TargetDag(p).value == "sales");
  p.overrides[model::Target::kAirflow].target = model::Value<std::string>("sales_dag");
  CHECK(TargetDag(p).value == "sales_dag");
  p.params = {{"a", 1}, {"b", 2}};
  model::Trigger t;
  t.params = {{"b", 3}};
  CHECK(ParamsOf(p, &t) == nlohmann::json({{"a", 1}, {"b", 3}}));
  CHECK(ParamsOf(p, nullptr) == p.params);
}

}  // namespace trigc::emit::airflow
