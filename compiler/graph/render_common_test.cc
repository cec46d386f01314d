#include "compiler/graph/render_common.h"

#include <catch2/catch.hpp>

#include "compiler/graph/test_graphs.h"

namespace trigc::graph {
namespace {

const std::string kReplacement = "\xEF\xBF\xBD";

TEST_CASE("CleanText keeps valid UTF-8 and replaces the rest", "[graph][render]") {
  CHECK(CleanText("plain ascii") == "plain ascii");
  CHECK(CleanText("caf\xC3\xA9 \xF0\x9F\x93\x8A \xE2\x82\xAC") ==
        "caf\xC3\xA9 \xF0\x9F\x93\x8A \xE2\x82\xAC");
  CHECK(CleanText("a\nb\tc\x7F") == "a" + kReplacement + "b" + kReplacement + "c" + kReplacement);
  CHECK(CleanText(std::string("nul\0end", 7)) == "nul" + kReplacement + "end");
  CHECK(CleanText("\xFF\xFE") == kReplacement + kReplacement);
  CHECK(CleanText("\xC0\xAF") == kReplacement + kReplacement);                     // overlong '/'
  CHECK(CleanText("\xED\xA0\x80") == kReplacement + kReplacement + kReplacement);  // surrogate
  CHECK(CleanText("\xF4\x90\x80\x80").size() == 4 * kReplacement.size());          // above U+10FFFF
  CHECK(CleanText("cut \xE2\x82") == "cut " + kReplacement + kReplacement);
  CHECK(CleanText("\xC2\x85"
                  "c1") == kReplacement + "c1");
  CHECK(CleanText("\xE2\x80\xAE"
                  "evil\xE2\x81\xA6") == kReplacement + "evil" + kReplacement);
  CHECK(CleanText("\xE2\x80\x94 dash") == "\xE2\x80\x94 dash");
}

TEST_CASE("FindCycleEdges marks the edges of every reported cycle and nothing else", "[graph][render]") {
  // a <-> b is a cycle, b -> c leaves it, c -> c is a self-loop.
  const Graph graph{{"a", "b", "c"},
                    {{0, 1, Condition::kOnSuccess, 0, 0},
                     {1, 0, Condition::kOnSuccess, 0, 1},
                     {1, 2, Condition::kOnSuccess, 0, 2},
                     {2, 2, Condition::kOnFailure, 0, 3}}};
  CHECK(FindCycleEdges(graph) == CycleEdges{true, true, false, true});
  CHECK_FALSE(InCycle({}, 0));
  CHECK_FALSE(InCycle(CycleEdges{true}, 1));
}

TEST_CASE("edge labels show the condition and any delay", "[graph][render]") {
  CHECK(EdgeLabel({0, 1, Condition::kOnSuccess, 0, 0}) == "on_success");
  CHECK(EdgeLabel({0, 1, Condition::kOnFailure, 15, 0}) == "on_failure +15m");
  CHECK(EdgeLabel({0, 1, Condition::kOnCompletion, 1440, 0}) == "on_completion +1440m");
}

TEST_CASE("render order lists edges by upstream then downstream position", "[graph][render]") {
  const Graph graph = testing::MakeGraph(
      {"c", "b", "a"}, {{"b", "c"}, {"a", "c", Condition::kOnFailure}, {"a", "c"}, {"a", "b"}});
  const RenderOrder order = MakeRenderOrder(graph);
  CHECK(testing::NamesOf(graph, order.nodes) == std::vector<std::string>{"a", "b", "c"});
  CHECK(order.edges == std::vector<uint32_t>{3, 2, 1, 0});
  CHECK(LocationOf({"x"}, 1).empty());
  CHECK(LabelLines({}, 0).empty());
}

}  // namespace
}  // namespace trigc::graph
