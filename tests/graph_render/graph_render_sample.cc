// Writes the DOT and Mermaid renderings of a sample dependency graph, with hostile pipeline names,
// label lines and locations, into the folder given as the only argument (graph.dot, graph.mmd).
#include <fstream>
#include <iostream>
#include <string>

#include "compiler/graph/render_dot.h"
#include "compiler/graph/render_mermaid.h"

namespace {

using trigc::graph::Condition;
using trigc::graph::Graph;

/// Text longer than Graphviz's 16 KiB limit for one quoted string, with characters that need escapes.
std::string LongText(size_t size) {
  std::string text;
  while (text.size() < size) text += "long \"quoted\" \\ caf\xC3\xA9 & more ";
  return text;
}

/// ingest -> clean -> report, failure and completion edges, a cycle, and names that try to escape.
Graph SampleGraph() {
  Graph graph;
  graph.names = {"ingest",
                 "clean",
                 "report",
                 "alert \"ops\" \\ team",
                 "a\nb -->|x| c]",
                 "&lt;tag&gt; #quot; `md`",
                 "node",
                 "edge",
                 "loop_a",
                 "loop_b",
                 "caf\xC3\xA9 \xF0\x9F\x93\x8A",
                 "bad \xFF\xFE utf8",
                 LongText(20000)};
  graph.edges = {{0, 1, Condition::kOnSuccess, 0, 0},    {1, 2, Condition::kOnSuccess, 5, 1},
                 {0, 3, Condition::kOnFailure, 15, 2},   {1, 3, Condition::kOnFailure, 0, 3},
                 {2, 4, Condition::kOnCompletion, 0, 4}, {4, 5, Condition::kOnSuccess, 0, 5},
                 {6, 7, Condition::kOnSuccess, 0, 6},    {8, 9, Condition::kOnSuccess, 0, 7},
                 {9, 8, Condition::kOnFailure, 1440, 8}, {10, 11, Condition::kOnCompletion, 30, 9},
                 {11, 11, Condition::kOnSuccess, 0, 10}, {0, 1, Condition::kOnSuccess, 0, 11},
                 {12, 0, Condition::kOnSuccess, 0, 12}};
  return graph;
}

trigc::graph::NodeLabels SampleLabels() {
  return {{"cron 0 6 * * * America/New_York", "s3 bronze/sales/*.parquet"},
          {"freshness warn 6h", "webhook /webhooks/clean?x=\"1\"&y=<2>"},
          {"file_watch /data/in/**/*.csv"},
          {"label with \\N \\G \\E \\L escapes", "ends with backslash \\"},
          {"}; digraph evil { x -> y; }", "line\nbreak\r\ttab"},
          {"<script>alert('x')</script>", "subgraph cluster_x { }"},
          {},
          {"--> -.-> ==> |\"|"},
          {"%% not a comment", "classDef x fill:#f00"},
          {"click n0 call alert()"},
          {"\xE2\x80\xAE reversed",
           "nul\x01"
           "ctl\x7F"},
          {"\xC0\xAF overlong"},
          {LongText(50000), std::string(9000, '"') + std::string(9000, '\\')}};
}

trigc::graph::EdgeLocations SampleLocations() {
  return {"pipelines/clean/config.yaml:7:5", "pipelines/report/config.yaml:9:5",
          "pipelines/\"q\"/config.yaml:1:1", "pipelines/a\\b/config.yaml:2:2",
          "pipelines/x&y/config.yaml:3:3",   "pipelines/<t>/config.yaml:4:4"};
}

bool WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  return static_cast<bool>(out);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: graph_render_sample OUT_DIR\n";
    return 2;
  }
  const std::string dir = argv[1];
  const Graph graph = SampleGraph();
  const trigc::graph::CycleEdges cycles = trigc::graph::FindCycleEdges(graph);
  const bool ok = WriteFile(dir + "/graph.dot",
                            trigc::graph::RenderDot(graph, SampleLabels(), SampleLocations(), cycles)) &&
                  WriteFile(dir + "/graph.mmd",
                            trigc::graph::RenderMermaid(graph, SampleLabels(), SampleLocations(), cycles));
  if (!ok) std::cerr << "graph_render_sample: cannot write into " << dir << "\n";
  return ok ? 0 : 1;
}
