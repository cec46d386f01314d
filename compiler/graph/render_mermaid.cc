#include "compiler/graph/render_mermaid.h"

namespace trigc::graph {
namespace {

/// The Mermaid link arrow for a condition.
std::string_view Arrow(Condition condition) {
  switch (condition) {
    case Condition::kOnSuccess:
      return "-->";
    case Condition::kOnFailure:
      return "-.->";
    case Condition::kOnCompletion:
      return "==>";
  }
  return "-->";
}

/// The entity code for a character that must not appear raw in a label, or "" for any other.
std::string_view EntityFor(char c) {
  switch (c) {
    case '"':
      return "#quot;";
    case '#':
      return "#35;";
    case '&':
      return "#amp;";
    case '<':
      return "#lt;";
    case '>':
      return "#gt;";
    case '`':
      return "#96;";
    case '\\':
      return "#92;";
    case ':':
      return "#58;";  // Mermaid drops a ';' after "style ...:...#" or "classDef ...:...#"
    default:
      return "";
  }
}

std::string NodeId(uint32_t position) { return "n" + std::to_string(position); }

}  // namespace

std::string MermaidEscape(std::string_view text) {
  std::string escaped;
  for (char c : CleanText(text)) {
    const std::string_view entity = EntityFor(c);
    if (entity.empty()) {
      escaped += c;
    } else {
      escaped += entity;
    }
  }
  return escaped;
}

std::string RenderMermaid(const Graph& graph, const NodeLabels& labels, const EdgeLocations& /*locations*/,
                          const CycleEdges& cycles) {
  const RenderOrder order = MakeRenderOrder(graph);
  std::string text = "flowchart LR\n";
  for (uint32_t position = 0; position < order.nodes.size(); ++position) {
    const uint32_t node = order.nodes[position];
    std::string label = MermaidEscape(graph.names[node]);
    for (const std::string& line : LabelLines(labels, node)) label += "<br/>" + MermaidEscape(line);
    text += "  " + NodeId(position) + "[\"" + label + "\"]\n";
  }
  std::string cycle_links;  // Mermaid numbers links in the order they are written
  for (uint32_t link = 0; link < order.edges.size(); ++link) {
    const uint32_t index = order.edges[link];
    const Edge& edge = graph.edges[index];
    const bool in_cycle = InCycle(cycles, index);
    text += "  " + NodeId(order.position[edge.from]) + " " + std::string(Arrow(edge.condition)) + "|\"" +
            MermaidEscape(in_cycle ? EdgeLabel(edge) + ", cycle" : EdgeLabel(edge)) + "\"| " +
            NodeId(order.position[edge.to]) + "\n";
    if (in_cycle) cycle_links += (cycle_links.empty() ? "" : ",") + std::to_string(link);
  }
  if (!cycle_links.empty()) text += "  linkStyle " + cycle_links + " stroke:#b00000,stroke-width:3px\n";
  return text;
}

}  // namespace trigc::graph
