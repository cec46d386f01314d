// Duplicate dependency edges: two triggers with the same upstream, pipeline and condition. The
// compiler warns about them; they do not change cycles or order.
#pragma once

#include <cstdint>
#include <vector>

#include "compiler/graph/graph.h"

namespace trigc::graph {

/// A repeated edge and the earlier edge it repeats.
struct DuplicateEdge {
  uint32_t first = 0;      ///< The lowest-indexed edge of the group (the caller's first occurrence).
  uint32_t duplicate = 0;  ///< A later edge with the same from, to and condition.
};

/// One entry per repeated edge (a group of k equal edges gives k - 1 entries), sorted by upstream
/// name, pipeline name, condition, then duplicate index. Requires IsWellFormed(graph).
std::vector<DuplicateEdge> DuplicateEdges(const Graph& graph);

}  // namespace trigc::graph
