// Times the dependency graph library on a synthetic repository: 100,000 pipelines and 300,000
// dependency edges, mostly acyclic with a few planted cycles, plus a worst case where every pipeline
// is in one strongly connected component. Prints figures; it is not a test.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "compiler/graph/cycles.h"
#include "compiler/graph/duplicates.h"
#include "compiler/graph/render_dot.h"
#include "compiler/graph/topological_order.h"

namespace {

using trigc::graph::Condition;
using trigc::graph::Edge;
using trigc::graph::Graph;

constexpr uint32_t kPipelines = 100000;
constexpr uint32_t kEdges = 300000;
constexpr uint32_t kPlantedCycles = 50;
constexpr uint32_t kRuns = 5;
constexpr double kGoalMs = 200.0;

/// Deterministic on every platform: raw mt19937 output reduced by modulo (the distributions of the
/// standard library differ between implementations).
class Random {
 public:
  explicit Random(uint32_t seed) : engine_(seed) {}
  uint32_t Below(uint32_t bound) { return static_cast<uint32_t>(engine_() % bound); }

 private:
  std::mt19937 engine_;
};

/// Pipelines with names in a shuffled order, so name order and dependency order disagree.
std::vector<std::string> MakeNames(Random& random) {
  std::vector<std::string> names;
  names.reserve(kPipelines);
  for (uint32_t i = 0; i < kPipelines; ++i) names.push_back("pipeline_" + std::to_string(1000000 + i));
  for (uint32_t i = kPipelines - 1; i > 0; --i) std::swap(names[i], names[random.Below(i + 1)]);
  return names;
}

Edge RandomEdge(Random& random, uint32_t from, uint32_t to, uint32_t tag) {
  const Condition condition = random.Below(10) == 0   ? Condition::kOnFailure
                              : random.Below(10) == 0 ? Condition::kOnCompletion
                                                      : Condition::kOnSuccess;
  return {from, to, condition, random.Below(4) == 0 ? random.Below(60) : 0, tag};
}

/// Edges go from a lower to a higher node index, mostly to nearby nodes (pipelines come in
/// families), except for the planted back edges, each of which closes a cycle.
Graph MostlyAcyclic() {
  Random random(20260101);
  Graph graph{MakeNames(random), {}};
  graph.edges.reserve(kEdges);
  while (graph.edges.size() < kEdges - kPlantedCycles) {
    const uint32_t from = random.Below(kPipelines - 1);
    const uint32_t span = random.Below(4) == 0 ? kPipelines - 1 - from : std::min(64u, kPipelines - 1 - from);
    const uint32_t to = from + 1 + random.Below(span);
    graph.edges.push_back(RandomEdge(random, from, to, static_cast<uint32_t>(graph.edges.size())));
  }
  for (uint32_t i = 0; i < kPlantedCycles; ++i) {
    const Edge& forward = graph.edges[random.Below(static_cast<uint32_t>(graph.edges.size()))];
    graph.edges.push_back(
        RandomEdge(random, forward.to, forward.from, static_cast<uint32_t>(graph.edges.size())));
  }
  return graph;
}

/// One ring through every pipeline plus random edges: a single component of 100,000 nodes.
Graph OneComponent() {
  Random random(20260102);
  Graph graph{MakeNames(random), {}};
  graph.edges.reserve(kEdges);
  for (uint32_t i = 0; i < kPipelines; ++i)
    graph.edges.push_back(RandomEdge(random, i, (i + 1) % kPipelines, i));
  while (graph.edges.size() < kEdges) {
    const uint32_t tag = static_cast<uint32_t>(graph.edges.size());
    graph.edges.push_back(RandomEdge(random, random.Below(kPipelines), random.Below(kPipelines), tag));
  }
  return graph;
}

/// The CPU time this process has used, in milliseconds: steadier than wall time on a busy machine.
double CpuMs() { return 1000.0 * static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

/// Best time of kRuns calls of `work`: {wall ms, CPU ms}, each the best of its runs.
template <typename Work>
std::pair<double, double> BestMs(Work work) {
  double best_wall = 1e300;
  double best_cpu = 1e300;
  for (uint32_t run = 0; run < kRuns; ++run) {
    const auto start = std::chrono::steady_clock::now();
    const double cpu_start = CpuMs();
    work();
    const double cpu = CpuMs() - cpu_start;
    const std::chrono::duration<double, std::milli> elapsed = std::chrono::steady_clock::now() - start;
    best_wall = std::min(best_wall, elapsed.count());
    best_cpu = std::min(best_cpu, cpu);
  }
  return {best_wall, best_cpu};
}

/// Prints one timing line: name, wall and CPU milliseconds, and a note.
void PrintTime(const char* what, std::pair<double, double> ms, const std::string& note) {
  std::printf("  %-18s %8.1f ms wall %8.1f ms cpu  %s\n", what, ms.first, ms.second, note.c_str());
}

void Report(const char* title, const Graph& graph) {
  size_t cycles = 0;
  size_t longest = 0;
  size_t ordered = 0;
  size_t duplicates = 0;
  size_t dot_bytes = 0;
  const auto cycle_ms = BestMs([&] {
    const std::vector<trigc::graph::Cycle> found = trigc::graph::FindCycles(graph);
    cycles = found.size();
    for (const auto& cycle : found) longest = std::max(longest, cycle.edges.size());
  });
  const auto order_ms = BestMs([&] { ordered = trigc::graph::TopologicalOrder(graph).size(); });
  const auto duplicate_ms = BestMs([&] { duplicates = trigc::graph::DuplicateEdges(graph).size(); });
  const auto dot_ms = BestMs([&] { dot_bytes = trigc::graph::RenderDot(graph, {}, {}).size(); });
  std::printf("%s: %zu pipelines, %zu edges\n", title, graph.names.size(), graph.edges.size());
  PrintTime("cycle detection", cycle_ms,
            std::to_string(cycles) + " cycles reported, longest " + std::to_string(longest) + " edges");
  PrintTime("topological order", order_ms, std::to_string(ordered) + " pipelines");
  PrintTime("duplicate edges", duplicate_ms, std::to_string(duplicates) + " duplicates");
  PrintTime("render DOT", dot_ms, std::to_string(dot_bytes) + " bytes");
}

}  // namespace

int main() {
  std::printf("trigc graph benchmark, best of %u runs, one core\n", kRuns);
  Report("mostly acyclic, 50 planted back edges", MostlyAcyclic());
  Report("worst case, one strongly connected component", OneComponent());
  std::printf(
      "goal: cycle detection and topological order each under %.0f ms for %u pipelines and %u edges\n",
      kGoalMs, kPipelines, kEdges);
  return 0;
}
