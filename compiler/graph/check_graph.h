// The graph stage: builds the dependency graph of a project's model and reports unknown upstreams, cycles,
// self-dependencies and duplicate dependencies; fills the stable order emitters use.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "compiler/diag/diagnostic.h"
#include "compiler/graph/graph.h"
#include "compiler/model/model.h"

namespace trigc::graph {

/// A project's graph and, for edge i, the (pipeline index, trigger index) of the trigger that made it.
struct ProjectGraph {
  Graph graph;
  std::vector<std::pair<size_t, size_t>> edge_triggers;
};

/// One node per pipeline (in project order), one edge per dependency trigger whose upstream exists.
ProjectGraph BuildGraph(const model::Project& project);

/// Reports E0302, E0401, E0402 and W0401, and sets `project.order` (upstream first, ties by name).
void CheckGraph(model::Project& project, DiagSink& sink);

/// The short labels of a pipeline's non-dependency triggers, e.g. "cron 0 6 * * * America/New_York".
std::vector<std::string> TriggerLabels(const model::Pipeline& pipeline);

/// "file:line:col" of each edge's `upstream:` value.
std::vector<std::string> EdgeSourceLocations(const ProjectGraph& g, const model::Project& project,
                                             const SourceManager& sources);

}  // namespace trigc::graph
