#include "compiler/graph/graph.h"

#include <catch2/catch.hpp>

#include "compiler/graph/test_graphs.h"

namespace trigc::graph {
namespace {

TEST_CASE("conditions are spelled as in config.yaml", "[graph]") {
  CHECK(ConditionName(Condition::kOnSuccess) == "on_success");
  CHECK(ConditionName(Condition::kOnFailure) == "on_failure");
  CHECK(ConditionName(Condition::kOnCompletion) == "on_completion");
}

TEST_CASE("a graph is well formed when every endpoint names a node", "[graph]") {
  Graph graph = testing::MakeGraph({"a", "b"}, {{"a", "b"}});
  CHECK(IsWellFormed(graph));
  CHECK(IsWellFormed(Graph{}));
  graph.edges.push_back({0, 2, Condition::kOnSuccess, 0, 1});
  CHECK_FALSE(IsWellFormed(graph));
  graph.edges.back() = {7, 0, Condition::kOnSuccess, 0, 1};
  CHECK_FALSE(IsWellFormed(graph));
}

TEST_CASE("name ranks sort bytewise", "[graph]") {
  const Graph graph = testing::MakeGraph({"b", "B", "a_2", "a10", "caf\xC3\xA9"}, {});
  CHECK(NameRanks(graph) == std::vector<uint32_t>{3, 0, 2, 1, 4});
}

}  // namespace
}  // namespace trigc::graph
