#include "compiler/graph/adjacency.h"

#include <algorithm>
#include <numeric>
#include <tuple>

namespace trigc::graph {

bool CanonicalEdgeLess(const Graph& graph, const std::vector<uint32_t>& rank, uint32_t a, uint32_t b) {
  const Edge& x = graph.edges[a];
  const Edge& y = graph.edges[b];
  return std::make_tuple(rank[x.to], x.condition, x.delay_minutes, x.tag, a) <
         std::make_tuple(rank[y.to], y.condition, y.delay_minutes, y.tag, b);
}

Adjacency BuildAdjacency(const Graph& graph, const std::vector<uint32_t>& rank) {
  Adjacency adjacency;
  adjacency.begin.assign(graph.names.size() + 1, 0);
  for (const Edge& edge : graph.edges) ++adjacency.begin[edge.from + 1];
  std::partial_sum(adjacency.begin.begin(), adjacency.begin.end(), adjacency.begin.begin());
  adjacency.edges.resize(graph.edges.size());
  std::vector<uint32_t> next(adjacency.begin.begin(), adjacency.begin.end() - 1);
  for (uint32_t index = 0; index < graph.edges.size(); ++index) {
    adjacency.edges[next[graph.edges[index].from]++] = index;
  }
  for (uint32_t node = 0; node < graph.names.size(); ++node) {
    std::sort(adjacency.edges.begin() + adjacency.begin[node],
              adjacency.edges.begin() + adjacency.begin[node + 1],
              [&](uint32_t a, uint32_t b) { return CanonicalEdgeLess(graph, rank, a, b); });
  }
  return adjacency;
}

}  // namespace trigc::graph
