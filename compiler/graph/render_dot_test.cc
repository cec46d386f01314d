#include "compiler/graph/render_dot.h"

#include <catch2/catch.hpp>

#include "compiler/graph/render_test_graph.h"

namespace trigc::graph {
namespace {

TEST_CASE("DOT of the sample graph is pinned", "[graph][render][dot]") {
  const std::string expected = R"(digraph trigc {
  rankdir=LR;
  node [shape=box, fontname="Helvetica"];
  edge [fontname="Helvetica", fontsize=10];
  "ingest" [label="ingest\ncron 0 6 * * * America/New_York"];
  "load" [label="load\ns3 bronze/sales/*.parquet\nfreshness warn 6h"];
  "alert" [label="alert"];
  "ingest" -> "load" [label="on_success", tooltip="pipelines/load/config.yaml:7:5"];
  "ingest" -> "alert" [label="on_failure +15m", tooltip="pipelines/alert/config.yaml:9:5", style=dashed, color=red, fontcolor=red];
  "load" -> "alert" [label="on_completion", tooltip="pipelines/alert/config.yaml:14:5", style=bold, color=blue, fontcolor=blue];
}
)";
  CHECK(RenderDot(testing::SampleGraph(), testing::SampleLabels(), testing::SampleLocations()) == expected);
}

TEST_CASE("DOT output does not depend on input order", "[graph][render][dot]") {
  const Graph graph = testing::SampleGraph();
  const std::string expected = RenderDot(graph, {}, {});
  CHECK(RenderDot(testing::Shuffled(graph, 7), {}, {}) == expected);
  CHECK(RenderDot(Graph{}, {}, {}) ==
        "digraph trigc {\n  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\"];\n"
        "  edge [fontname=\"Helvetica\", fontsize=10];\n}\n");
}

TEST_CASE("DOT draws a cycle's edges thick and dark red, keeping their line style", "[graph][render][dot]") {
  const Graph graph{{"a", "b"}, {{0, 1, Condition::kOnSuccess, 0, 0}, {1, 0, Condition::kOnFailure, 0, 1}}};
  const std::string dot = RenderDot(graph, {}, {}, FindCycleEdges(graph));
  CHECK(dot.find(
            R"("a" -> "b" [label="on_success, cycle", color="#b00000", fontcolor="#b00000", penwidth=3];)") !=
        std::string::npos);
  CHECK(dot.find(
            R"("b" -> "a" [label="on_failure, cycle", style=dashed, color="#b00000", fontcolor="#b00000", )"
            R"(penwidth=3];)") != std::string::npos);
  CHECK(RenderDot(graph, {}, {}).find("cycle") == std::string::npos);
}

TEST_CASE("DotQuote escapes quotes, backslashes, ampersands and control characters", "[graph][render][dot]") {
  CHECK(DotQuote("plain") == "\"plain\"");
  CHECK(DotQuote("a\"b") == R"("a\"b")");
  CHECK(DotQuote("a\\") == R"("a\\")");
  CHECK(DotQuote("\\N") == R"("\\N")");
  CHECK(DotQuote("x&lt;y") == R"("x&amp;lt;y")");
  CHECK(DotQuote("line\nbreak\r\t") ==
        "\"line\xEF\xBF\xBD"
        "break\xEF\xBF\xBD\xEF\xBF\xBD\"");
  CHECK(DotQuote("bad \xC3 end") == "\"bad \xEF\xBF\xBD end\"");
}

TEST_CASE("DotQuote splits long text into pieces Graphviz accepts", "[graph][render][dot]") {
  CHECK(DotQuote(std::string(4096, 'x')) == "\"" + std::string(4096, 'x') + "\"");
  CHECK(DotQuote(std::string(10000, 'x')) == "\"" + std::string(4096, 'x') + "\" + \"" +
                                                 std::string(4096, 'x') + "\" + \"" + std::string(1808, 'x') +
                                                 "\"");
  const std::string quotes =
      DotQuote("a" + std::string(3000, '"'));  // 1 + 2 * 2047 bytes fit the first piece
  CHECK(quotes.find("\" + \"") == 4096);
  CHECK(quotes.substr(4092, 4) == "\\\"\\\"");
  CHECK(quotes.substr(4096, 7) == "\" + \"\\\"");
  std::string euros = "xx";
  for (int i = 0; i < 2000; ++i) euros += "\xE2\x82\xAC";
  const std::string split = DotQuote(euros);
  CHECK(split.substr(1 + 2 + 1364 * 3, 5) == "\" + \"");  // 4094 bytes, then a whole character
}

TEST_CASE("DOT of hostile names and labels is pinned", "[graph][render][dot]") {
  const std::string expected = R"(digraph trigc {
  rankdir=LR;
  node [shape=box, fontname="Helvetica"];
  edge [fontname="Helvetica", fontsize=10];
  "a\"b\\" [label="a\"b\\\ns3 \"}\\\"];� digraph {\nbad � utf8"];
  "x�y]\"-->z" [label="x�y]\"-->z\n<script>alert(1)</script>"];
  "#quot;<b>&amp;amp;`md`" [label="#quot;<b>&amp;amp;`md`\n\\N \\G end"];
  "a\"b\\" -> "x�y]\"-->z" [label="on_success", tooltip="p/\"q\\\"/config.yaml:1:1"];
  "x�y]\"-->z" -> "#quot;<b>&amp;amp;`md`" [label="on_failure", tooltip="p/x&amp;y/config.yaml:2:3", style=dashed, color=red, fontcolor=red];
}
)";
  CHECK(RenderDot(testing::HostileGraph(), testing::HostileLabels(), testing::HostileLocations()) ==
        expected);
}

}  // namespace
}  // namespace trigc::graph
