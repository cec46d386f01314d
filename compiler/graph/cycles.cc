#include "compiler/graph/cycles.h"

#include <algorithm>
#include <limits>
#include <tuple>

#include "compiler/graph/adjacency.h"
#include "compiler/graph/components.h"

namespace trigc::graph {
namespace {

constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();

/// Everything the per-component searches share.
struct Search {
  const Graph& graph;
  const Adjacency& adjacency;
  const Components& components;
  std::vector<uint32_t> parent_edge;  // BFS tree edge into each reached node
  std::vector<bool> reached;
  std::vector<uint32_t> queue;
};

/// Walks the BFS tree back from `closing` (an edge into `start`) and returns the chain in order.
std::vector<uint32_t> TraceChain(const Search& search, uint32_t start, uint32_t closing) {
  std::vector<uint32_t> chain{closing};
  for (uint32_t node = search.graph.edges[closing].from; node != start;) {
    const uint32_t edge = search.parent_edge[node];
    chain.push_back(edge);
    node = search.graph.edges[edge].from;
  }
  std::reverse(chain.begin(), chain.end());
  return chain;
}

/// Shortest cycle through `start` inside its component, ignoring self-loops. Breadth-first, so
/// the first edge found back into `start` closes a shortest cycle.
std::vector<uint32_t> ShortestCycleThrough(Search& search, uint32_t start) {
  const uint32_t component = search.components.component_of[start];
  search.queue.assign(1, start);
  search.reached[start] = true;
  for (size_t head = 0; head < search.queue.size(); ++head) {
    const uint32_t node = search.queue[head];
    for (const uint32_t* slot = search.adjacency.Begin(node); slot != search.adjacency.End(node); ++slot) {
      const uint32_t target = search.graph.edges[*slot].to;
      if (target == node || search.components.component_of[target] != component) continue;
      if (target == start) return TraceChain(search, start, *slot);
      if (search.reached[target]) continue;
      search.reached[target] = true;
      search.parent_edge[target] = *slot;
      search.queue.push_back(target);
    }
  }
  return {};  // unreachable for a component of two or more nodes
}

/// The first self-loop of `node` in canonical order, or kNone.
uint32_t FirstSelfLoop(const Graph& graph, const Adjacency& adjacency, uint32_t node) {
  for (const uint32_t* slot = adjacency.Begin(node); slot != adjacency.End(node); ++slot) {
    if (graph.edges[*slot].to == node) return *slot;
  }
  return kNone;
}

/// Members of every component of two or more nodes, each list in name order; other lists stay
/// empty (no allocation for the many single-node components).
std::vector<std::vector<uint32_t>> MembersByComponent(const Components& components,
                                                      const std::vector<uint32_t>& rank) {
  std::vector<uint32_t> size(components.count, 0);
  for (uint32_t component : components.component_of) ++size[component];
  std::vector<uint32_t> by_rank(rank.size());
  for (uint32_t node = 0; node < rank.size(); ++node) by_rank[rank[node]] = node;
  std::vector<std::vector<uint32_t>> members(components.count);
  for (uint32_t node : by_rank) {
    const uint32_t component = components.component_of[node];
    if (size[component] > 1) members[component].push_back(node);
  }
  return members;
}

Cycle MakeCycle(const Graph& graph, std::vector<uint32_t> edges, std::vector<uint32_t> component) {
  Cycle cycle;
  cycle.edges = std::move(edges);
  cycle.component = std::move(component);
  cycle.self_loop = cycle.edges.size() == 1;
  for (uint32_t edge : cycle.edges) cycle.conditions.Add(graph.edges[edge].condition);
  return cycle;
}

}  // namespace

std::vector<Cycle> FindCycles(const Graph& graph) {
  const std::vector<uint32_t> rank = NameRanks(graph);
  const Adjacency adjacency = BuildAdjacency(graph, rank);
  const Components components = FindComponents(graph, adjacency, rank);
  std::vector<std::vector<uint32_t>> members = MembersByComponent(components, rank);
  Search search{graph,
                adjacency,
                components,
                std::vector<uint32_t>(graph.names.size(), kNone),
                std::vector<bool>(graph.names.size(), false),
                {}};
  std::vector<Cycle> cycles;
  for (std::vector<uint32_t>& component : members) {
    if (component.size() < 2) continue;
    std::vector<uint32_t> chain = ShortestCycleThrough(search, component.front());
    cycles.push_back(MakeCycle(graph, std::move(chain), std::move(component)));
  }
  for (uint32_t node = 0; node < graph.names.size(); ++node) {
    const uint32_t loop = FirstSelfLoop(graph, adjacency, node);
    if (loop != kNone) cycles.push_back(MakeCycle(graph, {loop}, {node}));
  }
  std::sort(cycles.begin(), cycles.end(), [&](const Cycle& a, const Cycle& b) {
    return std::make_tuple(rank[graph.edges[a.edges.front()].from], a.edges.size()) <
           std::make_tuple(rank[graph.edges[b.edges.front()].from], b.edges.size());
  });
  return cycles;
}

std::vector<uint32_t> CycleNodes(const Graph& graph, const Cycle& cycle) {
  std::vector<uint32_t> nodes;
  if (cycle.edges.empty()) return nodes;
  nodes.push_back(graph.edges[cycle.edges.front()].from);
  for (uint32_t edge : cycle.edges) nodes.push_back(graph.edges[edge].to);
  return nodes;
}

std::string FormatChain(const Graph& graph, const Cycle& cycle) {
  std::string text;
  for (uint32_t node : CycleNodes(graph, cycle)) {
    if (!text.empty()) text += " -> ";
    text += graph.names[node];
  }
  return text;
}

}  // namespace trigc::graph
