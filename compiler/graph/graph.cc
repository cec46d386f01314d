#include "compiler/graph/graph.h"

#include <algorithm>
#include <numeric>

namespace trigc::graph {

std::string_view ConditionName(Condition condition) {
  switch (condition) {
    case Condition::kOnSuccess:
      return "on_success";
    case Condition::kOnFailure:
      return "on_failure";
    case Condition::kOnCompletion:
      return "on_completion";
  }
  return "on_success";
}

bool IsWellFormed(const Graph& graph) {
  const size_t node_count = graph.names.size();
  return std::all_of(graph.edges.begin(), graph.edges.end(), [node_count](const Edge& edge) {
    return edge.from < node_count && edge.to < node_count;
  });
}

std::vector<uint32_t> NameRanks(const Graph& graph) {
  std::vector<uint32_t> by_name(graph.names.size());
  std::iota(by_name.begin(), by_name.end(), 0u);
  std::stable_sort(by_name.begin(), by_name.end(),
                   [&graph](uint32_t a, uint32_t b) { return graph.names[a] < graph.names[b]; });
  std::vector<uint32_t> rank(by_name.size());
  for (uint32_t position = 0; position < by_name.size(); ++position) rank[by_name[position]] = position;
  return rank;
}

}  // namespace trigc::graph
