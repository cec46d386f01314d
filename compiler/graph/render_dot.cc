#include "compiler/graph/render_dot.h"

#include <algorithm>

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

/// Appends `text` to `out` as the inside of a DOT quoted string (see DotQuote).
void AppendEscaped(std::string& out, std::string_view text) {
  const bool plain = std::all_of(text.begin(), text.end(), [](char c) {
    return c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '&';
  });
  if (plain) {
    out += text;
    return;
  }
  for (char c : CleanText(text)) {
    if (c == '&') {
      out += "&amp;";
      continue;
    }
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
}

void AppendQuoted(std::string& out, std::string_view text) {
  out += '"';
  AppendEscaped(out, text);
  out += '"';
}

void AppendNode(std::string& out, const Graph& graph, const NodeLabels& labels, uint32_t node) {
  out += "  ";
  AppendQuoted(out, graph.names[node]);
  out += " [label=\"";
  AppendEscaped(out, graph.names[node]);
  for (const std::string& line : LabelLines(labels, node)) {
    out += "\\n";
    AppendEscaped(out, line);
  }
  out += "\"];\n";
}

void AppendEdge(std::string& out, const Graph& graph, const EdgeLocations& locations, uint32_t index) {
  const Edge& edge = graph.edges[index];
  out += "  ";
  AppendQuoted(out, graph.names[edge.from]);
  out += " -> ";
  AppendQuoted(out, graph.names[edge.to]);
  out += " [label=";
  AppendQuoted(out, EdgeLabel(edge));
  const std::string_view location = LocationOf(locations, index);
  if (!location.empty()) {
    out += ", tooltip=";
    AppendQuoted(out, location);
  }
  out += EdgeStyle(edge.condition);
  out += "];\n";
}

}  // namespace

std::string DotQuote(std::string_view text) {
  std::string quoted;
  AppendQuoted(quoted, text);
  return quoted;
}

std::string RenderDot(const Graph& graph, const NodeLabels& labels, const EdgeLocations& locations) {
  const RenderOrder order = MakeRenderOrder(graph);
  std::string dot = "digraph trigc {\n  rankdir=LR;\n";
  dot += "  node [shape=box, fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n";
  for (uint32_t node : order.nodes) AppendNode(dot, graph, labels, node);
  for (uint32_t edge : order.edges) AppendEdge(dot, graph, locations, edge);
  return dot + "}\n";
}

}  // namespace trigc::graph
