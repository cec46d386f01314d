#include "compiler/graph/duplicates.h"

#include <algorithm>

#include "compiler/graph/adjacency.h"

namespace trigc::graph {
namespace {

/// True when two edges have the same from, to and condition.
bool SameTrigger(const Edge& a, const Edge& b) {
  return a.from == b.from && a.to == b.to && a.condition == b.condition;
}

/// Appends the duplicates of one group of equal edges: the lowest index is the first occurrence.
void AddGroup(std::vector<uint32_t>& group, std::vector<DuplicateEdge>& duplicates) {
  std::sort(group.begin(), group.end());
  for (size_t i = 1; i < group.size(); ++i) duplicates.push_back({group[0], group[i]});
}

}  // namespace

std::vector<DuplicateEdge> DuplicateEdges(const Graph& graph) {
  const std::vector<uint32_t> rank = NameRanks(graph);
  const Adjacency adjacency = BuildAdjacency(graph, rank);  // groups equal edges of each node
  std::vector<uint32_t> by_rank(rank.size());
  for (uint32_t node = 0; node < rank.size(); ++node) by_rank[rank[node]] = node;
  std::vector<DuplicateEdge> duplicates;
  std::vector<uint32_t> group;
  for (uint32_t node : by_rank) {
    for (const uint32_t* slot = adjacency.Begin(node); slot != adjacency.End(node); ++slot) {
      if (!group.empty() && !SameTrigger(graph.edges[group.front()], graph.edges[*slot])) {
        AddGroup(group, duplicates);
        group.clear();
      }
      group.push_back(*slot);
    }
    AddGroup(group, duplicates);
    group.clear();
  }
  return duplicates;
}

}  // namespace trigc::graph
