#include "compiler/presets/resolve.h"

#include <algorithm>

#include <fmt/format.h>

#include "compiler/model/duration.h"
#include "compiler/model/timezone.h"

#include "compiler/cron/dst.h"
#include "compiler/cron/parse.h"
#include "compiler/explain/clock.h"
#include "compiler/presets/builtin.h"
#include "compiler/presets/freshness.h"

namespace trigc::presets {

namespace {

using model::Origin;
using model::Value;

// A `cron:` value is an expression when it has a space or is a macro; otherwise it names a preset.
bool LooksLikeExpression(const std::string& text) {
  return text.find_first_of(" \t") != std::string::npos || (!text.empty() && text[0] == '@') ||
         text.find_first_of("*/,-") != std::string::npos;
}

class Resolver {
 public:
  Resolver(model::Project& project, const SourceManager& sources, DiagSink& sink)
      : project_(project), sources_(sources), sink_(sink) {}

  // Parses `text` (whose source is `where`); reports E0311 at the bad field.
  std::optional<cron::CronExpr> ParseCron(const Value<std::string>& where, const std::string& via) {
    cron::ParseResult result = cron::Parse(where.value);
    if (result.ok()) return result.expr();
    const cron::ParseError& e = result.error();
    auto b = sink_.Report(Code::E0311, SpanInside(where, e.begin, e.end, sources_),
                          fmt::format("invalid cron {}: {}", Quote(where.value), e.message));
    if (!via.empty()) b.Note({}, fmt::format("the expression comes from {}", via));
    if (!e.help.empty()) b.Help(e.help);
    return std::nullopt;
  }

  void CheckProjectPresets() {
    for (auto& [name, value] : project_.cron_presets) {
      if (FindCronPreset(name) != nullptr || FindPattern(name) != nullptr) {
        Shadowed(name, value.span);
        continue;
      }
      if (auto expr = ParseCron(value, "")) project_exprs_[name] = *expr;
    }
    for (auto& [name, def] : project_.patterns) {
      if (FindPattern(name) != nullptr || FindCronPreset(name) != nullptr) {
        Shadowed(name, def.name.span);
        continue;
      }
      if (def.cron && def.manual) {
        ManualWithCron(name, *def.cron);
        continue;
      }
      if (def.cron && ParseCron(*def.cron, "")) project_ok_patterns_.push_back(name);
      if (!def.cron) project_ok_patterns_.push_back(name);
    }
  }

  // A manual pattern has no schedule, so a cron beside `manual: true` would be silently dropped.
  void ManualWithCron(const std::string& name, const Value<std::string>& cron) {
    sink_
        .Report(Code::E0320, cron.span,
                fmt::format("pattern {} has both a cron and 'manual: true'", Quote(name)))
        .Help(
            "a manual pattern has no schedule: remove 'cron:' for a pattern people start by hand, or remove "
            "'manual: true' to run on the cron");
  }

  void Shadowed(const std::string& name, Span span) {
    sink_
        .Report(Code::E0314, span, fmt::format("{} is the name of a built-in preset or pattern", Quote(name)))
        .Help("pick another name: a project preset may not change what a built-in name means");
  }

  std::vector<std::string> PresetNames() const {
    std::vector<std::string> names;
    for (const CronPreset& p : CronPresets()) names.emplace_back(p.name);
    for (const auto& [name, expr] : project_exprs_) names.push_back(name);
    return names;
  }
  std::vector<std::string> PatternNames() const {
    std::vector<std::string> names;
    for (const BuiltinPattern& p : Patterns()) names.emplace_back(p.name);
    for (const auto& [name, def] : project_.patterns) names.push_back(name);
    return names;
  }
  bool IsPattern(const std::string& name) const {
    return FindPattern(name) != nullptr || project_.patterns.count(name) != 0;
  }

  void ResolveCron(model::Trigger& t) {
    const Value<std::string>& written = *t.cron;
    if (LooksLikeExpression(written.value)) {
      if (auto expr = ParseCron(written, "")) t.resolved = model::ResolvedSchedule{written, *expr, ""};
      return;
    }
    if (auto it = project_.cron_presets.find(written.value); it != project_.cron_presets.end()) {
      auto expr = project_exprs_.find(written.value);
      if (expr == project_exprs_.end()) return;  // reported at the preset
      Value<std::string> cron(it->second.value, written.span, Origin::kPreset);
      t.resolved =
          model::ResolvedSchedule{cron, expr->second, fmt::format("project preset {}", Quote(written.value))};
      return;
    }
    if (const CronPreset* preset = FindCronPreset(written.value)) {
      Value<std::string> cron(std::string(preset->cron), written.span, Origin::kPreset);
      t.resolved = model::ResolvedSchedule{cron, cron::Parse(preset->cron).expr(),
                                           fmt::format("preset {}", Quote(written.value))};
      return;
    }
    if (!project_.project_file_ok) return;  // the preset may be defined in the broken trigc.yaml
    auto b =
        sink_.Report(Code::E0312, written.span, fmt::format("unknown cron preset {}", Quote(written.value)));
    if (IsPattern(written.value)) {
      b.Help(
          fmt::format("{} is a schedule pattern: write 'pattern: {}'", Quote(written.value), written.value));
      return;
    }
    std::string suggestion = SpellCheck(written.value, PresetNames());
    if (!suggestion.empty()) b.Help(fmt::format("did you mean '{}'?", suggestion));
    b.Help("write a 5-field cron such as \"0 6 * * *\", a macro such as \"@daily\", or a preset: " +
           fmt::format("{}", fmt::join(PresetNames(), ", ")));
  }

