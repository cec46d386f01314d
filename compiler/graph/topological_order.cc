#include "compiler/graph/topological_order.h"

#include <functional>
#include <queue>

#include "compiler/graph/adjacency.h"

namespace trigc::graph {

std::vector<uint32_t> TopologicalOrder(const Graph& graph) {
  const size_t node_count = graph.names.size();
  const std::vector<uint32_t> rank = NameRanks(graph);
  const Adjacency adjacency = BuildAdjacency(graph, rank);
  std::vector<uint32_t> by_rank(node_count);
  std::vector<uint32_t> in_degree(node_count, 0);
  for (uint32_t node = 0; node < node_count; ++node) by_rank[rank[node]] = node;
  for (const Edge& edge : graph.edges) ++in_degree[edge.to];
  std::priority_queue<uint32_t, std::vector<uint32_t>, std::greater<uint32_t>> ready;  // ranks
  for (uint32_t node = 0; node < node_count; ++node) {
    if (in_degree[node] == 0) ready.push(rank[node]);
  }
  std::vector<uint32_t> order;
  order.reserve(node_count);
  std::vector<bool> placed(node_count, false);
  while (!ready.empty()) {
    const uint32_t node = by_rank[ready.top()];
    ready.pop();
    order.push_back(node);
    placed[node] = true;
    for (const uint32_t* slot = adjacency.Begin(node); slot != adjacency.End(node); ++slot) {
      const uint32_t target = graph.edges[*slot].to;
      if (--in_degree[target] == 0) ready.push(rank[target]);
    }
  }
  for (uint32_t node : by_rank) {
    if (!placed[node]) order.push_back(node);
  }
  return order;
}

}  // namespace trigc::graph
