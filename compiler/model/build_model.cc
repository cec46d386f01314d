#include "compiler/model/build_model.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "compiler/model/duration.h"
#include "compiler/model/pipeline_name.h"
#include "compiler/model/secret_params.h"

#include "compiler/model/timezone.h"
#include "compiler/schema/validate.h"

namespace trigc::model {

namespace {

using yaml::Document;
using yaml::kNoNode;
using yaml::NodeId;
using yaml::NodeKind;

// Typed access to a validated document; a value of the wrong kind reads as absent (the schema reported it).
class Reader {
 public:
  explicit Reader(const Document& doc) : doc_(doc) {}

  const Document& doc() const { return doc_; }
  NodeId Get(NodeId map, std::string_view key) const { return doc_.Find(map, key); }
  Span SpanOf(NodeId id) const { return doc_.node(id).span; }

  std::optional<Value<std::string>> Str(NodeId map, std::string_view key) const {
    NodeId id = Get(map, key);
    if (id == kNoNode || doc_.node(id).kind != NodeKind::kString) return std::nullopt;
    return Value<std::string>{doc_.node(id).text, doc_.node(id).span, Origin::kWritten};
  }
  std::optional<Value<int64_t>> Int(NodeId map, std::string_view key) const {
    NodeId id = Get(map, key);
    if (id == kNoNode || doc_.node(id).kind != NodeKind::kInt) return std::nullopt;
    return Value<int64_t>{doc_.node(id).int_value, doc_.node(id).span, Origin::kWritten};
  }
  std::optional<Value<bool>> Bool(NodeId map, std::string_view key) const {
    NodeId id = Get(map, key);
    if (id == kNoNode || doc_.node(id).kind != NodeKind::kBool) return std::nullopt;
    return Value<bool>{doc_.node(id).bool_value, doc_.node(id).span, Origin::kWritten};
  }
  std::vector<std::string> StrList(NodeId map, std::string_view key) const {
    std::vector<std::string> out;
    NodeId id = Get(map, key);
    if (id == kNoNode || doc_.node(id).kind != NodeKind::kSequence) return out;
    for (NodeId item : doc_.node(id).children) {
      if (doc_.node(item).kind == NodeKind::kString) out.push_back(doc_.node(item).text);
    }
    return out;
  }
  nlohmann::json Json(NodeId map, std::string_view key) const {
    NodeId id = Get(map, key);
    return id == kNoNode ? nlohmann::json::object() : schema::ToJson(doc_, id);
  }
  // Entries of a mapping value: (key text, key span, value id).
  std::vector<std::tuple<std::string, Span, NodeId>> Entries(NodeId map) const {
    std::vector<std::tuple<std::string, Span, NodeId>> out;
    if (map == kNoNode || doc_.node(map).kind != NodeKind::kMapping) return out;
    const auto& kids = doc_.node(map).children;
    for (size_t i = 0; i + 1 < kids.size(); i += 2) {
      out.emplace_back(doc_.node(kids[i]).text, doc_.node(kids[i]).span, kids[i + 1]);
    }
    return out;
  }

