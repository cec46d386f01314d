// The crontab emitter: a crontab (and on request an /etc/cron.d file) whose lines are validated time fields
// plus a generated run script per pipeline (compiler/emit/wrapper), which holds every policy.
#include <map>
#include <set>

#include <fmt/format.h>

#include "compiler/emit/crontab/cron_lines.h"
#include "compiler/emit/emitter.h"
#include "compiler/emit/mustache_list.h"
#include "compiler/emit/wrapper/settings.h"
#include "compiler/emit/wrapper/wrapper.h"

namespace trigc::emit {

namespace {

using model::Target;
using model::TriggerType;

struct CronSettings {
  bool cronie = true;
  std::string system_zone;
  std::string script_dir;
  std::string cron_d_user;
};

bool Scheduled(const model::Trigger& t) {
  return (t.type == TriggerType::kSchedule || t.type == TriggerType::kFreshness) && t.resolved.has_value();
}

/// The crontab lines (with CRON_TZ= lines for cronie) of one pipeline's scheduled triggers.
void AddLines(const model::Pipeline& p, const std::vector<const model::Trigger*>& triggers,
              const CronSettings& s, std::string& zone, std::vector<std::string>& lines,
              std::vector<std::string>& user_lines, WrapperSpec& spec) {
  for (size_t i = 0; i < triggers.size(); ++i) {
    const model::Trigger& t = *triggers[i];
    if (!Scheduled(t)) continue;
    std::string command = s.script_dir + "/" + WrapperName(p.name.value) + " " + t.name.value;
    std::vector<std::string> fields;
    if (s.cronie || t.timezone.value == s.system_zone) {
      fields = CronLineFields(t.resolved->expr);
      if (s.cronie && zone != t.timezone.value) {
        zone = t.timezone.value;
        lines.push_back("CRON_TZ=" + zone);
        user_lines.push_back("CRON_TZ=" + zone);
      }
    } else {
      fields = {GuardLineFields(t.resolved->expr)};
      spec.triggers[i].guard = t.resolved->expr;
      spec.triggers[i].guard_zone = t.timezone.value;
    }
    spec.triggers[i].jitter = t.jitter_seconds.value;
    // Two lines (cron's day OR) both fire on a day that matches both: the script runs the first start only.
    spec.triggers[i].once_per_tick = fields.size() > 1;
    bool enabled = p.enabled.value && t.enabled.value;
    for (const std::string& f : fields) {
      std::string prefix = enabled ? "" : "# disabled (enabled: false): ";
      lines.push_back(prefix + f + " " + command);
      user_lines.push_back(prefix + f + " " + s.cron_d_user + " " + command);
    }
  }
}

class CrontabEmitter : public Emitter {
 public:
  Target target() const override { return Target::kCrontab; }

  std::vector<Artifact> Emit(const EmitContext& c) const override {
    CronSettings s;
    s.cronie = TargetString(c.project, Target::kCrontab, "flavor", "cronie") == "cronie";
    s.system_zone = TargetString(c.project, Target::kCrontab, "system_timezone", "UTC");
    s.script_dir = TargetString(c.project, Target::kCrontab, "script_dir", kDefaultScriptDir);
    s.cron_d_user = TargetString(c.project, Target::kCrontab, "cron_d_user", "");
    std::vector<Artifact> out;
    std::vector<std::string> lines, user_lines;
    std::vector<Input> sources;
    std::set<std::string> seen;
    std::string zone;
    std::map<std::string, std::vector<WrapperDownstream>> downstream = Downstream(c.project, s);
    for (const model::Pipeline* p : PipelinesInOrder(c.project)) {
      std::vector<const model::Trigger*> triggers = TriggersFor(*p, Target::kCrontab);
      CheckCatchup(*p, triggers, c.sink);
      std::optional<std::string> runner = PipelineRunner(c.project, *p, Target::kCrontab, c.sink);
      if (!c.templates.renders()) continue;  // checks only (validate)
      for (const Input& src : PipelineSources(c.project, c.sources, *p)) {
        if (seen.insert(src.path).second && src.path != "trigc.yaml") sources.push_back(src);
      }
      if (!runner) continue;
      WrapperSpec spec = BaseWrapperSpec(*p, triggers);
      spec.runner = *runner;
      if (auto it = downstream.find(p->name.value); it != downstream.end()) spec.downstream = it->second;
      AddLines(*p, triggers, s, zone, lines, user_lines, spec);
      std::string header = Header("# ", PipelineSources(c.project, c.sources, *p));
      out.push_back({"bin/" + WrapperName(p->name.value), RenderWrapper(c.templates, header, spec), true});
      Flush(c, out);
    }
    if (!c.templates.renders()) return {};
    if (c.project.file) sources.push_back(InputOf(c.project, c.sources, *c.project.file));
    Data data;
    Set(data, "header", Header("# ", sources));
    SetStrings(data, "lines", lines);
    out.push_back({"crontab", c.templates.Render("crontab/crontab.mustache", data)});
    if (!s.cron_d_user.empty()) {
      SetStrings(data, "lines", user_lines);
      out.push_back({"cron.d/trigc", c.templates.Render("crontab/crontab.mustache", data)});
    }
    return out;
  }

 private:
  static void CheckCatchup(const model::Pipeline& p, const std::vector<const model::Trigger*>& triggers,
                           DiagSink& sink) {
    for (const model::Trigger* t : triggers) {
      if (!Scheduled(*t) || !t->catchup.value) continue;
      sink.Report(Code::E0541, t->catchup.span,
                  fmt::format("pipeline {}: trigger {} asks for catchup, which cron cannot do",
                              Quote(p.name.value), Quote(t->name.value)))
          .Note({}, "cron never runs a schedule that was missed while the machine was down")
          .Help(
              "set 'catchup: false', or limit the trigger to targets that catch up, e.g. 'targets: "
              "[systemd]'");
    }
  }

  /// The dependency triggers (for crontab) by upstream pipeline name, in emit order: built once, as scanning
  /// the project for each pipeline would be quadratic.
  static std::map<std::string, std::vector<WrapperDownstream>> Downstream(const model::Project& project,
                                                                          const CronSettings& s) {
    std::map<std::string, std::vector<WrapperDownstream>> out;
    for (const model::Pipeline* q : PipelinesInOrder(project)) {
      for (const model::Trigger* t : TriggersFor(*q, Target::kCrontab)) {
        if (t->type != TriggerType::kDependency) continue;
        out[t->upstream.value].push_back({t->condition.value, t->delay_minutes.value * 60,
                                          s.script_dir + "/" + WrapperName(q->name.value), t->name.value});
      }
    }
    return out;
  }
};

}  // namespace

std::unique_ptr<Emitter> MakeCrontabEmitter() { return std::make_unique<CrontabEmitter>(); }

}  // namespace trigc::emit
