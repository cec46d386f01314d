#include "compiler/emit/airflow/airflow_checks.h"

#include <fmt/format.h>

#include "compiler/emit/airflow/python_value.h"
#include "compiler/emit/emitter.h"
#include "compiler/emit/escape.h"

namespace trigc::emit::airflow {

namespace {

/// The span of the `params` key in [begin, end) of `file` (a top-level one when `top` is set), else
/// `fallback`.
Span ParamsKey(const SourceManager& sources, FileId file, Span fallback, bool top) {
  std::string_view text = sources.Get(file).text();
  size_t begin = fallback.valid() ? fallback.begin : 0;
  size_t end = fallback.valid() && fallback.end > fallback.begin ? fallback.end : text.size();
  for (size_t at = text.find("params:", begin); at != std::string_view::npos && at < end;
       at = text.find("params:", at + 1)) {
    bool line_start = at == 0 || text[at - 1] == '\n';
    bool key_start = line_start || text[at - 1] == ' ';
    if (top ? line_start : key_start)
      return Span{file, static_cast<uint32_t>(at), static_cast<uint32_t>(at + 6)};
  }
  return fallback.valid() ? fallback : Span{file, 0, 0};
}

bool Jinja(std::string_view what, const model::Value<std::string>& value, std::string_view field,
           DiagSink& sink) {
  if (!HasJinja(value.value)) return false;
  sink.Report(Code::E0520, value.span,
              fmt::format("{} {} would be rendered by Jinja in the airflow field '{}'", what,
                          Quote(value.value), field))
      .Note({}, "airflow renders templated fields with Jinja at run time: '{{', '{%' and '{#' start code")
      .Help(
          "remove '{{', '{%' and '{#' from the value, or limit the trigger to other targets with 'targets:'");
  return true;
}

bool CheckTriggerParams(const model::Pipeline& p, const model::Trigger& t, const SourceManager& sources,
                        DiagSink& sink) {
  if (JinjaStrings(t.params).empty()) return true;
  sink.Report(Code::E0520, ParamsKey(sources, p.file, t.span, false),
              fmt::format(
                  "pipeline {}: params of trigger {} would be rendered by Jinja in the airflow field 'conf'",
                  Quote(p.name.value), Quote(t.name.value)))
      .Note({}, "airflow renders templated fields with Jinja at run time: '{{', '{%' and '{#' start code")
      .Help("remove '{{', '{%' and '{#' from the keys and values of 'params'");
  return false;
}

bool CheckWebhook(const model::Pipeline& p, const model::Trigger& t, DiagSink& sink) {
  if (t.source.value != "minio") return true;
  sink.Report(Code::E0501, t.source.span,
              fmt::format("pipeline {}: trigger {} (webhook) cannot be emitted for target airflow",
                          Quote(p.name.value), Quote(t.name.value)))
      .Note({},
            "a MinIO bucket notification cannot call the Airflow REST API (it needs Airflow's authentication "
            "and body); only 'source: generic' webhooks are emulated")
      .Help("limit the trigger to the targets that support it: 'targets: [dagster, minio]'");
  return false;
}

}  // namespace

const model::Value<std::string>& TargetDag(const model::Pipeline& pipeline) {
  auto it = pipeline.overrides.find(model::Target::kAirflow);
  if (it != pipeline.overrides.end() && it->second.target) return *it->second.target;
  return pipeline.target;
}

bool IsDagId(std::string_view text) {
  if (text.empty() || text.size() > 250) return false;
  for (char c : text) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
              c == '.' || c == '_';
    if (!ok) return false;
  }
  return true;
}

nlohmann::json ParamsOf(const model::Pipeline& pipeline, const model::Trigger* trigger) {
  nlohmann::json out = pipeline.params.is_object() ? pipeline.params : nlohmann::json::object();
  if (trigger != nullptr && trigger->params.is_object()) {
    for (const auto& [key, value] : trigger->params.items()) out[key] = value;
  }
  return out;
}

bool CheckPipeline(const model::Pipeline& p, const SourceManager& sources, DiagSink& sink) {
  size_t before = sink.errors();
  const model::Value<std::string>& target = TargetDag(p);
  if (!Jinja("target DAG id", target, "trigger_dag_id", sink) && !IsDagId(target.value)) {
    sink.Report(Code::E0521, target.span,
                fmt::format("pipeline {}: {} is not a valid airflow dag id", Quote(p.name.value),
                            Quote(target.value)))
        .Help(
            "an airflow dag id has 1 to 250 ASCII letters, digits, '-', '.' and '_'; set 'targets: airflow: "
            "target:' to the DAG id");
  }
  if (!JinjaStrings(p.params).empty()) {
    sink.Report(Code::E0520, ParamsKey(sources, p.file, Span{}, true),
                fmt::format("pipeline {}: params would be rendered by Jinja in the airflow field 'conf'",
                            Quote(p.name.value)))
        .Note({}, "airflow renders templated fields with Jinja at run time: '{{', '{%' and '{#' start code")
        .Help("remove '{{', '{%' and '{#' from the keys and values of 'params'");
  }
  for (const model::Trigger* t : TriggersFor(p, model::Target::kAirflow)) {
    if (t->type == model::TriggerType::kS3Sensor) {
      Jinja("bucket", t->bucket, "op_kwargs", sink);
      Jinja("path", t->path, "op_kwargs", sink);
      Jinja("pattern", t->glob, "op_kwargs", sink);
    }
    if (t->type == model::TriggerType::kWebhook) CheckWebhook(p, *t, sink);
    CheckTriggerParams(p, *t, sources, sink);
  }
  return sink.errors() == before;
}

void WarnFreshness(const model::Pipeline& pipeline, int version, DiagSink& sink) {
  if (version != 3 || !pipeline.freshness) return;
  sink.Report(Code::W0520, pipeline.freshness->span,
              fmt::format("pipeline {}: freshness is not monitored on airflow 3", Quote(pipeline.name.value)))
      .Note(
          {},
          "airflow 3 removed task SLAs; its deadline alerts need a callback trigc cannot choose, so only the "
          "schedule derived from freshness is emitted")
      .Help("add a DeadlineAlert to the target DAG, or monitor freshness on another target");
}

}  // namespace trigc::emit::airflow
