#include "compiler/graph/components.h"

#include <algorithm>
#include <limits>

namespace trigc::graph {
namespace {

constexpr uint32_t kUnvisited = std::numeric_limits<uint32_t>::max();

/// One frame of the explicit depth-first stack: a node and its next outgoing edge slot.
struct Frame {
  uint32_t node;
  uint32_t next_slot;
};

/// State of one Tarjan search over the whole graph.
class Tarjan {
 public:
  Tarjan(const Graph& graph, const Adjacency& adjacency)
      : graph_(graph),
        adjacency_(adjacency),
        index_(graph.names.size(), kUnvisited),
        low_(graph.names.size(), 0),
        on_stack_(graph.names.size(), false) {
    result_.component_of.assign(graph.names.size(), kUnvisited);
  }

  /// Runs a depth-first search from `root` if it has not been reached yet.
  void Visit(uint32_t root) {
    if (index_[root] != kUnvisited) return;
    Enter(root);
    while (!frames_.empty()) Step();
  }

  /// Hands over the components found.
  Components Take() { return std::move(result_); }

 private:
  void Enter(uint32_t node) {
    index_[node] = low_[node] = next_index_++;
    stack_.push_back(node);
    on_stack_[node] = true;
    frames_.push_back({node, adjacency_.begin[node]});
  }

  /// Follows the next edge of the top frame, or finishes that node when it has none left.
  void Step() {
    Frame& frame = frames_.back();
    const uint32_t node = frame.node;
    if (frame.next_slot < adjacency_.begin[node + 1]) {
      const uint32_t target = graph_.edges[adjacency_.edges[frame.next_slot++]].to;
      if (index_[target] == kUnvisited) {
        Enter(target);
      } else if (on_stack_[target]) {
        low_[node] = std::min(low_[node], index_[target]);
      }
      return;
    }
    frames_.pop_back();
    if (!frames_.empty()) {
      const uint32_t parent = frames_.back().node;
      low_[parent] = std::min(low_[parent], low_[node]);
    }
    if (low_[node] == index_[node]) PopComponent(node);
  }

  void PopComponent(uint32_t root) {
    uint32_t member;
    do {
      member = stack_.back();
      stack_.pop_back();
      on_stack_[member] = false;
      result_.component_of[member] = result_.count;
    } while (member != root);
    ++result_.count;
  }

  const Graph& graph_;
  const Adjacency& adjacency_;
  std::vector<uint32_t> index_;
  std::vector<uint32_t> low_;
  std::vector<bool> on_stack_;
  std::vector<uint32_t> stack_;
  std::vector<Frame> frames_;
  uint32_t next_index_ = 0;
  Components result_;
};

}  // namespace

Components FindComponents(const Graph& graph, const Adjacency& adjacency, const std::vector<uint32_t>& rank) {
  std::vector<uint32_t> by_rank(rank.size());
  for (uint32_t node = 0; node < rank.size(); ++node) by_rank[rank[node]] = node;
  Tarjan tarjan(graph, adjacency);
  for (uint32_t node : by_rank) tarjan.Visit(node);
  return tarjan.Take();
}

}  // namespace trigc::graph
