#include "compiler/graph/duplicates.h"

#include <catch2/catch.hpp>

#include "compiler/graph/test_graphs.h"

namespace trigc::graph {
namespace {

using testing::MakeGraph;

TEST_CASE("edges with the same upstream, pipeline and condition are duplicates", "[graph][duplicates]") {
  const Graph graph = MakeGraph({"b", "a", "c"}, {{"b", "c"},
                                                  {"a", "b"},
                                                  {"a", "b", Condition::kOnFailure},
                                                  {"a", "b", Condition::kOnSuccess, 15},
                                                  {"b", "c"},
                                                  {"a", "b"}});
  const std::vector<DuplicateEdge> duplicates = DuplicateEdges(graph);
  REQUIRE(duplicates.size() == 3);
  CHECK(duplicates[0].first == 1);
  CHECK(duplicates[0].duplicate == 3);
  CHECK(duplicates[1].first == 1);
  CHECK(duplicates[1].duplicate == 5);
  CHECK(duplicates[2].first == 0);
  CHECK(duplicates[2].duplicate == 4);
}

TEST_CASE("different conditions or directions are not duplicates", "[graph][duplicates]") {
  const Graph graph = MakeGraph({"a", "b"}, {{"a", "b"},
                                             {"a", "b", Condition::kOnFailure},
                                             {"a", "b", Condition::kOnCompletion},
                                             {"b", "a"},
                                             {"a", "a"}});
  CHECK(DuplicateEdges(graph).empty());
  CHECK(DuplicateEdges(Graph{}).empty());
}

}  // namespace
}  // namespace trigc::graph
