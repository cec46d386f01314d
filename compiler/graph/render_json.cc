#include "compiler/graph/render_json.h"

#include <nlohmann/json.hpp>

namespace trigc::graph {

std::string RenderJson(const Graph& graph, const NodeLabels& labels, const EdgeLocations& locations,
                       const CycleEdges& cycles) {
  using Json = nlohmann::ordered_json;
  const RenderOrder order = MakeRenderOrder(graph);
  Json nodes = Json::array();
  for (uint32_t node : order.nodes) {
    nodes.push_back({{"name", graph.names[node]}, {"labels", LabelLines(labels, node)}});
  }
  Json edges = Json::array();
  for (uint32_t index : order.edges) {
    const Edge& edge = graph.edges[index];
    edges.push_back({{"from", graph.names[edge.from]},
                     {"to", graph.names[edge.to]},
                     {"condition", ConditionName(edge.condition)},
                     {"delay_minutes", edge.delay_minutes},
                     {"location", LocationOf(locations, index)},
                     {"cycle", InCycle(cycles, index)}});
  }
  const Json document = {{"nodes", std::move(nodes)}, {"edges", std::move(edges)}};
  return document.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace trigc::graph
