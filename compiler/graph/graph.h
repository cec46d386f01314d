// The dependency graph of a repository's pipelines: one node per pipeline, one edge per dependency
// trigger. This library knows nothing of YAML or diagnostics; the compiler builds a Graph from its
// model and turns the results (cycles, duplicate edges, order) into diagnostics itself.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace trigc::graph {

/// When a dependency trigger fires, relative to the upstream run's outcome.
enum class Condition : uint8_t { kOnSuccess, kOnFailure, kOnCompletion };

/// One dependency trigger: a run of `from` (the upstream) starts a run of `to`.
struct Edge {
  uint32_t from = 0;                            ///< Index of the upstream pipeline in Graph::names.
  uint32_t to = 0;                              ///< Index of the pipeline that has the dependency trigger.
  Condition condition = Condition::kOnSuccess;  ///< Which upstream outcomes fire the trigger.
  uint32_t delay_minutes = 0;                   ///< Wait after the upstream run ends.
  uint32_t tag = 0;  ///< Opaque caller index (e.g. the trigger's source span); breaks ties.
};

/// Pipelines (unique names, any order) and the dependency edges between them.
struct Graph {
  std::vector<std::string> names;  ///< Node i is the pipeline names[i].
  std::vector<Edge> edges;         ///< Every endpoint must be < names.size().
};

/// The config spelling of a condition: "on_success", "on_failure" or "on_completion".
std::string_view ConditionName(Condition condition);

/// True when every edge's endpoints are valid node indices (the precondition of every function here).
bool IsWellFormed(const Graph& graph);

/// rank[i] is node i's position when nodes are sorted by name (bytewise; equal names by index).
std::vector<uint32_t> NameRanks(const Graph& graph);

}  // namespace trigc::graph
