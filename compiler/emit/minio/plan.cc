#include "compiler/emit/minio/plan.h"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "compiler/emit/emitter.h"

namespace trigc::emit::minio {

namespace {

using model::Target;
using model::TriggerType;

// Keys of a notify_webhook target: the server splits `mc admin config set` arguments at `<key>=`, so a value
// holding one of them followed by `=` is misread.
constexpr std::array<std::string_view, 8> kWebhookKeys = {
    "enable", "endpoint", "auth_token", "queue_dir", "queue_limit", "client_cert", "client_key", "comment"};

const model::TargetSettings* SettingsOf(const model::Project& project) {
  auto it = project.targets.find(Target::kMinio);
  return it == project.targets.end() ? nullptr : &it->second;
}

std::string Setting(const model::TargetSettings* settings, const char* key, std::string fallback,
                    Span* span) {
  if (settings == nullptr) return fallback;
  auto it = settings->strings.find(key);
  if (it == settings->strings.end()) {
    if (span != nullptr) *span = settings->span;
    return fallback;
  }
  if (span != nullptr) *span = it->second.span;
  return it->second.value;
}

std::string ConfigKeyIn(std::string_view value) {
  for (std::string_view key : kWebhookKeys) {
    if (value.find(std::string(key) + "=") != std::string_view::npos) return std::string(key) + "=";
  }
  return "";
}

bool ListsMinio(const model::Trigger& t) {
  return std::find(t.targets.begin(), t.targets.end(), Target::kMinio) != t.targets.end();
}

// E0560: a trigger explicitly sent to minio that MinIO does not set up would otherwise vanish without a word.
void ReportNotForMinio(const model::Pipeline& p, const model::Trigger& t, DiagSink& sink) {
  bool generic = t.type == TriggerType::kWebhook;
  auto b = sink.Report(
      Code::E0560, t.targets_span,
      fmt::format("pipeline {}: trigger {} ({}{}) lists target 'minio', which only sets up bucket "
                  "notifications",
                  Quote(p.name.value), Quote(t.name.value), model::Name(t.type),
                  generic ? ", source " + Quote(t.source.value) : ""));
  b.Note({},
         "the minio target emits a bucket notification for s3_sensor triggers and webhooks with 'source: "
         "minio'");
  b.Help(generic
             ? "set 'source: minio' (with 'bucket', 'prefix', 'suffix'), or remove 'minio' from its targets"
             : "remove 'minio' from the trigger's targets");
}

bool CheckFilterValue(const model::Pipeline& p, const model::Trigger& t, std::string_view what,
                      const std::string& value, Span span, DiagSink& sink) {
  std::string problem = FilterValueProblem(value);
  if (problem.empty()) return true;
  sink.Report(Code::E0562, span,
              fmt::format("pipeline {}: trigger {}: the key {} {} cannot be a MinIO filter: {}",
                          Quote(p.name.value), Quote(t.name.value), what, Quote(value), problem))
      .Help(
          "change the value: MinIO refuses backslashes and '.' or '..' segments, and mc reads a leading '-' "
          "as a flag");
  return false;
}

std::string Events(const std::vector<std::string>& events, std::string& names) {
  static const std::array<std::pair<std::string_view, std::string_view>, 3> kOrder = {
      {{"put", "s3:ObjectCreated:*"}, {"delete", "s3:ObjectRemoved:*"}, {"get", "s3:ObjectAccessed:*"}}};
  std::string flag;
  std::vector<std::string> sorted;
  for (const auto& [event, name] : kOrder) {
    if (std::find(events.begin(), events.end(), event) == events.end()) continue;
    flag += (flag.empty() ? "" : ",") + std::string(event);
    sorted.emplace_back(name);
  }
  std::sort(sorted.begin(), sorted.end());
  names = "[";
  for (size_t i = 0; i < sorted.size(); ++i) names += (i ? ",\"" : "\"") + sorted[i] + "\"";
  names += "]";
  return flag;
}

// The part of a notification that depends on the trigger type; false when a diagnostic was reported.
bool FillFromTrigger(const model::Pipeline& p, const model::Trigger& t, Notification& n, DiagSink& sink) {
  if (t.type == TriggerType::kS3Sensor) {
    auto filter = FilterFromGlob(t.path.value, t.glob.value);
    if (!filter) {
      sink.Report(Code::E0561, t.glob.span,
                  fmt::format("pipeline {}: trigger {}: MinIO's filter cannot express the pattern {}",
                              Quote(p.name.value), Quote(t.name.value), Quote(t.glob.value)))
          .Note({},
                "a bucket notification filters on a literal key prefix and suffix: 'path' + "
                "'<prefix>*<suffix>'")
          .Help(
              "use at most one '*' and no '?', '[', '{' or '\\' (e.g. \"*.csv\"), or limit the trigger to "
              "the "
              "orchestrator targets with 'targets:'");
      return false;
    }
    n.filter = *filter;
    n.url = SensorEndpoint(p, t);
    n.token_variable = SensorTokenVariable(p, t);
    n.events = Events({"put"}, n.event_names);
    bool ok = CheckFilterValue(p, t, "prefix", n.filter.prefix, t.path.span, sink);
    return CheckFilterValue(p, t, "suffix", n.filter.suffix, t.glob.span, sink) && ok;
  }
  n.filter = KeyFilter{t.prefix.value, t.suffix.value};
  n.url = t.endpoint.value;
  n.token_variable = t.secret_env ? t.secret_env->value : "";
  n.events = Events(t.events, n.event_names);
  bool ok = CheckFilterValue(p, t, "prefix", n.filter.prefix, t.prefix.span, sink);
  return CheckFilterValue(p, t, "suffix", n.filter.suffix, t.suffix.span, sink) && ok;
}

}  // namespace

std::string SensorEndpoint(const model::Pipeline& pipeline, const model::Trigger& trigger) {
  return "/webhooks/" + pipeline.name.value + "-" + trigger.name.value;
}

std::string SensorTokenVariable(const model::Pipeline& pipeline, const model::Trigger& trigger) {
  std::string name = pipeline.name.value + "_" + trigger.name.value + "_WEBHOOK_SECRET";
  std::transform(name.begin(), name.end(), name.begin(),
                 [](char c) { return c >= 'a' && c <= 'z' ? c - 32 : c; });
  return name;
}

Plan PlanNotifications(const model::Project& project, DiagSink& sink) {
  const model::TargetSettings* settings = SettingsOf(project);
  Plan plan;
  plan.alias = Setting(settings, "alias", "minio", nullptr);
  Span base_span;
  std::string base = Setting(settings, "webhook_base_url", "", &base_span);
  while (!base.empty() && base.back() == '/') base.pop_back();
  bool base_reported = false;
  for (const model::Pipeline* p : PipelinesInOrder(project)) {
    for (const model::Trigger* t : TriggersFor(*p, Target::kMinio)) {
      bool minio_webhook = t->type == TriggerType::kWebhook && t->source.value == "minio";
      if (t->type != TriggerType::kS3Sensor && !minio_webhook) {
        if (ListsMinio(*t)) ReportNotForMinio(*p, *t, sink);
        continue;
      }
      Notification n;
      n.pipeline = p;
      n.trigger = t;
      n.enabled = p->enabled.value && t->enabled.value;
      n.webhook_id = "trigc-" + p->name.value + "-" + t->name.value;
      n.bucket = t->bucket.value;
      if (n.bucket.empty()) {
        sink.Report(Code::E0565, t->span,
                    fmt::format("pipeline {}: trigger {} has no bucket", Quote(p->name.value),
                                Quote(t->name.value)))
            .Help("add 'bucket:' to the trigger, or 'defaults: {bucket: ...}' to trigc.yaml");
        continue;
      }
      if (!FillFromTrigger(*p, *t, n, sink)) continue;
      if (base.empty()) {
        if (!base_reported) {
          sink.Report(Code::E0563, base_span, "the minio target needs 'webhook_base_url'")
              .Note({}, fmt::format("pipeline {}: trigger {} needs a bucket notification",
                                    Quote(p->name.value), Quote(t->name.value)))
              .Help("set 'targets: {minio: {webhook_base_url: https://receiver.example}}' in trigc.yaml");
        }
        base_reported = true;
        continue;
      }
      n.url = base + n.url;
      plan.notifications.push_back(std::move(n));
    }
  }
  if (std::string key = ConfigKeyIn(base); !key.empty()) {
    sink.Report(
            Code::E0564, base_span,
            fmt::format("'webhook_base_url' {} contains {}, which MinIO would read as a setting of its own",
                        Quote(base), Quote(key)))
        .Note({}, "the server splits 'mc admin config set' arguments at every known '<key>='")
        .Help("remove the query string from the URL");
  }
  return plan;
}

}  // namespace trigc::emit::minio
