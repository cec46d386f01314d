#include "compiler/graph/render_dot.h"

namespace trigc::graph {
namespace {

/// Extra attributes that draw an edge of the given condition.
std::string_view EdgeStyle(Condition condition) {
  switch (condition) {
    case Condition::kOnSuccess:
      return "";
    case Condition::kOnFailure:
      return ", style=dashed, color=red, fontcolor=red";
    case Condition::kOnCompletion:
      return ", style=bold, color=blue, fontcolor=blue";
  }
  return "";
}

std::string NodeLine(const Graph& graph, const NodeLabels& labels, uint32_t node) {
  std::string label = DotQuote(graph.names[node]);
  for (const std::string& line : LabelLines(labels, node)) {
    label.pop_back();  // reopen the quoted string to append one more line
    label += "\\n" + DotQuote(line).substr(1);
  }
  return "  " + DotQuote(graph.names[node]) + " [label=" + label + "];\n";
}

std::string EdgeLine(const Graph& graph, const EdgeLocations& locations, uint32_t index) {
  const Edge& edge = graph.edges[index];
  std::string line = "  " + DotQuote(graph.names[edge.from]) + " -> " + DotQuote(graph.names[edge.to]);
  line += " [label=" + DotQuote(EdgeLabel(edge));
  const std::string_view location = LocationOf(locations, index);
  if (!location.empty()) line += ", tooltip=" + DotQuote(location);
  line += EdgeStyle(edge.condition);
  return line + "];\n";
}

}  // namespace

std::string DotQuote(std::string_view text) {
  std::string quoted = "\"";
  for (char c : CleanText(text)) {
    if (c == '"' || c == '\\') quoted += '\\';
    if (c == '&') {
      quoted += "&amp;";
      continue;
    }
    quoted += c;
  }
  return quoted + "\"";
}

std::string RenderDot(const Graph& graph, const NodeLabels& labels, const EdgeLocations& locations) {
  const RenderOrder order = MakeRenderOrder(graph);
  std::string dot = "digraph trigc {\n  rankdir=LR;\n";
  dot += "  node [shape=box, fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n";
  for (uint32_t node : order.nodes) dot += NodeLine(graph, labels, node);
  for (uint32_t edge : order.edges) dot += EdgeLine(graph, locations, edge);
  return dot + "}\n";
}

}  // namespace trigc::graph
