#include "compiler/graph/render_json.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "compiler/graph/render_test_graph.h"

namespace trigc::graph {
namespace {

TEST_CASE("JSON of the sample graph is pinned", "[graph][render][json]") {
  const std::string expected = R"({
  "nodes": [
    {
      "name": "ingest",
      "labels": [
        "cron 0 6 * * * America/New_York"
      ]
    },
    {
      "name": "load",
      "labels": [
        "s3 bronze/sales/*.parquet",
        "freshness warn 6h"
      ]
    },
    {
      "name": "alert",
      "labels": []
    }
  ],
  "edges": [
    {
      "from": "ingest",
      "to": "load",
      "condition": "on_success",
      "delay_minutes": 0,
      "location": "pipelines/load/config.yaml:7:5",
      "cycle": false
    },
    {
      "from": "ingest",
      "to": "alert",
      "condition": "on_failure",
      "delay_minutes": 15,
      "location": "pipelines/alert/config.yaml:9:5",
      "cycle": false
    },
    {
      "from": "load",
      "to": "alert",
      "condition": "on_completion",
      "delay_minutes": 0,
      "location": "pipelines/alert/config.yaml:14:5",
      "cycle": false
    }
  ]
}
)";
  CHECK(RenderJson(testing::SampleGraph(), testing::SampleLabels(), testing::SampleLocations()) == expected);
}

TEST_CASE("JSON of hostile names round-trips, invalid UTF-8 replaced", "[graph][render][json]") {
  const Graph graph = testing::HostileGraph();
  const nlohmann::json document =
      nlohmann::json::parse(RenderJson(graph, testing::HostileLabels(), testing::HostileLocations()));
  CHECK(document["nodes"][0]["name"] == graph.names[0]);
  CHECK(document["nodes"][0]["labels"][0] == testing::HostileLabels()[0][0]);
  CHECK(document["nodes"][0]["labels"][1] == "bad \xEF\xBF\xBD utf8");
  CHECK(document["edges"][1]["from"] == "x\ny]\"-->z");
  CHECK(document["edges"][1]["condition"] == "on_failure");
  CHECK(document["edges"][0]["location"] == testing::HostileLocations()[0]);
}

TEST_CASE("JSON without labels or locations", "[graph][render][json]") {
  const Graph graph = testing::MakeGraph({"b", "a"}, {{"a", "b"}});
  CHECK(RenderJson(graph, {}, {}) == R"({
  "nodes": [
    {
      "name": "a",
      "labels": []
    },
    {
      "name": "b",
      "labels": []
    }
  ],
  "edges": [
    {
      "from": "a",
      "to": "b",
      "condition": "on_success",
      "delay_minutes": 0,
      "location": "",
      "cycle": false
    }
  ]
}
)");
}

}  // namespace
}  // namespace trigc::graph
