// The dependency graph as a Mermaid flowchart (`trigc graph --format mermaid`).
#pragma once

#include <string>
#include <string_view>

#include "compiler/graph/graph.h"
#include "compiler/graph/render_common.h"

namespace trigc::graph {

/// `text` as the inside of a Mermaid quoted label: cleaned by CleanText, then `"`, `#`, `&`, `<`,
/// `>`, the backtick, `\` and `:` written as Mermaid entity codes (`#quot;`, `#35;`, `#amp;`,
/// `#lt;`, `#gt;`, `#96;`, `#92;`, `#58;`) so no user text can close the label, start markup or a
/// markdown string, or trip Mermaid's rewriting of `style`/`classDef` text.
std::string MermaidEscape(std::string_view text);

/// A `flowchart LR` with node ids n0, n1, ... in topological order, each labelled with the pipeline
/// name and its label lines (separated by `<br/>`), and one link per dependency labelled with its
/// condition and delay: on_success `-->`, on_failure dotted `-.->`, on_completion thick `==>`.
/// Locations are not shown. Links that `cycles` marks get "cycle" in their label and a `linkStyle` line that
/// draws them thick and dark red. Requires IsWellFormed(graph).
std::string RenderMermaid(const Graph& graph, const NodeLabels& labels, const EdgeLocations& locations,
                          const CycleEdges& cycles = {});

}  // namespace trigc::graph
