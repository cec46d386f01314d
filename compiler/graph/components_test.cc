#include "compiler/graph/components.h"

#include <catch2/catch.hpp>

#include "compiler/graph/cycles.h"
#include "compiler/graph/test_graphs.h"
#include "compiler/graph/topological_order.h"

namespace trigc::graph {
namespace {

Components ComponentsOf(const Graph& graph) {
  const std::vector<uint32_t> rank = NameRanks(graph);
  return FindComponents(graph, BuildAdjacency(graph, rank), rank);
}

TEST_CASE("components group mutually reachable nodes, sinks first", "[graph][components]") {
  const Graph graph = testing::MakeGraph(
      {"a", "b", "c", "d", "e"}, {{"a", "b"}, {"b", "a"}, {"b", "c"}, {"c", "d"}, {"d", "c"}, {"e", "e"}});
  const Components components = ComponentsOf(graph);
  const std::vector<uint32_t>& of = components.component_of;
  CHECK(components.count == 3);
  CHECK(of[0] == of[1]);
  CHECK(of[2] == of[3]);
  CHECK(of[0] != of[2]);
  CHECK(of[2] < of[0]);  // {c, d} is downstream of {a, b}
}

TEST_CASE("a chain of 100,000 pipelines needs no recursion", "[graph][components]") {
  constexpr uint32_t kLength = 100000;
  Graph graph;
  for (uint32_t i = 0; i < kLength; ++i) graph.names.push_back("p" + std::to_string(kLength + i));
  for (uint32_t i = 0; i + 1 < kLength; ++i) graph.edges.push_back({i, i + 1, Condition::kOnSuccess, 0, i});
  CHECK(ComponentsOf(graph).count == kLength);
  CHECK(FindCycles(graph).empty());
  CHECK(TopologicalOrder(graph).back() == kLength - 1);
  graph.edges.push_back({kLength - 1, 0, Condition::kOnFailure, 0, kLength});
  const std::vector<Cycle> cycles = FindCycles(graph);
  REQUIRE(cycles.size() == 1);
  CHECK(cycles[0].edges.size() == kLength);
  CHECK(cycles[0].edges.back() == kLength - 1);
}

}  // namespace
}  // namespace trigc::graph
