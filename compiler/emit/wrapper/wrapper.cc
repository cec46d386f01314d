#include "compiler/emit/wrapper/wrapper.h"

#include "compiler/emit/escape.h"

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
  data.set("zone", Quoted(w.timezone.value));
  data.set("days", "'" + days + "'");
  data.set("start", std::to_string(w.start_minute));
  data.set("end", std::to_string(w.end_minute));
  data.set("index", std::to_string(index + 1));
  return data;
}

Data TriggerData(const WrapperTrigger& t) {
  Data data;
  data.set("name", Quoted(t.name));
  data.set("enabled", t.enabled ? "1" : "0");
  data.set("slots", std::to_string(t.slots));
  data.set("cooldown", std::to_string(t.cooldown));
  data.set("jitter", std::to_string(t.jitter));
  data.set("settle", std::to_string(t.settle));
  data.set("params", Quoted(t.params));
  if (t.guard) {
    Data guard;
    guard.set("zone", Quoted(t.guard_zone));
    guard.set("minutes", Values(t.guard->minutes));
    guard.set("hours", Values(t.guard->hours));
    guard.set("days", Values(t.guard->days_of_month));
    guard.set("months", Values(t.guard->months));
    guard.set("weekdays", Values(t.guard->days_of_week));
    guard.set("day_or", t.guard->dom_restricted && t.guard->dow_restricted ? "1" : "0");
    data.set("guard", guard);
  }
  if (!t.watch_dir.empty()) {
    Data watch;
    watch.set("dir", Quoted(t.watch_dir));
    watch.set("name", Quoted(t.watch_name));
    List ignore;
    for (const std::string& i : t.watch_ignore) ignore.push_back(Data(Quoted(i)));
    watch.set("ignore", ignore);
    data.set("watch", watch);
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
  data.set("header", header);
  data.set("pipeline", Quoted(spec.pipeline));
  data.set("runner", spec.runner);
  data.set("attempts", std::to_string(spec.attempts));
  data.set("backoff", std::to_string(spec.backoff_seconds));
  data.set("exponential", spec.exponential);
  List windows;
  for (size_t i = 0; i < spec.windows.size(); ++i) windows.push_back(WindowData(spec.windows[i], i));
  data.set("windows", windows);
  List triggers;
  for (const WrapperTrigger& t : spec.triggers) triggers.push_back(TriggerData(t));
  data.set("triggers", triggers);
  List downstream;
  for (const WrapperDownstream& d : spec.downstream) {
    Data item;
    item.set("condition", model::Name(d.condition));
    item.set("delay", std::to_string(d.delay_seconds));
    item.set("script", Quoted(d.script));
    item.set("trigger", Quoted(d.trigger));
    downstream.push_back(item);
  }
  data.set("downstream", downstream);
  data.set("has_downstream", !spec.downstream.empty());
  bool guard = false;
  for (const WrapperTrigger& t : spec.triggers) guard = guard || t.guard.has_value();
  data.set("has_guard", guard);
  data.set("has_windows", !spec.windows.empty());
  data.set("has_time", guard || !spec.windows.empty());
  return templates.Render("wrapper/run.sh.mustache", data);
}

std::string WrapperName(const std::string& pipeline) { return "run-" + pipeline; }

}  // namespace trigc::emit
