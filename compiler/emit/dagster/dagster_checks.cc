#include "compiler/emit/dagster/dagster_checks.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "compiler/emit/dagster/dagster_names.h"
#include "compiler/emit/emitter.h"
#include "compiler/emit/escape.h"

namespace trigc::emit::dagster {

namespace {

void CheckJobName(const model::Pipeline& p, DiagSink& sink) {
  const model::Value<std::string>& job = JobName(p);
  if (IsDagsterName(job.value)) return;
  sink.Report(Code::E0510, job.span,
              fmt::format("pipeline {}: {} is not a valid dagster job name", Quote(p.name.value),
                          Quote(job.value)))
      .Note({},
            "dagster names are letters, digits and underscores, and not a python keyword or a reserved word")
      .Help("set the dagster job under 'targets: dagster: target:'");
}

void CheckTrigger(const model::Pipeline& p, const model::Trigger& t, DiagSink& sink) {
  if (t.type == model::TriggerType::kSchedule && t.catchup.value) {
    sink.Report(Code::E0511, t.catchup.span,
                fmt::format("pipeline {}: schedule {} asks for catchup, which dagster schedules do not do",
                            Quote(p.name.value), Quote(t.name.value)))
        .Help("set 'catchup: false', or limit the trigger with 'targets:' to targets without dagster");
  }
  if (t.type == model::TriggerType::kSchedule && t.jitter_seconds.value > 0) {
    sink.Report(
            Code::E0512, t.jitter_seconds.span,
            fmt::format("pipeline {}: schedule {} has jitter_seconds, which dagster schedules cannot apply",
                        Quote(p.name.value), Quote(t.name.value)))
        .Help("remove 'jitter_seconds', or limit the trigger with 'targets:' to targets without dagster");
  }
  if (t.type == model::TriggerType::kFileWatch &&
      std::find(t.events.begin(), t.events.end(), "moved") != t.events.end()) {
    sink.Report(
            Code::E0513, t.span,
            fmt::format("pipeline {}: file_watch {} lists 'moved', which the dagster file sensor cannot tell "
                        "from a deletion and a creation",
                        Quote(p.name.value), Quote(t.name.value)))
        .Help("list 'created' and 'deleted' instead, or limit the trigger with 'targets:'");
  }
}

// Dagster's run retries (the dagster/max_retries tag) re-execute a failed run as soon as the retry daemon
// sees it: there is no run-level delay, so backoff_seconds and backoff are not honoured.
void CheckRetries(const model::Pipeline& p, DiagSink& sink) {
  if (!p.retries || p.retries->attempts.value <= 0) return;
  const model::Retries& r = *p.retries;
  bool exponential = r.backoff.value == "exponential";
  if (!exponential && r.backoff_seconds.value <= 0) return;
  Span span = exponential ? r.backoff.span : r.backoff_seconds.span;
  if (!span.valid()) span = r.attempts.span;
  sink.Report(Code::W0510, span,
              fmt::format("pipeline {}: dagster run retries restart a failed run at once, without the {}",
                          Quote(p.name.value),
                          exponential ? "exponential backoff"
                                      : fmt::format("{}-second backoff", r.backoff_seconds.value)))
      .Note({}, "the module's RETRY_POLICY carries the backoff for the job's ops or assets (op retries)")
      .Help(
          "attach RETRY_POLICY to the job's ops or assets, or drop the backoff ('backoff_seconds: 0', "
          "'backoff: fixed')");
}

// Reports a second use of a generated name.
void Claim(std::map<std::string, std::string>& used, const std::string& name, const std::string& owner,
           Span span, DiagSink& sink) {
  auto [it, inserted] = used.emplace(name, owner);
  if (inserted) return;
  sink.Report(Code::E0514, span,
              fmt::format("{} and {} both become dagster name {}", it->second, owner, Quote(name)))
      .Help("rename one of them");
}

}  // namespace

bool CheckDagster(const model::Project& project, DiagSink& sink) {
  size_t errors = sink.errors();
  const model::Value<std::string>& module = ModuleName(project);
  if (!IsPythonIdentifier(module.value)) {
    sink.Report(Code::E0510, module.span,
                fmt::format("dagster module name {} is not a python identifier", Quote(module.value)))
        .Help("choose a name of letters, digits and underscores that is not a python keyword");
  }
  std::map<std::string, std::string> modules;
  std::map<std::string, std::string> definitions;
  for (const model::Pipeline* p : PipelinesInOrder(project)) {
    CheckJobName(*p, sink);
    if (!TriggersFor(*p, model::Target::kDagster).empty()) CheckRetries(*p, sink);
    Claim(modules, PipelineModule(*p), fmt::format("pipeline {}", Quote(p->name.value)), p->name.span, sink);
    for (const model::Trigger* t : TriggersFor(*p, model::Target::kDagster)) {
      CheckTrigger(*p, *t, sink);
      Claim(definitions, DefinitionName(*p, *t),
            fmt::format("trigger {} of pipeline {}", Quote(t->name.value), Quote(p->name.value)),
            t->name.span, sink);
    }
  }
  return sink.errors() == errors;
}

}  // namespace trigc::emit::dagster