 private:
  const Document& doc_;
};

template <typename T>
void Assign(Value<T>& target, const std::optional<Value<T>>& value) {
  if (value) target = *value;
}

std::optional<Duration> ReadDuration(const Reader& r, NodeId map, std::string_view key) {
  NodeId id = r.Get(map, key);
  if (id == kNoNode) return std::nullopt;
  const yaml::Node& n = r.doc().node(id);
  Duration d;
  d.span = n.span;
  if (n.kind == NodeKind::kString && n.text.size() >= 2) {
    int64_t number = std::stoll(n.text.substr(0, n.text.size() - 1));
    char unit = n.text.back();
    d.seconds = number * (unit == 'm' ? 60 : unit == 'h' ? 3600 : 86400);
    return d;
  }
  for (auto [unit, factor] :
       {std::pair<const char*, int64_t>{"minutes", 60}, {"hours", 3600}, {"days", 86400}}) {
    if (auto v = r.Int(id, unit)) {
      d.seconds = v->value * factor;
      return d;
    }
  }
  return std::nullopt;
}

void CheckTimezone(const Value<std::string>& tz, DiagSink& sink) {
  if (tz.origin != Origin::kWritten || TimezoneExists(tz.value)) return;
  auto b = sink.Report(Code::E0304, tz.span, fmt::format("unknown time zone {}", Quote(tz.value)));
  for (const char* candidate : {"UTC", "Europe/Paris", "Europe/London", "America/New_York",
                                "America/Los_Angeles", "Asia/Kolkata", "Asia/Tokyo", "Australia/Sydney"}) {
    if (!SpellCheck(tz.value, {candidate}, 3).empty()) {
      b.Help(fmt::format("did you mean '{}'?", candidate));
      return;
    }
  }
  b.Help("use an IANA name from the tz database, such as 'Europe/Paris' or 'UTC'");
}

std::optional<Freshness> ReadFreshness(const Reader& r, NodeId map, DiagSink& sink) {
  NodeId id = r.Get(map, "freshness");
  if (id == kNoNode) return std::nullopt;
  Freshness f;
  f.span = r.SpanOf(id);
  f.warn_after = ReadDuration(r, id, "warn_after");
  f.error_after = ReadDuration(r, id, "error_after");
  if (f.warn_after && f.error_after && f.warn_after->seconds >= f.error_after->seconds) {
    sink.Report(Code::E0303, f.warn_after->span,
                fmt::format("warn_after ({}) must be shorter than error_after ({})",
                            FormatDuration(f.warn_after->seconds), FormatDuration(f.error_after->seconds)))
        .Note(f.error_after->span, "error_after is set here")
        .Help("a warning is meant to come before the error: shorten warn_after or lengthen error_after");
  }
  return f;
}

std::optional<Retries> ReadRetries(const Reader& r, NodeId map) {
  NodeId id = r.Get(map, "retries");
  if (id == kNoNode) return std::nullopt;
  Retries retries;
  Assign(retries.attempts, r.Int(id, "attempts"));
  Assign(retries.backoff_seconds, r.Int(id, "backoff_seconds"));
  Assign(retries.backoff, r.Str(id, "backoff"));
  return retries;
}

int ParseClock(const std::string& text) {
  return std::stoi(text.substr(0, 2)) * 60 + std::stoi(text.substr(3, 2));
}

class PipelineBuilder {
 public:
  PipelineBuilder(const Reader& r, const Project& project, DiagSink& sink)
      : r_(r), project_(project), sink_(sink) {}

  Value<std::string> DefaultTimezone() const {
    Value<std::string> tz = project_.default_timezone;
    if (tz.origin == Origin::kWritten) tz.origin = Origin::kProjectDefault;
    return tz;
  }

  void ReadWindows(NodeId root, Pipeline& p) {
    NodeId list = r_.Get(root, "maintenance_windows");
    if (list == kNoNode || r_.doc().node(list).kind != NodeKind::kSequence) return;
    static const std::vector<std::string> kDays = {"monday", "tuesday",  "wednesday", "thursday",
                                                   "friday", "saturday", "sunday"};
    for (NodeId item : r_.doc().node(list).children) {
      MaintenanceWindow w;
      w.span = r_.SpanOf(item);
      for (const std::string& day : r_.StrList(item, "days")) {
        w.days.push_back(static_cast<int>(std::find(kDays.begin(), kDays.end(), day) - kDays.begin()));
      }
      auto start = r_.Str(item, "start");
      auto end = r_.Str(item, "end");
      if (!start || !end) continue;
      w.start_minute = ParseClock(start->value);
      w.end_minute = ParseClock(end->value);
      w.timezone = DefaultTimezone();
      Assign(w.timezone, r_.Str(item, "timezone"));
      CheckTimezone(w.timezone, sink_);
      if (auto d = r_.Str(item, "description")) w.description = d->value;
      if (w.start_minute == w.end_minute) {
        sink_
            .Report(Code::E0309, end->span,
                    fmt::format("maintenance window starts and ends at {}", start->value))
            .Help(
                "a window that spans midnight ends earlier than it starts, e.g. start: \"23:00\", end: "
                "\"02:00\"");
      }
      p.maintenance_windows.push_back(std::move(w));
    }
  }

  void ReadOverrides(NodeId root, Pipeline& p) {
    for (const auto& [name, key_span, value] : r_.Entries(r_.Get(root, "targets"))) {
      Target target;
      if (!Parse(name, target)) continue;
      TargetOverride o;
      o.target = r_.Str(value, "target");
      o.entrypoint = r_.Str(value, "entrypoint");
      o.work_pool = r_.Str(value, "work_pool");
      o.runner = r_.Str(value, "runner");
      p.overrides[target] = o;
    }
  }

