// The dependency graph as JSON (`trigc graph --format json`), for tools and tests.
#pragma once

#include <string>

#include "compiler/graph/graph.h"
#include "compiler/graph/render_common.h"

namespace trigc::graph {

/// `{"nodes": [{"name", "labels"}...], "edges": [{"from", "to", "condition", "delay_minutes",
/// "location", "cycle"}...]}` indented by two spaces, with a final newline; nodes in topological order, edges
/// in render order, `from`/`to` as names, `location` "" when unknown, `cycle` true for an edge that `cycles`
/// marks. Invalid UTF-8 becomes U+FFFD; everything else is escaped by JSON's own rules. Requires
/// IsWellFormed(graph).
std::string RenderJson(const Graph& graph, const NodeLabels& labels, const EdgeLocations& locations,
                       const CycleEdges& cycles = {});

}  // namespace trigc::graph
