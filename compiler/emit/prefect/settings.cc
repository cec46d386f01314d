#include "compiler/emit/prefect/settings.h"

#include <fmt/format.h>

#include "compiler/emit/escape.h"

namespace trigc::emit::prefect {

namespace {

// Characters Prefect does not allow in flow and deployment names.
constexpr std::string_view kBanned = "/%&><";

const model::TargetOverride* OverrideOf(const model::Pipeline& pipeline) {
  auto it = pipeline.overrides.find(model::Target::kPrefect);
  return it == pipeline.overrides.end() ? nullptr : &it->second;
}

const model::Value<std::string>& TargetOf(const model::Pipeline& pipeline) {
  const model::TargetOverride* o = OverrideOf(pipeline);
  return o != nullptr && o->target ? *o->target : pipeline.target;
}

std::string ReplaceAll(std::string text, std::string_view from, std::string_view to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

bool CheckNames(const model::Pipeline& pipeline, const DeploymentSettings& s,
                const model::Value<std::string>& target, DiagSink& sink) {
  if (HasJinja(target.value)) {
    sink.Report(Code::E0530, target.span,
                fmt::format("pipeline {}: the prefect deployment name {} contains jinja syntax",
                            Quote(pipeline.name.value), Quote(target.value)))
        .Note({}, "prefect.yaml renders '{{', '{%' and '{#' as Jinja templates")
        .Help("remove '{{', '{%' and '{#' from the value");
    return false;
  }
  bool bad_part = s.name.empty() || s.name.find_first_of(kBanned) != std::string::npos ||
                  s.flow.find_first_of(kBanned) != std::string::npos ||
                  (target.value.find('/') != std::string::npos && s.flow.empty());
  if (bad_part) {
    sink.Report(Code::E0533, target.span,
                fmt::format("pipeline {}: {} is not a prefect deployment name", Quote(pipeline.name.value),
                            Quote(target.value)))
        .Note(
            {},
            "the target is 'deployment' or 'flow/deployment'; names cannot contain '/', '%', '&', '>' or '<'")
        .Help("set 'targets: {prefect: {target: flow/deployment}}' in the pipeline's config");
    return false;
  }
  return true;
}

}  // namespace

bool IsEntrypoint(std::string_view entrypoint) {
  size_t colon = entrypoint.find(':');
  if (colon == std::string_view::npos) return false;
  std::string_view path = entrypoint.substr(0, colon), function = entrypoint.substr(colon + 1);
  auto alpha = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; };
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (path.size() < 4 || path.substr(path.size() - 3) != ".py") return false;
  for (char c : path) {
    if (!alpha(c) && !digit(c) && c != '.' && c != '/' && c != '-') return false;
  }
  if (function.empty() || !alpha(function[0])) return false;
  for (char c : function) {
    if (!alpha(c) && !digit(c)) return false;
  }
  return true;
}

DeploymentSettings NamesOf(const model::Pipeline& pipeline) {
  DeploymentSettings s;
  const std::string& target = TargetOf(pipeline).value;
  size_t slash = target.find('/');
  if (slash == std::string::npos) {
    s.name = target;
  } else {
    s.flow = target.substr(0, slash);
    s.name = target.substr(slash + 1);
  }
  return s;
}

std::optional<DeploymentSettings> ResolveSettings(const model::Project& project,
                                                  const model::Pipeline& pipeline, DiagSink& sink) {
  DeploymentSettings s = NamesOf(pipeline);
  bool ok = CheckNames(pipeline, s, TargetOf(pipeline), sink);
  const model::TargetOverride* o = OverrideOf(pipeline);
  auto settings = project.targets.find(model::Target::kPrefect);
  auto setting = [&](const std::string& key) -> const model::Value<std::string>* {
    if (settings == project.targets.end()) return nullptr;
    auto it = settings->second.strings.find(key);
    return it == settings->second.strings.end() ? nullptr : &it->second;
  };

  model::Value<std::string> entrypoint{kDefaultEntrypoint};
  if (o != nullptr && o->entrypoint) {
    entrypoint = *o->entrypoint;
  } else if (const model::Value<std::string>* e = setting("entrypoint")) {
    entrypoint = *e;
  }
  s.entrypoint = ReplaceAll(ReplaceAll(entrypoint.value, "{name}", pipeline.name.value), "{target}", s.name);
  if (ok && !IsEntrypoint(s.entrypoint)) {
    sink.Report(Code::E0533, entrypoint.span.valid() ? entrypoint.span : pipeline.name.span,
                fmt::format("pipeline {}: the prefect entrypoint {} is not 'path/file.py:function'",
                            Quote(pipeline.name.value), Quote(s.entrypoint)))
        .Help("set 'targets: {prefect: {entrypoint: flows/file.py:function}}' in the pipeline's config");
    ok = false;
  }

  if (o != nullptr && o->work_pool) {
    s.work_pool = o->work_pool->value;
  } else if (const model::Value<std::string>* w = setting("work_pool")) {
    s.work_pool = w->value;
  } else {
    Span span = settings != project.targets.end() ? settings->second.span : pipeline.name.span;
    sink.Report(Code::E0534, span,
                fmt::format("pipeline {} has no prefect work pool", Quote(pipeline.name.value)))
        .Help(
            "set 'work_pool:' under 'targets: prefect:' in trigc.yaml, or under 'targets: prefect:' in the "
            "pipeline's config");
    ok = false;
  }
  if (!ok) return std::nullopt;
  return s;
}

}  // namespace trigc::emit::prefect
