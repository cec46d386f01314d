#include "compiler/emit/prefect/yaml_flow.h"

#include <catch2/catch.hpp>

namespace trigc::emit::prefect {

TEST_CASE("YamlFlow writes every kind of value", "[prefect]") {
  nlohmann::json value = nlohmann::json::parse(
      R"({"b": [1, -2, true, null, "x"], "a": {"q\"": "it's \\ {{"}, "f": 1.5, "g": 1e300})");
  CHECK(YamlFlow(value) ==
        R"({"a": {"q\"": "it's \\ {{"}, "b": [1, -2, true, null, "x"], "f": 1.5, "g": 1.0e+300})");
  CHECK(YamlFlow(nlohmann::json::object()) == "{}");
  CHECK(YamlFlow(nlohmann::json::array()) == "[]");
}

}  // namespace trigc::emit::prefect
