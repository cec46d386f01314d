#include "compiler/emit/wrapper/wrapper.h"

#include "compiler/emit/escape.h"
#include "compiler/emit/mustache_list.h"

namespace trigc::emit {

namespace {

std::string Quoted(const std::string& text) { return ShellWord(text).value_or("''"); }

template <size_t N>
std::string Values(const std::bitset<N>& bits) {
  std::string out;
  for (size_t i = 0; i < N; ++i) {
    if (bits.test(i)) out += (out.empty() ? "" : " ") + std::to_string(i);
  }
  return "'" + out + "'";
}

std::string Params(const model::Pipeline& pipeline, const model::Trigger& trigger) {
  nlohmann::json merged = pipeline.params.is_object() ? pipeline.params : nlohmann::json::object();
  if (trigger.params.is_object()) {
    for (auto it = trigger.params.begin(); it != trigger.params.end(); ++it) merged[it.key()] = it.value();
  }
  return merged.dump(-1, ' ', true);
}

Data WindowData(const model::MaintenanceWindow& w, size_t index) {
  std::string days;
  for (int d : w.days) days += (days.empty() ? "" : " ") + std::to_string(d + 1);
  Data data;
  Set(data, "zone", Quoted(w.timezone.value));
  Set(data, "days", "'" + days + "'");
  Set(data, "start", std::to_string(w.start_minute));
  Set(data, "end", std::to_string(w.end_minute));
  Set(data, "index", std::to_string(index + 1));
  return data;
}

Data TriggerData(const WrapperTrigger& t) {
  Data data;
  Set(data, "name", Quoted(t.name));
  Set(data, "enabled", t.enabled ? "1" : "0");
  Set(data, "slots", std::to_string(t.slots));
  Set(data, "cooldown", std::to_string(t.cooldown));
  Set(data, "jitter", std::to_string(t.jitter));
  Set(data, "settle", std::to_string(t.settle));
  Set(data, "params", Quoted(t.params));
  if (t.guard) {
    Data guard;
    Set(guard, "zone", Quoted(t.guard_zone));
    Set(guard, "minutes", Values(t.guard->minutes));
    Set(guard, "hours", Values(t.guard->hours));
    Set(guard, "days", Values(t.guard->days_of_month));
    Set(guard, "months", Values(t.guard->months));
    Set(guard, "weekdays", Values(t.guard->days_of_week));
    Set(guard, "day_or", t.guard->dom_restricted && t.guard->dow_restricted ? "1" : "0");
    Set(data, "guard", std::move(guard));
  }
  Set(data, "once_per_tick", t.once_per_tick);
  if (!t.watch_dir.empty()) {
    Data watch;
    Set(watch, "dir", Quoted(t.watch_dir));
    Set(watch, "name", Quoted(t.watch_name));
    Data ignore(Data::type::list);
    for (const std::string& i : t.watch_ignore) Add(ignore, Data(Quoted(i)));
    Set(watch, "ignore", std::move(ignore));
    Set(data, "watch", std::move(watch));
  }
  return data;
}

}  // namespace

WrapperSpec BaseWrapperSpec(const model::Pipeline& pipeline,
                            const std::vector<const model::Trigger*>& triggers) {
  WrapperSpec spec;
  spec.pipeline = pipeline.name.value;
  if (pipeline.retries) {
    spec.attempts = pipeline.retries->attempts.value;
    spec.backoff_seconds = pipeline.retries->backoff_seconds.value;
    spec.exponential = pipeline.retries->backoff.value == "exponential";
  }
  spec.windows = pipeline.maintenance_windows;
  for (const model::Trigger* t : triggers) {
    WrapperTrigger w;
    w.name = t->name.value;
    w.enabled = pipeline.enabled.value && t->enabled.value;
    if (t->max_concurrent) {
      w.slots = t->max_concurrent->value;
    } else if (pipeline.max_concurrent) {
      w.slots = pipeline.max_concurrent->value;
    }
    if (t->cooldown_seconds) {
      w.cooldown = t->cooldown_seconds->value;
    } else if (pipeline.cooldown_seconds) {
      w.cooldown = pipeline.cooldown_seconds->value;
    }
    if (t->type == model::TriggerType::kFileWatch) w.settle = t->debounce_seconds.value;
    w.params = Params(pipeline, *t);
    spec.triggers.push_back(std::move(w));
  }
  return spec;
}

std::string RenderWrapper(const TemplateSet& templates, const std::string& header, const WrapperSpec& spec) {
  Data data;
  Set(data, "header", header);
  Set(data, "pipeline", Quoted(spec.pipeline));
  Set(data, "runner", spec.runner);
  Set(data, "attempts", std::to_string(spec.attempts));
  Set(data, "backoff", std::to_string(spec.backoff_seconds));
  Set(data, "exponential", spec.exponential);
  Data windows(Data::type::list);
  for (size_t i = 0; i < spec.windows.size(); ++i) Add(windows, WindowData(spec.windows[i], i));
  Set(data, "windows", std::move(windows));
  Data triggers(Data::type::list);
  for (const WrapperTrigger& t : spec.triggers) Add(triggers, TriggerData(t));
  Set(data, "triggers", std::move(triggers));
  Data downstream(Data::type::list);
  for (const WrapperDownstream& d : spec.downstream) {
    Data item;
    Set(item, "condition", model::Name(d.condition));
    Set(item, "delay", std::to_string(d.delay_seconds));
    Set(item, "script", Quoted(d.script));
    Set(item, "trigger", Quoted(d.trigger));
    Add(downstream, std::move(item));
  }
  Set(data, "downstream", std::move(downstream));
  Set(data, "has_downstream", !spec.downstream.empty());
  bool guard = false;
  for (const WrapperTrigger& t : spec.triggers) guard = guard || t.guard.has_value();
  Set(data, "has_guard", guard);
  bool tick = false;
  for (const WrapperTrigger& t : spec.triggers) tick = tick || t.once_per_tick;
  Set(data, "has_tick", tick);
  Set(data, "has_windows", !spec.windows.empty());
  Set(data, "has_time", guard || !spec.windows.empty());
  return templates.Render("wrapper/run.sh.mustache", data);
}

std::string WrapperName(const std::string& pipeline) { return "run-" + pipeline; }

}  // namespace trigc::emit
