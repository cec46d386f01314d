#include "compiler/driver/build.h"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "compiler/driver/discover.h"
#include "compiler/emit/capabilities.h"
#include "compiler/emit/emitter.h"
#include "compiler/emit/write.h"

namespace trigc::driver {

namespace fs = std::filesystem;

namespace {

std::vector<model::Target> TargetsOf(const model::Project& project, const BuildOptions& options) {
  if (!options.targets.empty()) return options.targets;
  std::vector<model::Target> targets;
  for (const auto& [target, settings] : project.targets) targets.push_back(target);
  return targets;
}

fs::path OutDir(const model::Project& project, model::Target target, const BuildOptions& options) {
  if (!options.out.empty()) return fs::path(options.out) / model::Name(target);
  auto it = project.targets.find(target);
  std::string out =
      it != project.targets.end() ? it->second.out.value : "generated/" + std::string(model::Name(target));
  return fs::path(project.root) / out;
}

}  // namespace

bool Build(Session& s, const BuildOptions& options, std::string& log) {
  emit::TemplateSet templates(options.templates);
  size_t errors = s.sink.errors();
  for (const model::Project& project : s.projects) {
    std::vector<model::Target> targets = TargetsOf(project, options);
    if (options.check_only) {
      targets.erase(std::remove_if(targets.begin(), targets.end(),
                                   [](model::Target t) { return emit::MakeEmitter(t) == nullptr; }),
                    targets.end());
      if (targets.empty()) {
        emit::CheckCapabilities(project, targets,
                                s.sink);  // still warns about triggers naming unbuilt targets
        continue;
      }
    }
    if (targets.empty()) {
      s.sink
          .Report(Code::E0503, project.file ? Span{*project.file, 0, 0} : Span{},
                  fmt::format("no target to build for {}", Quote(project.root)))
          .Help("list targets under 'targets:' in trigc.yaml, or pass --target dagster,airflow,...");
      continue;
    }
    emit::CheckCapabilities(project, targets, s.sink);
    if (s.sink.errors() != errors) continue;
    for (model::Target target : targets) {
      std::unique_ptr<emit::Emitter> emitter = emit::MakeEmitter(target);
      if (emitter == nullptr) {
        s.sink
            .Report(Code::E0503, {},
                    fmt::format("this build of trigc cannot emit target '{}' yet", model::Name(target)))
            .Help("build the other targets with --target, or remove it from trigc.yaml");
        continue;
      }
      std::vector<emit::Artifact> artifacts;
      try {
        artifacts = emitter->Emit(emit::EmitContext{project, s.sources, templates, s.sink});
      } catch (const emit::TemplateError& e) {
        s.sink.Report(Code::E0504, {}, e.what()).Help("check the templates given with --templates");
        continue;
      }
      if (s.sink.errors() != errors || options.check_only) continue;
      fs::path dir = OutDir(project, target, options);
      emit::WriteResult result;
      if (!emit::WriteArtifacts(dir, artifacts, s.sink, result)) continue;
      log += fmt::format("{}: {} file{} in {} ({} written, {} unchanged)\n", model::Name(target),
                         artifacts.size(), artifacts.size() == 1 ? "" : "s", DisplayPath(dir), result.written,
                         result.unchanged);
    }
  }
  return s.sink.errors() == errors;
}

}  // namespace trigc::driver
