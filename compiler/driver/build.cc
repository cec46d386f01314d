#include "compiler/driver/build.h"

#include <algorithm>
#include <filesystem>
#include <tuple>

#include <fmt/format.h>

#include "compiler/driver/discover.h"
#include "compiler/driver/parallel.h"
#include "compiler/driver/recorded_warnings.h"
#include "compiler/emit/apply_plan.h"
#include "compiler/emit/capabilities.h"
#include "compiler/emit/diff.h"
#include "compiler/emit/emitter.h"
#include "compiler/emit/write.h"
#include "compiler/source/sha256.h"

namespace trigc::driver {

namespace fs = std::filesystem;

namespace {

// True when `inner` is `outer` or below it.
bool Within(const fs::path& inner, const fs::path& outer) {
  auto [end, unused] = std::mismatch(outer.begin(), outer.end(), inner.begin(), inner.end());
  return end == outer.end();
}

fs::path Absolute(const fs::path& path) {
  std::error_code ec;
  return fs::absolute(path, ec).lexically_normal();
}

// One target of a project, from emitting to its output folder.
struct TargetRun {
  model::Target target;
  fs::path base;         // the project root, or --out
  std::string relative;  // the target's folder below `base`
  Span span;             // the target's `out:` in trigc.yaml, if any
  fs::path dir;
  std::unique_ptr<emit::FolderOutput> output;  // the folder, planned (and in kWrite mode written) as emitted
  emit::OutputPlan plan;
  DiagSink sink;        // this target's diagnostics, merged into the session's in target order
  std::string log;      // its summary line
  std::string listing;  // --check / --dry-run lines
  size_t stale = 0;     // --check: stale, missing and extra files
  bool checked = false;
  size_t files = 0;
};

void Emit(const model::Project& project, const SourceManager& sources, const BuildOptions& options,
          TargetRun& run) {
  std::unique_ptr<emit::Emitter> emitter = emit::MakeEmitter(run.target);
  if (emitter == nullptr) {
    run.sink
        .Report(Code::E0503, {},
                fmt::format("this build of trigc cannot emit target '{}' yet", model::Name(run.target)))
        .Help("build the other targets with --target, or remove it from trigc.yaml");
    return;
  }
  try {
    // One set per thread: a set is not shared between threads. Validation keeps no text, so renders none.
    emit::TemplateSet templates = options.mode == BuildMode::kValidate ? emit::TemplateSet::ChecksOnly()
                                                                       : emit::TemplateSet(options.templates);
    emit::EmitContext context{project, sources, templates, run.sink};
    if (options.mode != BuildMode::kValidate) {
      // Artifacts go to the folder as they are emitted: a build writes each one to its temp file at once and
      // keeps only its name, so memory holds one pipeline's output per target, not the target's.
      run.output = std::make_unique<emit::FolderOutput>(run.base, run.relative, run.span,
                                                        options.mode == BuildMode::kWrite, run.sink);
      context.stream = [&run](emit::Artifact&& a) { run.output->Add(std::move(a)); };
    }
    std::vector<emit::Artifact> rest = emitter->Emit(context);
    if (context.stream)
      for (emit::Artifact& a : rest) context.stream(std::move(a));
  } catch (const emit::TemplateError& e) {
    run.sink.Report(Code::E0504, {}, e.what()).Help("check the templates given with --templates");
  }
}

// Two targets must not share a folder: each would remove the other's files as no longer generated.
bool CheckDistinctFolders(const model::Project& project, const std::vector<TargetRun>& runs, DiagSink& sink) {
  bool ok = true;
  for (size_t i = 0; i < runs.size(); ++i) {
    for (size_t j = i + 1; j < runs.size(); ++j) {
      if (!Within(runs[i].dir, runs[j].dir) && !Within(runs[j].dir, runs[i].dir)) continue;
      auto it = project.targets.find(runs[j].target);
      std::string where = runs[i].dir == runs[j].dir
                              ? fmt::format("the same folder {}", Quote(DisplayPath(runs[j].dir)))
                              : fmt::format("nested folders {} and {}", Quote(DisplayPath(runs[i].dir)),
                                            Quote(DisplayPath(runs[j].dir)));
      sink.Report(Code::E0906, it != project.targets.end() ? it->second.out.span : Span{},
                  fmt::format("targets '{}' and '{}' write into {}", model::Name(runs[i].target),
                              model::Name(runs[j].target), where))
          .Help("give each target its own 'out:' folder in trigc.yaml");
      ok = false;
    }
  }
  return ok;
}

// Where an output folder was set: its 'out:' in trigc.yaml, or nowhere when --out chose it.
Span OutSpan(const model::Project& project, model::Target target, const BuildOptions& options) {
  auto it = project.targets.find(target);
  return options.out.empty() && it != project.targets.end() ? it->second.out.span : Span{};
}

// What output folder `dir` would swallow or break into, or "" when nothing.
std::string Overlap(const model::Project& project, const fs::path& dir,
                    const std::vector<fs::path>& pipeline_dirs) {
  // Only the part below the project counts when the folder is inside it: the project may itself sit anywhere.
  fs::path below = dir.lexically_relative(Absolute(project.root));
  for (const fs::path& part : below.empty() || *below.begin() == ".." ? dir : below)
    if (part == ".git") return "is inside '.git', where git keeps its own files and hooks";
  for (const model::Value<std::string>& folder : project.pipeline_dirs) {
    fs::path pipelines =
        Absolute(project.file ? fs::path(project.root) / folder.value : fs::path(project.root));
    if (Within(pipelines, dir))
      return fmt::format("holds the pipelines folder {}", Quote(DisplayPath(pipelines)));
  }
  for (const fs::path& pipeline : pipeline_dirs) {
    if (Within(Absolute(pipeline), dir))
      return fmt::format("holds the pipeline folder {}", Quote(DisplayPath(pipeline)));
  }
  return "";
}

// The first symbolic link found in the output folder `tree` (the folder itself included), as a PathError.
emit::PathError FindLink(emit::SafeTree& tree) {
  emit::PathError error;
  if (tree.Folder("", false, error) < 0)
    return error.problem == emit::PathProblem::kSymlink ? error : emit::PathError{};
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(tree.path(), ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_symlink(ec)) return {emit::PathProblem::kSymlink, it->path().generic_string(), ""};
  }
  return {};
}

// A symbolic link in an output folder would have trigc write or prune outside the project: the folder, any
// folder or file in it. Refused for every target before any target writes anything. (Planning checks again
// as it goes, through descriptors, so a link made meanwhile is refused too.)
bool CheckNoLinks(const std::vector<TargetRun>& runs, DiagSink& sink) {
  bool ok = true;
  for (const TargetRun& run : runs) {
    emit::SafeTree tree(run.base, run.relative);
    emit::PathError error = FindLink(tree);
    if (error.problem != emit::PathProblem::kSymlink) continue;
    emit::ReportPathError(error, "write", run.span, sink);
    ok = false;
  }
  return ok;
}

// Takes the build lock of every project before any folder is listed: a second build plans only once the first
// is done. --check and --dry-run take it shared, so they never see a build half done.
bool LockProjects(const std::vector<model::Project>& projects, const BuildOptions& options, BuildLocks& locks,
                  DiagSink& sink) {
  if (options.mode == BuildMode::kValidate) return true;
  std::vector<fs::path> roots;
  for (const model::Project& project : projects) roots.emplace_back(project.root);
  LockKind kind = options.mode == BuildMode::kWrite ? LockKind::kExclusive : LockKind::kShared;
  return locks.Lock(roots, kind, options.lock, sink);
}

std::string Plural(size_t n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

// --check: each stale, missing or extra file of one target, with a short diff for the stale ones.
void ListCheck(TargetRun& run) {
  const emit::OutputPlan& plan = run.plan;
  for (const emit::PlannedWrite& w : plan.writes) {
    std::string path = DisplayPath(run.dir / w.path);
    if (!w.exists) {
      run.listing += fmt::format("missing: {}\n", path);
    } else if (w.old_content == w.content) {
      run.listing +=
          fmt::format("stale: {} (file mode: should {}be executable)\n", path, w.executable ? "" : "not ");
    } else {
      run.listing += fmt::format("stale: {}\n", path);
      run.listing +=
          emit::UnifiedDiff(w.old_content, w.content, path + " (on disk)", path + " (trigc build)");
    }
    ++run.stale;
  }
  for (const std::string& relative : plan.removes) {
    run.listing += fmt::format("extra: {} (no longer generated)\n", DisplayPath(run.dir / relative));
    ++run.stale;
  }
  for (const std::string& relative : plan.temp_files) {
    run.listing += fmt::format("extra: {} (left by an interrupted build)\n", DisplayPath(run.dir / relative));
    ++run.stale;
  }
  if (plan.manifest_changed) {
    run.listing += fmt::format("stale: {}\n", DisplayPath(run.dir / emit::kManifestName));
    ++run.stale;
  }
}

// --dry-run: what a build would write or remove in one target's folder.
void ListDryRun(TargetRun& run) {
  for (const emit::PlannedWrite& w : run.plan.writes) {
    run.listing +=
        fmt::format("write {} ({})\n", DisplayPath(run.dir / w.path), w.exists ? "changed" : "new");
  }
  for (const std::string& relative : run.plan.removes)
    run.listing += fmt::format("remove {} (no longer generated)\n", DisplayPath(run.dir / relative));
  for (const std::string& relative : run.plan.temp_files)
    run.listing += fmt::format("remove {} (left by an interrupted build)\n", DisplayPath(run.dir / relative));
  if (run.plan.manifest_changed)
    run.listing += fmt::format("write {}\n", DisplayPath(run.dir / emit::kManifestName));
}

// Plans (and in kWrite mode applies) one target's folder, and records what the target prints.
void Finish(TargetRun& run, std::string_view inputs_digest, std::string_view templates_digest,
            BuildMode mode) {
  std::string key = BuildKey(inputs_digest, run.target, templates_digest);
  if (!run.output->Finish(key, run.plan)) return;
  if (mode == BuildMode::kWrite && !emit::ApplyPlan(run.output->tree(), run.plan, run.sink)) return;
  const emit::OutputPlan& plan = run.plan;
  run.files = plan.files;
  std::string where = DisplayPath(run.dir);
  switch (mode) {
    case BuildMode::kWrite:
      run.log = fmt::format("{}: {} in {} ({} written, {} unchanged{})\n", model::Name(run.target),
                            Plural(run.files, "file"), where, plan.writes.size(), plan.unchanged,
                            plan.removes.empty() ? "" : fmt::format(", {} removed", plan.removes.size()));
      break;
    case BuildMode::kCheck:
      ListCheck(run);
      run.checked = true;
      break;
    case BuildMode::kDryRun:
      ListDryRun(run);
      run.log = fmt::format("{}: {} in {} ({} to write, {} unchanged, {} to remove)\n",
                            model::Name(run.target), Plural(run.files, "file"), where, plan.writes.size(),
                            plan.unchanged, plan.removes.size());
      break;
    case BuildMode::kValidate:
      break;
  }
}

}  // namespace

bool CheckOutputFolders(const model::Project& project, const std::vector<model::Target>& targets,
                        const BuildOptions& options, const std::vector<fs::path>& pipeline_dirs,
                        DiagSink& sink) {
  bool ok = true;
  for (model::Target target : targets) {
    fs::path dir = Absolute(OutputFolder(project, target, options));
    std::string overlap = Overlap(project, dir, pipeline_dirs);
    if (overlap.empty()) continue;
    sink.Report(Code::E0912, OutSpan(project, target, options),
                fmt::format("the output folder {} of target '{}' {}", Quote(DisplayPath(dir)),
                            model::Name(target), overlap))
        .Help(fmt::format(
            "give target '{}' an 'out:' folder of its own, outside the pipelines folders and .git "
            "(the default is generated/{})",
            model::Name(target), model::Name(target)));
    ok = false;
  }
  return ok;
}

std::vector<model::Target> TargetsOf(const model::Project& project, const BuildOptions& options) {
  if (!options.targets.empty()) return options.targets;
  std::vector<model::Target> targets;
  for (const auto& [target, settings] : project.targets) targets.push_back(target);
  return targets;
}

std::pair<fs::path, std::string> OutputLocation(const model::Project& project, model::Target target,
                                                const BuildOptions& options) {
  if (!options.out.empty()) return {fs::path(options.out), std::string(model::Name(target))};
  auto it = project.targets.find(target);
  std::string out =
      it != project.targets.end() ? it->second.out.value : "generated/" + std::string(model::Name(target));
  // The schema allows no `.` or `..` part; a trailing or doubled slash goes.
  std::string relative = fs::path(out).lexically_normal().generic_string();
  while (relative.size() > 1 && relative.back() == '/') relative.pop_back();
  return {fs::path(project.root), relative};
}

fs::path OutputFolder(const model::Project& project, model::Target target, const BuildOptions& options) {
  auto [base, relative] = OutputLocation(project, target, options);
  return (base / relative).lexically_normal();
}

std::string InputsDigest(std::vector<emit::Input> inputs) {
  std::sort(inputs.begin(), inputs.end());
  Sha256 hash;
  for (const emit::Input& input : inputs)
    hash.Update(input.path).Update(std::string_view("\0", 1)).Update(input.digest).Update("\n");
  return hash.HexDigest();
}

std::string BuildKey(std::string_view inputs_digest, model::Target target,
                     std::string_view templates_digest) {
  return Sha256Hex(fmt::format("trigc {}\ntemplates {}\ntarget {}\ninputs {}\n", TRIGC_VERSION,
                               templates_digest, model::Name(target), inputs_digest));
}

bool Build(Session& s, const BuildOptions& options, BuildOutput& output) {
  size_t errors = s.sink.errors();
  size_t stale_files = 0, stale_targets = 0, checked_targets = 0, checked_files = 0;
  std::string templates_digest;
  for (const model::Project& project : s.projects) {
    std::vector<fs::path> pipeline_dirs;
    for (const model::Pipeline& p : project.pipelines) pipeline_dirs.push_back(p.dir);
    CheckOutputFolders(project, TargetsOf(project, options), options, pipeline_dirs, s.sink);
  }
  // An output folder among the configs or inside .git: a build creates nothing, not even its lock file.
  if (options.mode != BuildMode::kValidate && s.sink.errors() != errors) return false;
  BuildLocks locks;  // held until every project is written
  if (!LockProjects(s.projects, options, locks, s.sink)) return false;
  for (size_t index = 0; index < s.projects.size(); ++index) {
    const model::Project& project = s.projects[index];
    std::vector<model::Target> targets = TargetsOf(project, options);
    if (options.mode == BuildMode::kValidate) {
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
    std::vector<TargetRun> runs(targets.size());
    for (size_t i = 0; i < targets.size(); ++i) {
      runs[i].target = targets[i];
      std::tie(runs[i].base, runs[i].relative) = OutputLocation(project, targets[i], options);
      runs[i].dir = OutputFolder(project, targets[i], options);
      auto settings = project.targets.find(targets[i]);
      if (options.out.empty() && settings != project.targets.end()) runs[i].span = settings->second.out.span;
    }
    if (options.mode != BuildMode::kValidate && CheckDistinctFolders(project, runs, s.sink))
      CheckNoLinks(runs, s.sink);
    if (s.sink.errors() != errors) continue;

    if (options.mode != BuildMode::kValidate && templates_digest.empty())
      templates_digest = emit::TemplateSet(options.templates).Digest();
    std::string inputs_digest;
    std::string warnings;  // recorded in the project's cache, for the no-op fast path to show again
    if (options.mode != BuildMode::kValidate) {
      warnings = RecordWarnings(s.projects, index, s.sources, s.sink);
      std::vector<emit::Input> inputs;
      if (project.file) inputs.push_back(emit::InputOf(project, s.sources, *project.file));
      for (const model::Pipeline& p : project.pipelines)
        inputs.push_back(emit::InputOf(project, s.sources, p.file));
      inputs_digest = InputsDigest(std::move(inputs));
    }
    // Each target on its own thread, from emitting to its folder; its files are dropped as soon as its folder
    // is done, so memory holds the model plus the targets in flight, not every target's output at once.
    size_t workers = options.jobs != 0 ? options.jobs : WorkerCount(runs.size(), 1);
    ParallelFor(runs.size(), workers, [&](size_t i) {
      TargetRun& run = runs[i];
      Emit(project, s.sources, options, run);
      if (run.sink.errors() == 0 && run.output != nullptr)
        Finish(run, inputs_digest, templates_digest, options.mode);
      run.output = {};  // removes the temp files of a target that failed
      run.plan = {};
    });
    bool failed = false;
    for (TargetRun& run : runs) {
      failed = failed || run.sink.errors() != 0;
      s.sink.Append(std::move(run.sink));
      output.log += run.log;
      output.listing += run.listing;
      stale_files += run.stale;
      stale_targets += run.stale != 0;
      checked_targets += run.checked;
      checked_files += run.files;
    }
    if (options.mode == BuildMode::kWrite && !failed) SaveWarnings(project.root, inputs_digest, warnings);
  }
  if (options.mode == BuildMode::kCheck && s.sink.errors() == errors) {
    output.stale = stale_files != 0;
    output.log += output.stale ? fmt::format("{} out of date in {}: run `trigc build` to update them\n",
                                             Plural(stale_files, "file"), Plural(stale_targets, "target"))
                               : fmt::format("{} up to date ({})\n", Plural(checked_targets, "target"),
                                             Plural(checked_files, "file"));
  }
  return s.sink.errors() == errors;
}

}  // namespace trigc::driver
