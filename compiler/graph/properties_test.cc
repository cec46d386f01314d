// Random small graphs checked against brute force: reachability by Floyd-Warshall.
#include <catch2/catch.hpp>

#include "compiler/graph/cycles.h"
#include "compiler/graph/test_graphs.h"
#include "compiler/graph/topological_order.h"

namespace trigc::graph {
namespace {

constexpr uint32_t kInfinity = 1000;

/// A random graph of up to 8 nodes with names in random order; self-loops and parallel edges allowed.
Graph RandomGraph(std::mt19937& random) {
  const uint32_t node_count = 1 + random() % 8;
  const uint32_t edge_count = random() % (2 * node_count + 2);
  Graph graph;
  for (uint32_t i = 0; i < node_count; ++i) graph.names.push_back(std::string(1, static_cast<char>('a' + i)));
  std::shuffle(graph.names.begin(), graph.names.end(), random);
  for (uint32_t i = 0; i < edge_count; ++i) {
    graph.edges.push_back({static_cast<uint32_t>(random() % node_count),
                           static_cast<uint32_t>(random() % node_count), static_cast<Condition>(random() % 3),
                           0, i});
  }
  return graph;
}

/// dist[a][b]: fewest edges from a to b, not using self-loops (dist[a][a] = 0).
std::vector<std::vector<uint32_t>> Distances(const Graph& graph) {
  const size_t n = graph.names.size();
  std::vector<std::vector<uint32_t>> dist(n, std::vector<uint32_t>(n, kInfinity));
  for (size_t i = 0; i < n; ++i) dist[i][i] = 0;
  for (const Edge& edge : graph.edges) {
    if (edge.from != edge.to) dist[edge.from][edge.to] = 1;
  }
  for (size_t k = 0; k < n; ++k) {
    for (size_t i = 0; i < n; ++i) {
      for (size_t j = 0; j < n; ++j) dist[i][j] = std::min(dist[i][j], dist[i][k] + dist[k][j]);
    }
  }
  return dist;
}

bool HasSelfLoop(const Graph& graph, uint32_t node) {
  return std::any_of(graph.edges.begin(), graph.edges.end(),
                     [node](const Edge& e) { return e.from == node && e.to == node; });
}

/// The first-named node of node's component, or node itself when alone.
uint32_t ComponentLeader(const Graph& graph, const std::vector<std::vector<uint32_t>>& dist, uint32_t node) {
  uint32_t leader = node;
  for (uint32_t other = 0; other < graph.names.size(); ++other) {
    const bool together = dist[node][other] < kInfinity && dist[other][node] < kInfinity;
    if (together && graph.names[other] < graph.names[leader]) leader = other;
  }
  return leader;
}

void CheckCycles(const Graph& graph) {
  const auto dist = Distances(graph);
  size_t expected_count = 0;
  for (uint32_t node = 0; node < graph.names.size(); ++node) {
    if (HasSelfLoop(graph, node)) ++expected_count;
    bool in_big_component = false;
    for (uint32_t other = 0; other < graph.names.size(); ++other) {
      in_big_component |= other != node && dist[node][other] < kInfinity && dist[other][node] < kInfinity;
    }
    if (in_big_component && ComponentLeader(graph, dist, node) == node) ++expected_count;
  }
  const std::vector<Cycle> cycles = FindCycles(graph);
  REQUIRE(cycles.size() == expected_count);
  for (const Cycle& cycle : cycles) {
    const std::vector<uint32_t> nodes = CycleNodes(graph, cycle);
    const uint32_t start = nodes.front();
    CHECK(nodes.back() == start);
    for (size_t i = 0; i < cycle.edges.size(); ++i) {
      CHECK(graph.edges[cycle.edges[i]].from == nodes[i]);
      CHECK(graph.edges[cycle.edges[i]].to == nodes[i + 1]);
    }
    if (cycle.self_loop) continue;
    CHECK(ComponentLeader(graph, dist, start) == start);
    uint32_t shortest = kInfinity;
    for (const Edge& edge : graph.edges) {
      if (edge.to == start && edge.from != start) shortest = std::min(shortest, dist[start][edge.from] + 1);
    }
    CHECK(cycle.edges.size() == shortest);
  }
}

void CheckOrder(const Graph& graph) {
  const auto dist = Distances(graph);
  const size_t n = graph.names.size();
  std::vector<bool> blocked(n, false);  // in a cycle or downstream of one
  for (uint32_t node = 0; node < n; ++node) {
    bool cyclic = HasSelfLoop(graph, node);
    for (uint32_t other = 0; other < n; ++other)
      cyclic |= other != node && dist[node][other] < kInfinity && dist[other][node] < kInfinity;
    if (!cyclic) continue;
    for (uint32_t other = 0; other < n; ++other)
      blocked[other] = blocked[other] || dist[node][other] < kInfinity;
  }
  const std::vector<uint32_t> order = TopologicalOrder(graph);
  REQUIRE(order.size() == n);
  std::vector<uint32_t> position(n, kInfinity);
  for (uint32_t i = 0; i < n; ++i) position[order[i]] = i;
  const size_t placed = static_cast<size_t>(std::count(blocked.begin(), blocked.end(), false));
  for (uint32_t i = 0; i < n; ++i) CHECK(blocked[order[i]] == (i >= placed));
  for (size_t i = placed + 1; i < n; ++i) CHECK(graph.names[order[i - 1]] < graph.names[order[i]]);
  for (const Edge& edge : graph.edges) {
    if (!blocked[edge.to]) CHECK(position[edge.from] < position[edge.to]);
  }
}

TEST_CASE("cycles and order agree with brute force on random graphs", "[graph][properties]") {
  std::mt19937 random(12345);
  for (int round = 0; round < 2000; ++round) {
    const Graph graph = RandomGraph(random);
    CheckCycles(graph);
    CheckOrder(graph);
  }
}

}  // namespace
}  // namespace trigc::graph
