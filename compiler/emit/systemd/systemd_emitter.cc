// The systemd emitter: per scheduled trigger a .timer and a .service, per file_watch a .path and a .service,
// per dependency a .service started by the upstream services' OnSuccess=/OnFailure= (through a one-shot
// .timer when delayed), the run scripts (compiler/emit/wrapper) and install.sh.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "compiler/emit/emitter.h"
#include "compiler/emit/escape.h"
#include "compiler/emit/mustache_list.h"
#include "compiler/emit/systemd/on_calendar.h"
#include "compiler/emit/systemd/path_watch.h"
#include "compiler/emit/wrapper/settings.h"
#include "compiler/emit/wrapper/wrapper.h"

namespace trigc::emit {

namespace {

using model::Target;
using model::TriggerType;

std::string UnitBase(const model::Pipeline& p, const model::Trigger& t) {
  return SystemdEscape(p.name.value) + "-" + SystemdEscape(t.name.value);
}

/// What the upstream services start: per upstream pipeline, the units for OnSuccess= and OnFailure=.
struct Starts {
  std::vector<std::string> on_success;
  std::vector<std::string> on_failure;
};

std::map<std::string, Starts> DependencyStarts(const model::Project& project) {
  std::map<std::string, Starts> out;
  for (const model::Pipeline* q : PipelinesInOrder(project)) {
    for (const model::Trigger* t : TriggersFor(*q, Target::kSystemd)) {
      if (t->type != TriggerType::kDependency) continue;
      std::string unit = UnitBase(*q, *t) + (t->delay_minutes.value > 0 ? ".timer" : ".service");
      Starts& s = out[t->upstream.value];
      if (t->condition.value != model::Condition::kOnFailure) s.on_success.push_back(unit);
      if (t->condition.value != model::Condition::kOnSuccess) s.on_failure.push_back(unit);
    }
  }
  return out;
}

/// The unit text without the blank lines that empty template sections leave: a blank line stays only before a
/// section header.
std::string Tidy(const std::string& text) {
  std::vector<std::string> lines;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) {
    bool before_header = i + 1 < lines.size() && !lines[i + 1].empty() && lines[i + 1][0] == '[';
    if (lines[i].empty() && !before_header) continue;
    out += lines[i] + "\n";
  }
  return out;
}

Data Strings(const std::vector<std::string>& items) {
  Data list(Data::type::list);
  for (const std::string& i : items) Add(list, Data(i));
  return list;
}

/// True when the pipeline gets at least one systemd service (a trigger that systemd can start).
bool HasUnit(const model::Pipeline& p) {
  for (const model::Trigger* t : TriggersFor(p, Target::kSystemd)) {
    bool scheduled = (t->type == TriggerType::kSchedule || t->type == TriggerType::kFreshness) && t->resolved;
    if (scheduled || t->type == TriggerType::kFileWatch || t->type == TriggerType::kDependency) return true;
  }
  return false;
}

/// E0543 for each dependency whose upstream has no service that could carry OnSuccess=/OnFailure=.
void CheckUpstreams(const model::Project& project, DiagSink& sink) {
  std::map<std::string, const model::Pipeline*> by_name;
  for (const model::Pipeline& p : project.pipelines) by_name[p.name.value] = &p;
  for (const model::Pipeline* q : PipelinesInOrder(project)) {
    for (const model::Trigger* t : TriggersFor(*q, Target::kSystemd)) {
      if (t->type != TriggerType::kDependency) continue;
      auto it = by_name.find(t->upstream.value);
      if (it == by_name.end() || HasUnit(*it->second)) continue;
      sink.Report(Code::E0543, t->upstream.span,
                  fmt::format(
                      "pipeline {}: dependency {} waits for {}, which has no systemd unit, so it never fires",
                      Quote(q->name.value), Quote(t->name.value), Quote(t->upstream.value)))
          .Help(
              "give the upstream pipeline a schedule or file_watch trigger for systemd, or limit this "
              "trigger "
              "to other targets");
    }
  }
}

class SystemdEmitter : public Emitter {
 public:
  Target target() const override { return Target::kSystemd; }

