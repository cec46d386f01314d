// The dependency graph as JSON (`trigc graph --format json`), for tools and tests.
#pragma once

#include <string>

#include "compiler/graph/graph.h"
#include "compiler/graph/render_common.h"

namespace trigc::graph {

/// `{"nodes": [{"name", "labels"}...], "edges": [{"from", "to", "condition", "delay_minutes",
/// "location"}...]}` indented by two spaces, with a final newline; nodes in topological order, edges
/// in render order, `from`/`to` as names, `location` "" when unknown. Invalid UTF-8 becomes U+FFFD;
/// everything else is escaped by JSON's own rules. Requires IsWellFormed(graph).
std::string RenderJson(const Graph& graph, const NodeLabels& labels, const EdgeLocations& locations);

}  // namespace trigc::graph
