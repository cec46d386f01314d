#include "compiler/emit/wrapper/settings.h"

#include <fmt/format.h>

#include "compiler/emit/wrapper/runner.h"

namespace trigc::emit {

std::string TargetString(const model::Project& project, model::Target target, const std::string& key,
                         const std::string& fallback) {
  auto settings = project.targets.find(target);
  if (settings == project.targets.end()) return fallback;
  auto it = settings->second.strings.find(key);
  return it == settings->second.strings.end() ? fallback : it->second.value;
}

std::optional<std::string> PipelineRunner(const model::Project& project, const model::Pipeline& pipeline,
                                          model::Target target, DiagSink& sink) {
  std::optional<model::Value<std::string>> runner;
  auto settings = project.targets.find(target);
  if (settings != project.targets.end()) {
    auto it = settings->second.strings.find("runner");
    if (it != settings->second.strings.end()) runner = it->second;
  }
  auto override = pipeline.overrides.find(target);
  if (override != pipeline.overrides.end() && override->second.runner) runner = override->second.runner;
  std::string launched = pipeline.target.value;
  if (override != pipeline.overrides.end() && override->second.target)
    launched = override->second.target->value;
  if (!runner) {
    sink.Report(Code::E0540, pipeline.name.span,
                fmt::format("pipeline {} has no runner command for target '{}'", Quote(pipeline.name.value),
                            model::Name(target)))
        .Help(fmt::format(
            "set 'targets: {{{}: {{runner: \"dagster job launch -j {{target}}\"}}}}' in trigc.yaml",
            model::Name(target)));
    return std::nullopt;
  }
  std::optional<std::string> command = RunnerCommand(runner->value, launched, pipeline.name.value);
  if (!command) {
    sink.Report(Code::E0540, runner->span,
                fmt::format("the runner command {} of pipeline {} is empty or holds a control character",
                            Quote(runner->value), Quote(pipeline.name.value)))
        .Help("write the command on one line, e.g. \"dagster job launch -j {target}\"");
  }
  return command;
}

}  // namespace trigc::emit
