#include "compiler/graph/render_mermaid.h"

#include <catch2/catch.hpp>

#include "compiler/graph/render_test_graph.h"

namespace trigc::graph {
namespace {

TEST_CASE("Mermaid of the sample graph is pinned", "[graph][render][mermaid]") {
  const std::string expected = R"(flowchart LR
  n0["ingest<br/>cron 0 6 * * * America/New_York"]
  n1["load<br/>s3 bronze/sales/*.parquet<br/>freshness warn 6h"]
  n2["alert"]
  n0 -->|"on_success"| n1
  n0 -.->|"on_failure +15m"| n2
  n1 ==>|"on_completion"| n2
)";
  CHECK(RenderMermaid(testing::SampleGraph(), testing::SampleLabels(), testing::SampleLocations()) ==
        expected);
}

TEST_CASE("Mermaid output does not depend on input order", "[graph][render][mermaid]") {
  const Graph graph = testing::SampleGraph();
  CHECK(RenderMermaid(testing::Shuffled(graph, 3), {}, {}) == RenderMermaid(graph, {}, {}));
  CHECK(RenderMermaid(Graph{}, {}, {}) == "flowchart LR\n");
}

TEST_CASE("Mermaid marks the links of a cycle", "[graph][render][mermaid]") {
  const Graph graph{{"a", "b", "c"},
                    {{0, 1, Condition::kOnSuccess, 0, 0},
                     {1, 0, Condition::kOnFailure, 0, 1},
                     {0, 2, Condition::kOnSuccess, 0, 2}}};
  const std::string expected = R"(flowchart LR
  n0["a"]
  n1["b"]
  n2["c"]
  n0 -->|"on_success, cycle"| n1
  n0 -->|"on_success"| n2
  n1 -.->|"on_failure, cycle"| n0
  linkStyle 0,2 stroke:#b00000,stroke-width:3px
)";
  CHECK(RenderMermaid(graph, {}, {}, FindCycleEdges(graph)) == expected);
}

TEST_CASE("MermaidEscape writes entity codes for markup characters", "[graph][render][mermaid]") {
  CHECK(MermaidEscape("plain name_1") == "plain name_1");
  CHECK(MermaidEscape("say \"hi\"") == "say #quot;hi#quot;");
  CHECK(MermaidEscape("#quot;") == "#35;quot;");
  CHECK(MermaidEscape("<b>&") == "#lt;b#gt;#amp;");
  CHECK(MermaidEscape("`md`") == "#96;md#96;");
  CHECK(MermaidEscape("a\\") == "a#92;");
  CHECK(MermaidEscape("classDef x fill:#f00;") == "classDef x fill#58;#35;f00;");
  CHECK(MermaidEscape("a\nb") ==
        "a\xEF\xBF\xBD"
        "b");
}

TEST_CASE("Mermaid of hostile names and labels is pinned", "[graph][render][mermaid]") {
  const std::string expected = R"(flowchart LR
  n0["a#quot;b#92;<br/>s3 #quot;}#92;#quot;];� digraph {<br/>bad � utf8"]
  n1["x�y]#quot;--#gt;z<br/>#lt;script#gt;alert(1)#lt;/script#gt;"]
  n2["#35;quot;#lt;b#gt;#amp;amp;#96;md#96;<br/>#92;N #92;G end"]
  n0 -->|"on_success"| n1
  n1 -.->|"on_failure"| n2
)";
  CHECK(RenderMermaid(testing::HostileGraph(), testing::HostileLabels(), testing::HostileLocations()) ==
        expected);
}

}  // namespace
}  // namespace trigc::graph