  void ApplyPatternPolicy(model::Pipeline& p, const BuiltinPattern& pattern, Span span) {
    if (pattern.retry_attempts >= 0 && !p.retries) {
      model::Retries r;
      r.attempts = Value<int64_t>(pattern.retry_attempts, span, Origin::kPattern);
      r.backoff = Value<std::string>(std::string(pattern.backoff), span, Origin::kPattern);
      r.backoff_seconds = Value<int64_t>(pattern.backoff_seconds, span, Origin::kPattern);
      p.retries = r;
    }
    if (pattern.freshness_warn_seconds > 0 && !p.freshness) {
      model::Freshness f;
      f.warn_after = model::Duration{pattern.freshness_warn_seconds, span};
      f.span = span;
      p.freshness = f;
    }
  }

  void ResolvePattern(model::Pipeline& p, model::Trigger& t) {
    const Value<std::string>& written = *t.pattern;
    std::string via = fmt::format("pattern {}", Quote(written.value));
    if (auto it = project_.patterns.find(written.value); it != project_.patterns.end()) {
      const model::PatternDef& def = it->second;
      if (std::find(project_ok_patterns_.begin(), project_ok_patterns_.end(), written.value) ==
          project_ok_patterns_.end()) {
        return;  // reported at the pattern
      }
      if (def.timezone && t.timezone.origin != Origin::kWritten) {
        t.timezone = Value<std::string>(def.timezone->value, def.timezone->span, Origin::kPattern);
      }
      if (def.catchup && t.catchup.origin != Origin::kWritten) {
        t.catchup = Value<bool>(def.catchup->value, def.catchup->span, Origin::kPattern);
      }
      if (def.retries && !p.retries) p.retries = def.retries;
      if (def.freshness && !p.freshness) p.freshness = def.freshness;
      if (def.manual || !def.cron) return;
      Value<std::string> cron(def.cron->value, written.span, Origin::kPattern);
      t.resolved = model::ResolvedSchedule{cron, cron::Parse(def.cron->value).expr(), "project " + via};
      return;
    }
    if (const BuiltinPattern* pattern = FindPattern(written.value)) {
      ApplyPatternPolicy(p, *pattern, written.span);
      if (!pattern->timezone.empty() && t.timezone.origin != Origin::kWritten) {
        t.timezone = Value<std::string>(std::string(pattern->timezone), written.span, Origin::kPattern);
      }
      if (pattern->cron.empty()) return;
      Value<std::string> cron(std::string(pattern->cron), written.span, Origin::kPattern);
      t.resolved = model::ResolvedSchedule{cron, cron::Parse(pattern->cron).expr(), via};
      return;
    }
    if (!project_.project_file_ok) return;
    auto b = sink_.Report(Code::E0313, written.span,
                          fmt::format("unknown schedule pattern {}", Quote(written.value)));
    if (FindCronPreset(written.value) != nullptr || project_.cron_presets.count(written.value) != 0) {
      b.Help(fmt::format("{} is a cron preset: write 'cron: {}'", Quote(written.value), written.value));
      return;
    }
    std::string suggestion = SpellCheck(written.value, PatternNames());
    if (!suggestion.empty()) b.Help(fmt::format("did you mean '{}'?", suggestion));
    b.Help(fmt::format("built-in patterns: {}", fmt::join(PatternNames(), ", ")));
  }

  void ResolveFreshness(const model::Pipeline& p, model::Trigger& t) {
    if (!p.freshness) return;  // E0310, reported by the model
    t.timezone = project_.default_timezone;
    if (t.timezone.origin == Origin::kWritten) t.timezone.origin = Origin::kProjectDefault;
    bool warn = p.freshness->warn_after.has_value();
    const model::Duration& window = warn ? *p.freshness->warn_after : *p.freshness->error_after;
    auto derived = DeriveFreshnessSchedule(window.seconds, warn ? "warn_after" : "error_after");
    if (!derived) {
      sink_
          .Report(Code::E0315, window.span,
                  fmt::format("a freshness window of {} is too short to schedule for",
                              model::FormatDuration(window.seconds)))
          .Help("the derived schedule runs at least every minute, so the window must be at least 2 minutes");
      return;
    }
    Value<std::string> cron(derived->cron, window.span, Origin::kDerived);
    t.resolved =
        model::ResolvedSchedule{cron, cron::Parse(derived->cron).expr(), "freshness " + derived->reason};
  }

