#include "compiler/graph/graph.h"

#include <algorithm>
#include <utility>

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
  std::vector<std::pair<std::string_view, uint32_t>> by_name;  // equal names fall back to the index
  by_name.reserve(graph.names.size());
  for (uint32_t node = 0; node < graph.names.size(); ++node) by_name.emplace_back(graph.names[node], node);
  std::sort(by_name.begin(), by_name.end());
  std::vector<uint32_t> rank(by_name.size());
  for (uint32_t position = 0; position < by_name.size(); ++position)
    rank[by_name[position].second] = position;
  return rank;
}

}  // namespace trigc::graph
