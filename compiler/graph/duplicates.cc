#include "compiler/graph/duplicates.h"

#include <algorithm>
#include <numeric>
#include <tuple>

namespace trigc::graph {

std::vector<DuplicateEdge> DuplicateEdges(const Graph& graph) {
  const std::vector<uint32_t> rank = NameRanks(graph);
  auto key = [&](uint32_t index) {
    const Edge& edge = graph.edges[index];
    return std::make_tuple(rank[edge.from], rank[edge.to], edge.condition);
  };
  std::vector<uint32_t> order(graph.edges.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(),
            [&](uint32_t a, uint32_t b) { return std::make_tuple(key(a), a) < std::make_tuple(key(b), b); });
  std::vector<DuplicateEdge> duplicates;
  size_t group_start = 0;
  for (size_t position = 1; position < order.size(); ++position) {
    if (key(order[position]) != key(order[group_start])) {
      group_start = position;
      continue;
    }
    duplicates.push_back({order[group_start], order[position]});
  }
  return duplicates;
}

}  // namespace trigc::graph