  // W0302: a fixed-time schedule whose local time a DST change skips or repeats in the next two years.
  // Wildcard schedules (`*/15 * * * *`) are not warned about: running "every 15 minutes" through a change
  // is expected, and `trigc preview --target` shows how each target handles it.
  void CheckDst(const model::Trigger& t) {
    if (!t.resolved || !t.resolved->expr.fixed_time) return;
    const DstFinding* finding = FindDst(t.resolved->expr, t.timezone.value);
    if (finding == nullptr) return;
    const cron::DstTouch& touch = finding->touch;
    bool skipped = touch.kind == cron::DstKind::kSkipped;
    auto b = sink_.Report(
        Code::W0302, t.resolved->cron.span,
        fmt::format("{} runs at {} in {}, a local time that the DST change of {} {}",
                    Quote(t.resolved->cron.value), date::format("%R", touch.local), t.timezone.value,
                    date::format("%F", touch.local), skipped ? "skips" : "repeats"));
    if (!t.resolved->via.empty()) b.Note({}, fmt::format("the schedule comes from {}", t.resolved->via));
    b.Note({}, skipped
                   ? "targets disagree: cron runs it right after the gap, Dagster at the end of the gap, "
                     "systemd not at all that day"
                   : "targets disagree: cron and systemd run it once at the first occurrence, Dagster at the "
                     "second");
    if (!finding->help.empty()) b.Help(finding->help);
  }

  // The first DST touch of a schedule in the next two years and the help to avoid it, or nullptr. Many
  // triggers share a cron and a zone, and the two-year scan is costly, so each pair is computed once.
  struct DstFinding {
    cron::DstTouch touch;
    std::string help;
  };
  const DstFinding* FindDst(const cron::CronExpr& expr, const std::string& timezone) {
    std::string key = timezone + ' ' + expr.minutes.to_string() + expr.hours.to_string() +
                      expr.days_of_month.to_string() + expr.months.to_string() +
                      expr.days_of_week.to_string() + (expr.dom_restricted ? '1' : '0') +
                      (expr.dow_restricted ? '1' : '0');
    auto [it, inserted] = dst_cache_.try_emplace(std::move(key));
    if (!inserted) return it->second ? &*it->second : nullptr;
    const date::time_zone* zone = model::FindTimezone(timezone);
    if (zone == nullptr) return nullptr;  // E0304 reported by the model
    date::sys_seconds from = date::floor<date::days>(explain::Now());
    auto touches = cron::DstTouches(expr, *zone, from, from + date::days{731}, 1);
    if (touches.empty()) return nullptr;
    cron::DstSuggestion suggestion = cron::SuggestDstSafe(expr, *zone, from);
    it->second = DstFinding{touches.front(), suggestion.needed ? suggestion.message : std::string()};
    return &*it->second;
  }

  void Run() {
    CheckProjectPresets();
    for (model::Pipeline& p : project_.pipelines) {
      for (model::Trigger& t : p.triggers) {
        if (t.type == model::TriggerType::kSchedule && t.cron && !t.pattern) ResolveCron(t);
        if (t.type == model::TriggerType::kSchedule && t.pattern && !t.cron) ResolvePattern(p, t);
      }
      for (model::Trigger& t : p.triggers) {
        if (t.type == model::TriggerType::kFreshness) ResolveFreshness(p, t);
        CheckDst(t);
      }
    }
  }

 private:
  model::Project& project_;
  const SourceManager& sources_;
  DiagSink& sink_;
  std::map<std::string, cron::CronExpr> project_exprs_;
  std::vector<std::string> project_ok_patterns_;
  std::map<std::string, std::optional<DstFinding>> dst_cache_;
};

}  // namespace

Span SpanInside(const Value<std::string>& value, size_t begin, size_t end, const SourceManager& sources) {
  Span span = value.span;
  if (!span.valid()) return span;
  std::string_view text = sources.Get(span.file).text();
  uint32_t inner = span.begin;
  if (inner < text.size() && (text[inner] == '"' || text[inner] == '\'')) ++inner;
  if (text.substr(inner, value.value.size()) != value.value || end > value.value.size()) return span;
  return Span{span.file, inner + static_cast<uint32_t>(begin),
              inner + static_cast<uint32_t>(std::max(end, begin + 1))};
}

void Resolve(model::Project& project, const SourceManager& sources, DiagSink& sink) {
  Resolver(project, sources, sink).Run();
}

}  // namespace trigc::presets
