#include "compiler/emit/prefect/checks.h"

#include <fmt/format.h>

#include "compiler/emit/emitter.h"
#include "compiler/emit/escape.h"
#include "compiler/emit/prefect/yaml_flow.h"

namespace trigc::emit::prefect {

namespace {

// The span of `text` as written in the pipeline's config (params have no spans of their own), else
// `fallback`.
Span SpanOfText(const model::Pipeline& pipeline, const SourceManager& sources, const std::string& text,
                Span fallback) {
  if (pipeline.file == kNoFile) return fallback;
  std::string_view source = sources.Get(pipeline.file).text();
  size_t at = source.find(text, fallback.valid() ? fallback.begin : 0);
  if (at == std::string_view::npos) at = source.find(text);
  if (at == std::string_view::npos) return fallback;
  return Span{pipeline.file, static_cast<uint32_t>(at), static_cast<uint32_t>(at + text.size())};
}

bool CheckParams(const model::Pipeline& pipeline, const nlohmann::json& params, const SourceManager& sources,
                 Span fallback, const char* way_out, DiagSink& sink) {
  bool ok = true;
  for (const std::string& text : JinjaStrings(params)) {
    sink.Report(Code::E0530, SpanOfText(pipeline, sources, text, fallback),
                fmt::format("pipeline {}: the param {} contains jinja syntax", Quote(pipeline.name.value),
                            Quote(text)))
        .Note({}, "prefect.yaml renders '{{', '{%' and '{#' as Jinja templates")
        .Help(fmt::format("remove '{{{{', '{{%' and '{{#' from the value, or {}", way_out));
    ok = false;
  }
  return ok;
}

bool CheckTrigger(const model::Pipeline& pipeline, const model::Trigger& t, DiagSink& sink) {
  bool ok = true;
  auto per_trigger = [&](const std::optional<model::Value<int64_t>>& key, const char* name) {
    if (!key) return;
    sink.Report(Code::E0531, key->span,
                fmt::format("pipeline {}: trigger {} sets {}, which prefect cannot apply to one trigger",
                            Quote(pipeline.name.value), Quote(t.name.value), name))
        .Note(
            {},
            "a prefect deployment has one concurrency limit and one guard for all its schedules and triggers")
        .Help(fmt::format("move '{}' to the pipeline's 'concurrency:' block, or limit the trigger with "
                          "'targets:' to other targets",
                          name));
    ok = false;
  };
  per_trigger(t.max_concurrent, "max_concurrent");
  per_trigger(t.cooldown_seconds, "cooldown_seconds");
  if (t.type == model::TriggerType::kSchedule && t.catchup.value) {
    sink.Report(Code::E0532, t.catchup.span,
                fmt::format("pipeline {}: trigger {} asks for catchup, which prefect has no setting for",
                            Quote(pipeline.name.value), Quote(t.name.value)))
        .Note({}, "prefect schedules do not backfill runs missed while the server was down")
        .Help("set 'catchup: false', or limit the trigger with 'targets:' to other targets");
    ok = false;
  }
  return ok;
}

}  // namespace

bool CheckPipeline(const model::Pipeline& pipeline, const SourceManager& sources, DiagSink& sink) {
  bool ok = CheckParams(pipeline, pipeline.params, sources, Span{pipeline.file, 0, 0},
                        "remove 'prefect' from the targets in trigc.yaml", sink);
  for (const model::Trigger* t : TriggersFor(pipeline, model::Target::kPrefect)) {
    ok = CheckTrigger(pipeline, *t, sink) && ok;
    ok = CheckParams(pipeline, t->params, sources, t->span,
                     "limit the trigger with 'targets:' to other targets", sink) &&
         ok;
  }
  return ok;
}

}  // namespace trigc::emit::prefect
