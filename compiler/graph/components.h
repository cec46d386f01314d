// Strongly connected components by an iterative Tarjan search (no recursion, so no depth limit),
// linear in nodes + edges.
#pragma once

#include <cstdint>
#include <vector>

#include "compiler/graph/adjacency.h"
#include "compiler/graph/graph.h"

namespace trigc::graph {

/// The strongly connected components of a graph.
struct Components {
  std::vector<uint32_t> component_of;  ///< component_of[node]: ids 0..count-1, sinks first.
  uint32_t count = 0;                  ///< Number of components.
};

/// Finds the strongly connected components. Roots are visited in name order and edges in canonical
/// order, so ids do not depend on the input order; a component's id is smaller than the id of any
/// component with an edge into it (reverse topological order of the condensation).
Components FindComponents(const Graph& graph, const Adjacency& adjacency, const std::vector<uint32_t>& rank);

}  // namespace trigc::graph
