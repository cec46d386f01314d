// Helpers for the graph library's unit tests: build graphs from names.
#pragma once

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "compiler/graph/graph.h"

namespace trigc::graph::testing {

/// One edge written with names: from -> to.
struct NamedEdge {
  std::string from;                             ///< Upstream pipeline.
  std::string to;                               ///< Pipeline with the dependency trigger.
  Condition condition = Condition::kOnSuccess;  ///< Trigger condition.
  uint32_t delay_minutes = 0;                   ///< Trigger delay.
};

/// Index of `name` in `graph.names`; the name must exist.
inline uint32_t IndexOf(const Graph& graph, const std::string& name) {
  return static_cast<uint32_t>(std::find(graph.names.begin(), graph.names.end(), name) - graph.names.begin());
}

/// A graph with the given nodes and edges; each edge's tag is its position in `edges`.
inline Graph MakeGraph(std::vector<std::string> names, const std::vector<NamedEdge>& edges) {
  Graph graph{std::move(names), {}};
  for (uint32_t i = 0; i < edges.size(); ++i) {
    const NamedEdge& e = edges[i];
    graph.edges.push_back({IndexOf(graph, e.from), IndexOf(graph, e.to), e.condition, e.delay_minutes, i});
  }
  return graph;
}

/// The same graph with names and edges reordered by `seed`; tags travel with their edges.
inline Graph Shuffled(const Graph& graph, uint32_t seed) {
  std::mt19937 random(seed);
  std::vector<uint32_t> new_index(graph.names.size());
  for (uint32_t i = 0; i < new_index.size(); ++i) new_index[i] = i;
  std::shuffle(new_index.begin(), new_index.end(), random);
  Graph shuffled;
  shuffled.names.resize(graph.names.size());
  for (uint32_t i = 0; i < new_index.size(); ++i) shuffled.names[new_index[i]] = graph.names[i];
  for (Edge edge : graph.edges) {
    edge.from = new_index[edge.from];
    edge.to = new_index[edge.to];
    shuffled.edges.push_back(edge);
  }
  std::shuffle(shuffled.edges.begin(), shuffled.edges.end(), random);
  return shuffled;
}

/// Node names in the given order.
inline std::vector<std::string> NamesOf(const Graph& graph, const std::vector<uint32_t>& nodes) {
  std::vector<std::string> names;
  for (uint32_t node : nodes) names.push_back(graph.names[node]);
  return names;
}

}  // namespace trigc::graph::testing