  void ReadSchedule(NodeId id, Trigger& t) {
    t.cron = r_.Str(id, "cron");
    t.pattern = r_.Str(id, "pattern");
    if (t.cron.has_value() == t.pattern.has_value()) {
      sink_
          .Report(
              Code::E0307, t.cron ? t.pattern->span : t.span,
              t.cron ? "a schedule has both 'cron' and 'pattern'" : "a schedule needs 'cron' or 'pattern'")
          .Help(
              "give a cron expression, a macro or preset in 'cron', or a schedule pattern name in 'pattern'");
    }
    t.timezone = DefaultTimezone();
    Assign(t.timezone, r_.Str(id, "timezone"));
    CheckTimezone(t.timezone, sink_);
    Assign(t.catchup, r_.Bool(id, "catchup"));
    Assign(t.jitter_seconds, r_.Int(id, "jitter_seconds"));
  }

  void DefaultBucket(NodeId id, Trigger& t) {
    if (project_.default_bucket) {
      t.bucket = *project_.default_bucket;
      t.bucket.origin = Origin::kProjectDefault;
    }
    Assign(t.bucket, r_.Str(id, "bucket"));
  }

  void ReadS3(NodeId id, Trigger& t) {
    Assign(t.path, r_.Str(id, "path"));
    DefaultBucket(id, t);
    Assign(t.glob, r_.Str(id, "pattern"));
    Assign(t.interval, r_.Int(id, "interval"));
  }

  void ReadWebhook(NodeId id, Trigger& t) {
    Assign(t.endpoint, r_.Str(id, "endpoint"));
    Assign(t.source, r_.Str(id, "source"));
    DefaultBucket(id, t);
    Assign(t.prefix, r_.Str(id, "prefix"));
    Assign(t.suffix, r_.Str(id, "suffix"));
    t.events = r_.StrList(id, "events");
    if (t.events.empty()) t.events = {"put"};
    if (auto secret = r_.Str(id, "secret")) {
      std::string name = EnvReference(secret->value);
      if (name.empty()) {
        // The value itself is never printed: it is masked in the source line too.
        sink_.Report(Code::E0305, secret->span, "the webhook secret is written out literally")
            .Help(
                "write a reference to an environment variable, e.g. secret: \"${env:SALES_WEBHOOK_SECRET}\"")
            .Note({},
                  "generated files are committed and world-readable: a literal secret would leak into them");
      } else {
        t.secret_env = Value<std::string>{name, secret->span, Origin::kWritten};
      }
    }
  }

  void ReadDependency(NodeId id, Trigger& t) {
    Assign(t.upstream, r_.Str(id, "upstream"));
    if (auto c = r_.Str(id, "condition")) {
      Condition condition;
      if (Parse(c->value, condition)) t.condition = Value<Condition>{condition, c->span, Origin::kWritten};
    }
    Assign(t.delay_minutes, r_.Int(id, "delay_minutes"));
  }

  void ReadFileWatch(NodeId id, Trigger& t) {
    Assign(t.path, r_.Str(id, "path"));
    t.events = r_.StrList(id, "events");
    if (t.events.empty()) t.events = {"created"};
    Assign(t.recursive, r_.Bool(id, "recursive"));
    Assign(t.debounce_seconds, r_.Int(id, "debounce_seconds"));
    t.ignore = r_.StrList(id, "ignore");
  }

  std::optional<Trigger> ReadTrigger(NodeId id, size_t index) {
    auto type = r_.Str(id, "type");
    Trigger t;
    if (!type || !Parse(type->value, t.type)) return std::nullopt;
    t.span = r_.SpanOf(id);
    t.index = index;
    Assign(t.enabled, r_.Bool(id, "enabled"));
    for (const std::string& name : r_.StrList(id, "targets")) {
      Target target;
      if (Parse(name, target)) t.targets.push_back(target);
    }
    if (NodeId targets = r_.Get(id, "targets"); targets != kNoNode) t.targets_span = r_.SpanOf(targets);
    t.cooldown_seconds = r_.Int(id, "cooldown_seconds");
    t.max_concurrent = r_.Int(id, "max_concurrent");
    t.params = r_.Json(id, "params");
    CheckSecretParams(r_.doc(), r_.Get(id, "params"), sink_);
    switch (t.type) {
      case TriggerType::kSchedule:
        ReadSchedule(id, t);
        break;
      case TriggerType::kS3Sensor:
        ReadS3(id, t);
        break;
      case TriggerType::kWebhook:
        ReadWebhook(id, t);
        break;
      case TriggerType::kFreshness:
        break;
      case TriggerType::kDependency:
        ReadDependency(id, t);
        break;
      case TriggerType::kFileWatch:
        ReadFileWatch(id, t);
        break;
    }
    if (auto name = r_.Str(id, "name")) t.name = *name;
    return t;
  }

