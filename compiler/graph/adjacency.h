// Outgoing edges of every node in compressed (CSR) form, in a canonical order that does not depend
// on the order of Graph::names or Graph::edges, so every traversal built on it is deterministic.
#pragma once

#include <cstdint>
#include <vector>

#include "compiler/graph/graph.h"

namespace trigc::graph {

/// Outgoing edge indices per node; node v's edges are edges[begin[v]] .. edges[begin[v + 1] - 1].
struct Adjacency {
  std::vector<uint32_t> begin;  ///< names.size() + 1 offsets into `edges`.
  std::vector<uint32_t> edges;  ///< Edge indices into Graph::edges, grouped by `from`.

  /// First outgoing edge slot of `node`.
  const uint32_t* Begin(uint32_t node) const { return edges.data() + begin[node]; }
  /// One past the last outgoing edge slot of `node`.
  const uint32_t* End(uint32_t node) const { return edges.data() + begin[node + 1]; }
};

/// Orders one node's outgoing edges by the target's name rank, then condition, delay, tag, index.
bool CanonicalEdgeLess(const Graph& graph, const std::vector<uint32_t>& rank, uint32_t a, uint32_t b);

/// Builds the outgoing adjacency; `rank` comes from NameRanks(graph). Linear plus one sort.
Adjacency BuildAdjacency(const Graph& graph, const std::vector<uint32_t>& rank);

}  // namespace trigc::graph
