// The dependency graph as Graphviz DOT (`trigc graph --format dot`).
#pragma once

#include <string>
#include <string_view>

#include "compiler/graph/graph.h"
#include "compiler/graph/render_common.h"

namespace trigc::graph {

/// `text` as a DOT double-quoted string: `"` and `\` escaped, `&` as `&amp;` (Graphviz reads
/// entities in labels), cleaned by CleanText so there is no raw newline or invalid UTF-8; text
/// over 4096 bytes is split into `"..." + "..."` pieces (Graphviz rejects quoted strings over 16 KiB).
std::string DotQuote(std::string_view text);

/// A `digraph` with one box per pipeline (name and label lines) in topological order and one edge
/// per dependency labelled with its condition and delay: on_success solid, on_failure dashed red,
/// on_completion bold blue; the location is the edge tooltip. An edge that `cycles` marks is drawn thick and
/// dark red with "cycle" in its label. Requires IsWellFormed(graph).
std::string RenderDot(const Graph& graph, const NodeLabels& labels, const EdgeLocations& locations,
                      const CycleEdges& cycles = {});

}  // namespace trigc::graph