  // Written names first; a derived name is the type for the first trigger of that type, then type_2, type_3.
  void NameTriggers(Pipeline& p) {
    std::map<std::string, Span> written;
    for (Trigger& t : p.triggers) {
      if (t.name.origin != Origin::kWritten) continue;
      auto [it, inserted] = written.emplace(t.name.value, t.name.span);
      if (!inserted) {
        sink_.Report(Code::E0308, t.name.span, fmt::format("duplicate trigger name {}", Quote(t.name.value)))
            .Note(it->second, "first used here")
            .Help(
                "trigger names become schedule, sensor and unit names: make them unique within the pipeline");
      }
    }
    std::map<TriggerType, int> seen;
    for (Trigger& t : p.triggers) {
      int nth = ++seen[t.type];
      if (t.name.origin == Origin::kWritten) continue;
      std::string name = nth == 1 ? Name(t.type) : fmt::format("{}_{}", Name(t.type), nth);
      while (written.count(name) != 0) name += "_";
      t.name = Value<std::string>{name, t.span, Origin::kDerived};
    }
  }

  void WarnTypos(NodeId root) {
    std::vector<std::string> owned;
    for (const auto& item : schema::SchemaJson(schema::SchemaKind::kPipeline)["properties"].items()) {
      owned.push_back(item.key());
    }
    for (const auto& [key, span, value] : r_.Entries(root)) {
      (void)value;
      if (std::find(owned.begin(), owned.end(), key) != owned.end() || key.size() < 4) continue;
      std::string suggestion = SpellCheck(key, owned, 2);
      if (!suggestion.empty()) {
        sink_.Report(Code::W0301, span, fmt::format("unknown top-level key {}", Quote(key)))
            .Help(fmt::format("did you mean '{}'? trigc ignores keys it does not own", suggestion));
      }
    }
  }

