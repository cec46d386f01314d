// Dependency cycles: one shortest, real cycle per strongly connected component, plus every self-loop.
//
// Rule (docs/graph.md): components are found first (linear); for each component of two or more
// pipelines, the reported cycle is the shortest one through the member whose name sorts first,
// found by a breadth-first search restricted to the component, ties broken by the canonical edge
// order (target name, condition, delay, tag, index). Each pipeline with an edge to itself is
// reported once more as a self-loop. Edges of every condition count.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "compiler/graph/graph.h"

namespace trigc::graph {

/// A set of conditions, e.g. the conditions used by the edges of a cycle.
class ConditionSet {
 public:
  /// Adds one condition to the set.
  void Add(Condition condition) { bits_ |= Bit(condition); }
  /// True when the set holds `condition`.
  bool Has(Condition condition) const { return (bits_ & Bit(condition)) != 0; }
  /// True when the set holds `condition` and nothing else.
  bool Only(Condition condition) const { return bits_ == Bit(condition); }

 private:
  static uint8_t Bit(Condition condition) {
    return static_cast<uint8_t>(1u << static_cast<unsigned>(condition));
  }
  uint8_t bits_ = 0;
};

/// One dependency cycle, as a chain of edges that starts and ends at the same pipeline.
struct Cycle {
  /// Edge indices in chain order: edges.front().from is the start, each edge's `to` is the next
  /// edge's `from`, and edges.back().to is the start again.
  std::vector<uint32_t> edges;
  /// Nodes of the strongly connected component, in name order; just the node for a self-loop.
  std::vector<uint32_t> component;
  /// True for a pipeline that depends on itself (edges.size() == 1).
  bool self_loop = false;
  /// The conditions of the chain's edges.
  ConditionSet conditions;
};

/// Finds one cycle per cyclic component and one per self-looping node, sorted by the start node's
/// name (a self-loop before a longer cycle from the same node). Requires IsWellFormed(graph).
std::vector<Cycle> FindCycles(const Graph& graph);

/// The chain's nodes: start, ..., start (edges.size() + 1 entries).
std::vector<uint32_t> CycleNodes(const Graph& graph, const Cycle& cycle);

/// The chain as text, e.g. "a -> b -> c -> a" (names unquoted and unescaped).
std::string FormatChain(const Graph& graph, const Cycle& cycle);

}  // namespace trigc::graph
