// What the DOT, Mermaid and JSON renderers share: their inputs, the order they list things in,
// edge labels and text clean-up.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/graph/graph.h"

namespace trigc::graph {

/// Per-node label lines, e.g. {"cron 0 6 * * * America/New_York", "freshness warn 6h"}; index = node.
/// Missing entries (a shorter vector) mean no lines.
using NodeLabels = std::vector<std::vector<std::string>>;

/// Per-edge source locations, e.g. "pipelines/b/config.yaml:7:5"; index = edge. Missing entries
/// mean no location.
using EdgeLocations = std::vector<std::string>;

/// Per-edge marks: true for an edge of a dependency cycle, drawn highlighted; index = edge. Missing entries
/// (a shorter vector) mean no mark.
using CycleEdges = std::vector<bool>;

/// The edges of every cycle FindCycles reports in `graph` (self-loops included). Requires
/// IsWellFormed(graph).
CycleEdges FindCycleEdges(const Graph& graph);

/// True when `cycles` marks edge `edge`.
bool InCycle(const CycleEdges& cycles, uint32_t edge);

/// The order every renderer lists things in.
struct RenderOrder {
  std::vector<uint32_t> nodes;     ///< TopologicalOrder(graph).
  std::vector<uint32_t> position;  ///< position[node] = index of node in `nodes`.
  std::vector<uint32_t> edges;  ///< By upstream position, then target position, condition, delay, tag, index.
};

/// Computes the render order. Requires IsWellFormed(graph).
RenderOrder MakeRenderOrder(const Graph& graph);

/// An edge's label: the condition, then the delay when there is one, e.g. "on_failure +15m".
std::string EdgeLabel(const Edge& edge);

/// Node `node`'s label lines, or an empty list when `labels` has none for it.
const std::vector<std::string>& LabelLines(const NodeLabels& labels, uint32_t node);

/// Edge `edge`'s location, or an empty string when `locations` has none for it.
std::string_view LocationOf(const EdgeLocations& locations, uint32_t edge);

/// `text` as valid UTF-8 without control characters: every invalid byte, every C0 or C1 control,
/// DEL and every bidirectional override or isolate becomes U+FFFD, so no raw newline, broken
/// character or reordered text reaches an output.
std::string CleanText(std::string_view text);

}  // namespace trigc::graph