 private:
  const Reader& r_;
  const Project& project_;
  DiagSink& sink_;
};

}  // namespace

bool IsIdentifier(std::string_view text) {
  if (text.empty() || text.size() > 63 || !(text[0] >= 'a' && text[0] <= 'z')) return false;
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

bool NeedsDeclaredName(const Document& doc, std::string_view folder_name) {
  return !Reader(doc).Str(doc.root(), "name") && !IsIdentifier(folder_name);
}

std::optional<Pipeline> BuildPipeline(const Document& doc, const std::string& dir,
                                      const std::string& folder_name, const Project& project, DiagSink& sink,
                                      std::set<std::string>* taken_names) {
  Reader r(doc);
  PipelineBuilder builder(r, project, sink);
  NodeId root = doc.root();
  Pipeline p;
  p.file = doc.file();
  p.dir = dir;
  if (auto name = r.Str(root, "name")) {
    p.name = *name;
  } else if (IsIdentifier(folder_name)) {
    p.name = Value<std::string>{folder_name, Span{doc.file(), 0, 0}, Origin::kDerived};
  } else {
    std::optional<std::string> suggestion =
        SuggestPipelineName(folder_name, taken_names ? *taken_names : std::set<std::string>());
    auto report =
        sink.Report(Code::E0306, Span{doc.file(), 0, 0},
                    fmt::format("the folder name {} is not a valid pipeline name", Quote(folder_name)));
    if (suggestion) {
      report.Help(fmt::format("add 'name: {}' to this config (names match [a-z][a-z0-9_]*)", *suggestion));
      if (taken_names) taken_names->insert(*suggestion);
    } else {
      report.Help("add a 'name:' no other pipeline has to this config (names match [a-z][a-z0-9_]*)");
    }
    return std::nullopt;
  }
  p.target = p.name;
  p.target.origin = Origin::kDerived;
  Assign(p.target, r.Str(root, "target"));
  Assign(p.enabled, r.Bool(root, "enabled"));
  NodeId triggers = r.Get(root, "triggers");
  if (triggers != kNoNode && doc.node(triggers).kind == NodeKind::kSequence) {
    const auto& items = doc.node(triggers).children;
    p.triggers.reserve(items.size());  // a Trigger is large: no spare capacity across 10,000 pipelines
    for (size_t i = 0; i < items.size(); ++i) {
      if (auto t = builder.ReadTrigger(items[i], i)) p.triggers.push_back(std::move(*t));
    }
  }
  builder.NameTriggers(p);
  p.freshness = ReadFreshness(r, root, sink);
  for (const Trigger& t : p.triggers) {
    if (t.type == TriggerType::kFreshness && !p.freshness) {
      sink.Report(Code::E0310, t.span, "a freshness trigger needs a 'freshness:' block")
          .Help("add 'freshness: {warn_after: 6h, error_after: 24h}': the schedule is derived from it");
    }
  }
  builder.ReadWindows(root, p);
  if (NodeId c = r.Get(root, "concurrency"); c != kNoNode) {
    p.max_concurrent = r.Int(c, "max_concurrent");
    p.cooldown_seconds = r.Int(c, "cooldown_seconds");
  }
  p.retries = ReadRetries(r, root);
  p.params = r.Json(root, "params");
  CheckSecretParams(doc, r.Get(root, "params"), sink);
  builder.ReadOverrides(root, p);
  builder.WarnTypos(root);
  return p;
}

void BuildProject(const Document& doc, Project& project, DiagSink& sink) {
  Reader r(doc);
  NodeId root = doc.root();
  project.file = doc.file();
  if (NodeId dirs = r.Get(root, "pipelines"); dirs != kNoNode && doc.node(dirs).kind == NodeKind::kSequence) {
    project.pipeline_dirs.clear();
    for (NodeId item : doc.node(dirs).children) {
      const yaml::Node& n = doc.node(item);
      if (n.kind == NodeKind::kString) project.pipeline_dirs.emplace_back(n.text, n.span, Origin::kWritten);
    }
  }
  if (NodeId defaults = r.Get(root, "defaults"); defaults != kNoNode) {
    Assign(project.default_timezone, r.Str(defaults, "timezone"));
    CheckTimezone(project.default_timezone, sink);
    project.default_bucket = r.Str(defaults, "bucket");
    project.s3_endpoint = r.Str(defaults, "s3_endpoint");
  }
  if (NodeId presets = r.Get(root, "presets"); presets != kNoNode) {
    for (const auto& [name, span, value] : r.Entries(r.Get(presets, "cron"))) {
      const yaml::Node& n = doc.node(value);
      if (n.kind == NodeKind::kString)
        project.cron_presets[name] = Value<std::string>{n.text, n.span, Origin::kWritten};
    }
    for (const auto& [name, span, value] : r.Entries(r.Get(presets, "patterns"))) {
      PatternDef def;
      def.name = Value<std::string>{name, span, Origin::kWritten};
      def.cron = r.Str(value, "cron");
      def.timezone = r.Str(value, "timezone");
      if (def.timezone) CheckTimezone(*def.timezone, sink);
      if (auto d = r.Str(value, "description")) def.description = d->value;
      def.catchup = r.Bool(value, "catchup");
      if (auto manual = r.Bool(value, "manual")) def.manual = manual->value;
      def.retries = ReadRetries(r, value);
      def.freshness = ReadFreshness(r, value, sink);
      project.patterns[name] = std::move(def);
    }
  }
  for (const auto& [name, span, value] : r.Entries(r.Get(root, "targets"))) {
    Target target;
    if (!Parse(name, target)) continue;
    TargetSettings settings;
    settings.span = span;
    settings.out = Value<std::string>{"generated/" + name, span, Origin::kBuiltinDefault};
    Assign(settings.out, r.Str(value, "out"));
    for (const auto& [key, key_span, v] : r.Entries(value)) {
      const yaml::Node& n = doc.node(v);
      if (key == "out") continue;
      if (n.kind == NodeKind::kString)
        settings.strings[key] = Value<std::string>{n.text, n.span, Origin::kWritten};
      if (n.kind == NodeKind::kInt)
        settings.numbers[key] = Value<int64_t>{n.int_value, n.span, Origin::kWritten};
    }
    // The crontab emitter converts schedules of other zones into this one: an unknown zone must not pass.
    if (auto zone = settings.strings.find("system_timezone"); zone != settings.strings.end())
      CheckTimezone(zone->second, sink);
    project.targets[target] = std::move(settings);
  }
}

void CheckProject(Project& project, DiagSink& sink) {
  std::stable_sort(project.pipelines.begin(), project.pipelines.end(),
                   [](const Pipeline& a, const Pipeline& b) { return a.name.value < b.name.value; });
  for (size_t i = 1; i < project.pipelines.size(); ++i) {
    const Pipeline& first = project.pipelines[i - 1];
    const Pipeline& again = project.pipelines[i];
    if (first.name.value != again.name.value) continue;
    sink.Report(Code::E0301, again.name.span,
                fmt::format("duplicate pipeline name {}", Quote(again.name.value)))
        .Note(first.name.span, fmt::format("also used by the pipeline in '{}'", first.dir))
        .Help("pipeline names must be unique in the repository: set 'name:' in one of them");
  }
}

}  // namespace trigc::model
