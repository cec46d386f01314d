#include "compiler/graph/check_graph.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "compiler/model/duration.h"

#include "compiler/graph/cycles.h"
#include "compiler/graph/duplicates.h"
#include "compiler/graph/topological_order.h"

namespace trigc::graph {

namespace {

Condition ToGraph(model::Condition c) {
  switch (c) {
    case model::Condition::kOnSuccess:
      return Condition::kOnSuccess;
    case model::Condition::kOnFailure:
      return Condition::kOnFailure;
    case model::Condition::kOnCompletion:
      return Condition::kOnCompletion;
  }
  return Condition::kOnSuccess;
}

const model::Trigger& TriggerOf(const model::Project& project, const ProjectGraph& g, uint32_t edge) {
  auto [p, t] = g.edge_triggers[edge];
  return project.pipelines[p].triggers[t];
}

std::string ConditionList(const ConditionSet& set) {
  std::string out;
  for (Condition c : {Condition::kOnSuccess, Condition::kOnFailure, Condition::kOnCompletion}) {
    if (set.Has(c)) out += (out.empty() ? "" : ", ") + std::string(ConditionName(c));
  }
  return out;
}

void ReportCycle(const model::Project& project, const ProjectGraph& g, const Cycle& cycle, DiagSink& sink) {
  const model::Trigger& first = TriggerOf(project, g, cycle.edges.front());
  const std::string& start = g.graph.names[g.graph.edges[cycle.edges.front()].from];
  if (cycle.self_loop) {
    sink.Report(Code::E0402, first.upstream.span, fmt::format("pipeline {} depends on itself", Quote(start)))
        .Help("a pipeline that triggers itself runs forever: remove this trigger or name another upstream");
    return;
  }
  auto b = sink.Report(Code::E0401, first.upstream.span,
                       fmt::format("dependency cycle: {}", FormatChain(g.graph, cycle)));
  for (uint32_t edge : cycle.edges) {
    const Edge& e = g.graph.edges[edge];
    const model::Trigger& t = TriggerOf(project, g, edge);
    b.Note(t.upstream.span, fmt::format("{} runs after {} ({})", Quote(g.graph.names[e.to]),
                                        Quote(g.graph.names[e.from]), ConditionName(e.condition)));
  }
  b.Note({}, fmt::format("the loop uses {} triggers", ConditionList(cycle.conditions)));
  if (cycle.conditions.Has(Condition::kOnFailure) || cycle.conditions.Has(Condition::kOnCompletion)) {
    b.Help(
        "a loop through on_failure or on_completion can retrigger forever; break it at one of the triggers "
        "above");
  } else {
    b.Help("no pipeline of the loop can run first: remove one of the dependency triggers above");
  }
}

}  // namespace

ProjectGraph BuildGraph(const model::Project& project) {
  ProjectGraph g;
  std::map<std::string, uint32_t> index;
  for (const model::Pipeline& p : project.pipelines) {
    index.emplace(p.name.value, static_cast<uint32_t>(g.graph.names.size()));
    g.graph.names.push_back(p.name.value);
  }
  for (size_t pi = 0; pi < project.pipelines.size(); ++pi) {
    const model::Pipeline& p = project.pipelines[pi];
    for (size_t ti = 0; ti < p.triggers.size(); ++ti) {
      const model::Trigger& t = p.triggers[ti];
      if (t.type != model::TriggerType::kDependency) continue;
      auto upstream = index.find(t.upstream.value);
      if (upstream == index.end()) continue;
      Edge e;
      e.from = upstream->second;
      e.to = static_cast<uint32_t>(pi);
      e.condition = ToGraph(t.condition.value);
      e.delay_minutes = static_cast<uint32_t>(t.delay_minutes.value);
      e.tag = static_cast<uint32_t>(g.edge_triggers.size());
      g.graph.edges.push_back(e);
      g.edge_triggers.emplace_back(pi, ti);
    }
  }
  return g;
}

void CheckGraph(model::Project& project, DiagSink& sink) {
  std::vector<std::string> names;
  for (const model::Pipeline& p : project.pipelines) names.push_back(p.name.value);
  for (const model::Pipeline& p : project.pipelines) {
    for (const model::Trigger& t : p.triggers) {
      if (t.type != model::TriggerType::kDependency) continue;
      const std::string& up = t.upstream.value;
      bool known = std::binary_search(names.begin(), names.end(), up) ||
                   std::find(project.broken_pipelines.begin(), project.broken_pipelines.end(), up) !=
                       project.broken_pipelines.end();
      if (known) continue;
      auto b =
          sink.Report(Code::E0302, t.upstream.span, fmt::format("unknown upstream pipeline {}", Quote(up)));
      std::string suggestion = SpellCheck(up, names);
      if (!suggestion.empty()) {
        b.Help(fmt::format("did you mean '{}'?", suggestion));
      } else {
        b.Help("upstream names a pipeline of this repository (its 'name:', or its folder name)");
      }
    }
  }
  ProjectGraph g = BuildGraph(project);
  for (const Cycle& cycle : FindCycles(g.graph)) ReportCycle(project, g, cycle, sink);
  for (const DuplicateEdge& d : DuplicateEdges(g.graph)) {
    const model::Trigger& again = TriggerOf(project, g, d.duplicate);
    const model::Trigger& first = TriggerOf(project, g, d.first);
    const Edge& e = g.graph.edges[d.duplicate];
    sink.Report(Code::W0401, again.upstream.span,
                fmt::format("pipeline {} already depends on {} ({})", Quote(g.graph.names[e.to]),
                            Quote(g.graph.names[e.from]), ConditionName(e.condition)))
        .Note(first.upstream.span, "first declared here")
        .Help("each upstream run would start two runs: remove one of the triggers");
  }
  project.order.clear();
  for (uint32_t node : TopologicalOrder(g.graph)) project.order.push_back(node);
}

std::vector<std::string> TriggerLabels(const model::Pipeline& p) {
  std::vector<std::string> labels;
  for (const model::Trigger& t : p.triggers) {
    std::string label;
    switch (t.type) {
      case model::TriggerType::kSchedule:
        label = t.cron ? fmt::format("cron {} {}", t.cron->value, t.timezone.value)
                       : fmt::format("pattern {} {}", t.pattern ? t.pattern->value : "", t.timezone.value);
        break;
      case model::TriggerType::kS3Sensor:
        label = fmt::format("s3 {}{}", t.path.value, t.glob.value);
        break;
      case model::TriggerType::kWebhook:
        label = fmt::format("webhook {}", t.endpoint.value);
        break;
      case model::TriggerType::kFreshness:
        if (p.freshness && p.freshness->warn_after) {
          label = fmt::format("freshness warn {}", model::FormatDuration(p.freshness->warn_after->seconds));
        } else if (p.freshness && p.freshness->error_after) {
          label = fmt::format("freshness error {}", model::FormatDuration(p.freshness->error_after->seconds));
        } else {
          label = "freshness";
        }
        break;
      case model::TriggerType::kDependency:
        continue;
      case model::TriggerType::kFileWatch:
        label = fmt::format("file_watch {}", t.path.value);
        break;
    }
    if (!t.enabled.value || !p.enabled.value) label += " (disabled)";
    labels.push_back(label);
  }
  return labels;
}

std::vector<std::string> EdgeSourceLocations(const ProjectGraph& g, const model::Project& project,
                                             const SourceManager& sources) {
  std::vector<std::string> out;
  for (size_t i = 0; i < g.edge_triggers.size(); ++i) {
    Span span = TriggerOf(project, g, static_cast<uint32_t>(i)).upstream.span;
    LineCol at = sources.Get(span.file).Locate(span.begin);
    out.push_back(fmt::format("{}:{}:{}", sources.Get(span.file).path(), at.line, at.column));
  }
  return out;
}

}  // namespace trigc::graph
