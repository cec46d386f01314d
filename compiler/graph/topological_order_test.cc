#include "compiler/graph/topological_order.h"

#include <catch2/catch.hpp>

#include "compiler/graph/test_graphs.h"

namespace trigc::graph {
namespace {

using testing::MakeGraph;
using testing::NamesOf;
using Names = std::vector<std::string>;

Names Order(const Graph& graph) { return NamesOf(graph, TopologicalOrder(graph)); }

TEST_CASE("upstream comes first, ties by name", "[graph][order]") {
  const Graph graph = MakeGraph({"report", "clean", "ingest", "audit", "alert"},
                                {{"ingest", "clean"}, {"clean", "report"}, {"ingest", "audit"}});
  CHECK(Order(graph) == Names{"alert", "ingest", "audit", "clean", "report"});
  CHECK(TopologicalOrder(Graph{}).empty());
}

TEST_CASE("nodes in or below a cycle are appended in name order", "[graph][order]") {
  const Graph graph = MakeGraph({"e", "d", "c", "b", "a", "z"},
                                {{"a", "b"}, {"b", "c"}, {"c", "b"}, {"c", "d"}, {"e", "e"}, {"z", "a"}});
  CHECK(Order(graph) == Names{"z", "a", "b", "c", "d", "e"});
}

TEST_CASE("parallel edges are counted once per edge", "[graph][order]") {
  const Graph graph = MakeGraph({"b", "a"}, {{"a", "b"}, {"a", "b"}, {"a", "b", Condition::kOnFailure}});
  CHECK(Order(graph) == Names{"a", "b"});
}

TEST_CASE("the order does not depend on the order of names or edges", "[graph][order]") {
  const Graph graph = MakeGraph(
      {"a", "b", "c", "d", "e", "f", "g", "h"},
      {{"h", "a"}, {"g", "b"}, {"b", "a"}, {"c", "d"}, {"d", "e"}, {"e", "c"}, {"f", "g"}, {"a", "c"}});
  const Names expected = Order(graph);
  CHECK(expected == Names{"f", "g", "b", "h", "a", "c", "d", "e"});
  for (uint32_t seed = 1; seed <= 20; ++seed) CHECK(Order(testing::Shuffled(graph, seed)) == expected);
}

}  // namespace
}  // namespace trigc::graph