  std::vector<Artifact> Emit(const EmitContext& c) const override {
    std::string script_dir = TargetString(c.project, Target::kSystemd, "script_dir", kDefaultScriptDir);
    CheckUpstreams(c.project, c.sink);
    std::map<std::string, Starts> starts = DependencyStarts(c.project);
    std::vector<Artifact> out;
    std::vector<std::string> enable, paused;
    std::vector<Input> sources;
    for (const model::Pipeline* p : PipelinesInOrder(c.project)) {
      std::vector<const model::Trigger*> triggers = TriggersFor(*p, Target::kSystemd);
      std::optional<std::string> runner = PipelineRunner(c.project, *p, Target::kSystemd, c.sink);
      // The file watches a path unit can express (E054x for the others): checked before anything is rendered.
      std::vector<std::optional<std::vector<std::string>>> watches(triggers.size());
      for (size_t i = 0; runner && i < triggers.size(); ++i)
        if (triggers[i]->type == TriggerType::kFileWatch) watches[i] = PathWatches(*p, *triggers[i], c.sink);
      if (!c.templates.renders()) continue;  // checks only (validate)
      sources.push_back(InputOf(c.project, c.sources, p->file));
      if (!runner) continue;
      std::string header = Header("# ", PipelineSources(c.project, c.sources, *p));
      WrapperSpec spec = BaseWrapperSpec(*p, triggers);
      spec.runner = *runner;
      std::string script = script_dir + "/" + WrapperName(p->name.value);
      Data base;
      Set(base, "header", header);
      Set(base, "pipeline", p->name.value);
      for (size_t i = 0; i < triggers.size(); ++i) {
        const model::Trigger& t = *triggers[i];
        std::string unit = UnitBase(*p, t);
        Data d = base;
        Set(d, "trigger", t.name.value);
        Set(d, "service", unit + ".service");
        bool scheduled =
            (t.type == TriggerType::kSchedule || t.type == TriggerType::kFreshness) && t.resolved;
        std::string activator;
        if (scheduled) {
          Set(d, "kind", "schedule");
          Set(d, "calendar", Strings(OnCalendarValues(t.resolved->expr, t.timezone.value)));
          Set(d, "scheduled", true);
          Set(d, "persistent", t.catchup.value ? "true" : "false");
          if (t.jitter_seconds.value > 0) Set(d, "jitter", std::to_string(t.jitter_seconds.value));
          activator = unit + ".timer";
          out.push_back({"units/" + activator, Tidy(c.templates.Render("systemd/timer.mustache", d))});
        } else if (t.type == TriggerType::kFileWatch) {
          if (!watches[i]) continue;
          Set(d, "watches", Strings(*watches[i]));
          if (IsGlob(t.path.value)) {
            size_t slash = t.path.value.rfind('/');
            spec.triggers[i].watch_dir = slash == 0 ? "/" : t.path.value.substr(0, slash);
            spec.triggers[i].watch_name = t.path.value.substr(slash + 1);
            spec.triggers[i].watch_ignore = t.ignore;
          }
          activator = unit + ".path";
          out.push_back({"units/" + activator, Tidy(c.templates.Render("systemd/path.mustache", d))});
        } else if (t.type == TriggerType::kDependency) {
          if (t.delay_minutes.value > 0) {
            Set(d, "kind", "delayed start");
            Set(d, "delay", std::to_string(t.delay_minutes.value * 60));
            out.push_back(
                {"units/" + unit + ".timer", Tidy(c.templates.Render("systemd/timer.mustache", d))});
          }
        } else {
          continue;  // reported by the capability check (E0501)
        }
        if (!activator.empty()) {
          (p->enabled.value && t.enabled.value ? enable : paused)
              .push_back(ShellWord(activator).value_or("''"));
        }
        auto it = starts.find(p->name.value);
        if (it != starts.end()) {
          Set(d, "on_success", Strings(it->second.on_success));
          Set(d, "on_failure", Strings(it->second.on_failure));
        }
        Set(d, "script", SystemdWord(script).value_or("\"\""));
        Set(d, "trigger_word", SystemdWord(t.name.value).value_or("\"\""));
        out.push_back(
            {"units/" + unit + ".service", Tidy(c.templates.Render("systemd/service.mustache", d))});
      }
      out.push_back({"bin/" + WrapperName(p->name.value), RenderWrapper(c.templates, header, spec), true});
      Flush(c, out);
    }
    if (!c.templates.renders()) return {};
    if (c.project.file) sources.push_back(InputOf(c.project, c.sources, *c.project.file));
    Data data;
    Set(data, "header", Header("# ", sources));
    Set(data, "script_dir", ShellWord(script_dir).value_or("''"));
    Set(data, "enable", Strings(enable));
    Set(data, "paused", Strings(paused));
    out.push_back({"install.sh", c.templates.Render("systemd/install.sh.mustache", data), true});
    std::sort(out.begin(), out.end(), [](const Artifact& a, const Artifact& b) { return a.path < b.path; });
    return out;
  }
};

}  // namespace

std::unique_ptr<Emitter> MakeSystemdEmitter() { return std::make_unique<SystemdEmitter>(); }

}  // namespace trigc::emit
