// A stable topological order of the pipelines, used by the renderers and by emitters that list
// pipelines upstream first.
#pragma once

#include <cstdint>
#include <vector>

#include "compiler/graph/graph.h"

namespace trigc::graph {

/// Every node exactly once, upstream before downstream. Kahn's algorithm with a min-heap on name:
/// of the nodes whose upstreams are all placed, the one whose name sorts first comes next, so the
/// result does not depend on the order of names or edges. Nodes that can never be placed (members of
/// a cycle, including self-loops, and everything downstream of one) are appended at the end in name
/// order; the compiler reports those cycles as errors. Requires IsWellFormed(graph).
std::vector<uint32_t> TopologicalOrder(const Graph& graph);

}  // namespace trigc::graph
