#include "compiler/graph/cycles.h"

#include <catch2/catch.hpp>

#include "compiler/graph/test_graphs.h"

namespace trigc::graph {
namespace {

using testing::MakeGraph;
using testing::NamesOf;
using testing::Shuffled;

constexpr Condition kSuccess = Condition::kOnSuccess;
constexpr Condition kFailure = Condition::kOnFailure;
constexpr Condition kCompletion = Condition::kOnCompletion;

std::vector<std::string> Chains(const Graph& graph) {
  std::vector<std::string> chains;
  for (const Cycle& cycle : FindCycles(graph)) chains.push_back(FormatChain(graph, cycle));
  return chains;
}

/// The tags of every cycle's edges: equal for two orderings of one graph when the same edges are chosen.
std::vector<std::vector<uint32_t>> Tags(const Graph& graph) {
  std::vector<std::vector<uint32_t>> tags;
  for (const Cycle& cycle : FindCycles(graph)) {
    tags.emplace_back();
    for (uint32_t edge : cycle.edges) tags.back().push_back(graph.edges[edge].tag);
  }
  return tags;
}

TEST_CASE("an acyclic graph has no cycles", "[graph][cycles]") {
  const Graph graph = MakeGraph({"a", "b", "c"}, {{"a", "b"}, {"b", "c"}, {"a", "c"}});
  CHECK(FindCycles(graph).empty());
  CHECK(FindCycles(Graph{}).empty());
}

TEST_CASE("a self-loop is a cycle of one edge, flagged", "[graph][cycles]") {
  const Graph graph = MakeGraph({"a", "b"}, {{"a", "b"}, {"b", "b", kFailure}});
  const std::vector<Cycle> cycles = FindCycles(graph);
  REQUIRE(cycles.size() == 1);
  CHECK(cycles[0].self_loop);
  CHECK(cycles[0].edges == std::vector<uint32_t>{1});
  CHECK(NamesOf(graph, cycles[0].component) == std::vector<std::string>{"b"});
  CHECK(cycles[0].conditions.Only(kFailure));
  CHECK(FormatChain(graph, cycles[0]) == "b -> b");
}

TEST_CASE("a cycle of two starts at the name that sorts first", "[graph][cycles]") {
  const Graph graph = MakeGraph({"zeta", "alpha"}, {{"zeta", "alpha"}, {"alpha", "zeta"}});
  const std::vector<Cycle> cycles = FindCycles(graph);
  REQUIRE(cycles.size() == 1);
  CHECK_FALSE(cycles[0].self_loop);
  CHECK(cycles[0].edges == std::vector<uint32_t>{1, 0});
  CHECK(FormatChain(graph, cycles[0]) == "alpha -> zeta -> alpha");
  CHECK(NamesOf(graph, CycleNodes(graph, cycles[0])) == std::vector<std::string>{"alpha", "zeta", "alpha"});
}

TEST_CASE("FlowForge: adding d -> a to a -> b -> c -> d gives the whole chain", "[graph][cycles]") {
  Graph graph = MakeGraph({"A", "B", "C", "D"}, {{"A", "B"}, {"B", "C"}, {"C", "D"}});
  CHECK(FindCycles(graph).empty());
  graph.edges.push_back({3, 0, kSuccess, 0, 3});
  CHECK(Chains(graph) == std::vector<std::string>{"A -> B -> C -> D -> A"});
  CHECK(FindCycles(graph)[0].edges == std::vector<uint32_t>{0, 1, 2, 3});
}

TEST_CASE("a long cycle is reported whole and a shortcut gives the shortest", "[graph][cycles]") {
  std::vector<std::string> names;
  std::vector<testing::NamedEdge> edges;
  for (int i = 0; i < 50; ++i) names.push_back("p" + std::to_string(100 + i));
  for (int i = 0; i < 50; ++i) edges.push_back({names[i], names[(i + 1) % 50]});
  Graph graph = MakeGraph(names, edges);
  REQUIRE(FindCycles(graph).size() == 1);
  CHECK(FindCycles(graph)[0].edges.size() == 50);
  CHECK(FindCycles(graph)[0].component.size() == 50);
  graph.edges.push_back({testing::IndexOf(graph, "p103"), testing::IndexOf(graph, "p100"), kSuccess, 0, 50});
  CHECK(Chains(graph) == std::vector<std::string>{"p100 -> p101 -> p102 -> p103 -> p100"});
  CHECK(FindCycles(graph)[0].component.size() == 50);
}

TEST_CASE("two disjoint cycles are both reported, sorted by first name", "[graph][cycles]") {
  const Graph graph = MakeGraph({"x", "y", "m", "b", "a"},
                                {{"x", "y"}, {"y", "x"}, {"b", "a"}, {"a", "m"}, {"m", "b"}, {"m", "x"}});
  CHECK(Chains(graph) == std::vector<std::string>{"a -> m -> b -> a", "x -> y -> x"});
}

TEST_CASE("a loop of failure edges is a cycle and reports its conditions", "[graph][cycles]") {
  const Graph graph = MakeGraph({"a", "b", "c"}, {{"a", "b", kFailure}, {"b", "a", kFailure}, {"b", "c"}});
  const std::vector<Cycle> cycles = FindCycles(graph);
  REQUIRE(cycles.size() == 1);
  CHECK(cycles[0].conditions.Only(kFailure));
  CHECK_FALSE(cycles[0].conditions.Has(kSuccess));
  const Graph mixed = MakeGraph({"a", "b"}, {{"a", "b", kCompletion}, {"b", "a", kSuccess}});
  CHECK(FindCycles(mixed)[0].conditions.Has(kCompletion));
  CHECK(FindCycles(mixed)[0].conditions.Has(kSuccess));
  CHECK_FALSE(FindCycles(mixed)[0].conditions.Has(kFailure));
}

TEST_CASE("parallel edges do not confuse cycle detection", "[graph][cycles]") {
  const Graph graph = MakeGraph({"a", "b", "c"}, {{"a", "b", kFailure},
                                                  {"a", "b", kSuccess},
                                                  {"a", "b", kSuccess},
                                                  {"b", "c"},
                                                  {"b", "c"},
                                                  {"c", "a"},
                                                  {"c", "c"},
                                                  {"c", "c"}});
  const std::vector<Cycle> cycles = FindCycles(graph);
  REQUIRE(cycles.size() == 2);
  CHECK(FormatChain(graph, cycles[0]) == "a -> b -> c -> a");
  CHECK(cycles[0].edges == std::vector<uint32_t>{1, 3, 5});  // on_success sorts before on_failure
  CHECK(cycles[1].self_loop);
  CHECK(cycles[1].edges == std::vector<uint32_t>{6});
  CHECK(Chains(MakeGraph({"a", "b"}, {{"a", "b"}, {"a", "b"}})).empty());
}

TEST_CASE("a self-loop inside a larger component is reported besides its cycle", "[graph][cycles]") {
  const Graph graph = MakeGraph({"a", "b"}, {{"a", "a"}, {"a", "b"}, {"b", "a"}, {"b", "b"}});
  CHECK(Chains(graph) == std::vector<std::string>{"a -> a", "a -> b -> a", "b -> b"});
}

TEST_CASE("cycles do not depend on the order of names or edges", "[graph][cycles]") {
  const Graph graph = MakeGraph({"a", "b", "c", "d", "e", "f", "g"}, {{"a", "b"},
                                                                      {"b", "c"},
                                                                      {"c", "a"},
                                                                      {"b", "a", kFailure},
                                                                      {"c", "b"},
                                                                      {"d", "e"},
                                                                      {"e", "f"},
                                                                      {"f", "d"},
                                                                      {"f", "e"},
                                                                      {"g", "g"},
                                                                      {"a", "d"}});
  const std::vector<std::string> expected{"a -> b -> a", "d -> e -> f -> d", "g -> g"};
  REQUIRE(Chains(graph) == expected);
  for (uint32_t seed = 1; seed <= 20; ++seed) {
    const Graph shuffled = Shuffled(graph, seed);
    CHECK(Chains(shuffled) == expected);
    CHECK(Tags(shuffled) == Tags(graph));
  }
}

}  // namespace
}  // namespace trigc::graph
