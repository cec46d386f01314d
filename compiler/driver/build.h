// `trigc build`: checks the capability matrix for the chosen targets, runs each target's emitter (targets in
// parallel) and brings each target's output folder (default generated/<target>/, or <--out>/<target>) up to
// date: writes what changed, removes what trigc no longer generates, and records a manifest. `--check` and
// `--dry-run` compare instead of writing.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "compiler/driver/build_lock.h"
#include "compiler/driver/driver.h"
#include "compiler/emit/emitter.h"
#include "compiler/model/model.h"

namespace trigc::driver {

/// What a build does with the output folders.
enum class BuildMode {
  kWrite,     ///< `trigc build`: bring every output folder up to date
  kCheck,     ///< `trigc build --check`: write nothing, list stale, missing and extra files with diffs
  kDryRun,    ///< `trigc build --dry-run`: write nothing, list what a build would write or remove
  kValidate,  ///< `trigc validate`: run the capability matrix and every emitter, touch no folder
};

/// What to build.
struct BuildOptions {
  std::vector<model::Target> targets;  ///< empty: the targets configured in trigc.yaml
  std::string out;                     ///< when set, target T goes to <out>/T
  std::string templates;               ///< --templates DIR
  /// kValidate skips configured targets this build cannot emit instead of reporting them, and a project
  /// without targets is fine.
  BuildMode mode = BuildMode::kWrite;
  size_t jobs = 0;  ///< emitter threads; 0: one per core
  LockWait lock;    ///< when another build of a project runs (--no-wait)
};

/// What a build printed and found.
struct BuildOutput {
  std::string log;      ///< one summary line per target (standard error)
  std::string listing;  ///< --check and --dry-run: the files and diffs (standard output)
  bool stale = false;   ///< --check: some file is stale, missing or extra
};

/// Builds every project of the session (already loaded and free of errors), holding each project's build
/// lock (build_lock.h). Returns false when a diagnostic error was reported.
bool Build(Session& session, const BuildOptions& options, BuildOutput& output);

/// SHA-256 over every input file of a project (path and SHA-256 of trigc.yaml and of each pipeline's config),
/// in path order.
std::string InputsDigest(std::vector<emit::Input> inputs);

/// The key a manifest records: trigc's version, the templates, the target and the project's InputsDigest.
/// Equal keys mean a build would write the same files.
std::string BuildKey(std::string_view inputs_digest, model::Target target, std::string_view templates_digest);

/// The targets a build of `project` emits: those given with --target, else those trigc.yaml configures.
std::vector<model::Target> TargetsOf(const model::Project& project, const BuildOptions& options);

/// Reports E0912 for each target whose output folder holds a pipelines folder of `project` (or is one), holds
/// one of `pipeline_dirs` (the folders of its pipelines' configs), or is inside a `.git` folder: a build
/// would write among the configs or into git's own files, and discovery would lose the pipelines there. False
/// when it reported any.
bool CheckOutputFolders(const model::Project& project, const std::vector<model::Target>& targets,
                        const BuildOptions& options, const std::vector<std::filesystem::path>& pipeline_dirs,
                        DiagSink& sink);

/// Where target `target` of `project` is written: the trusted base folder (the project root, or --out) and
/// the folder below it (the target's `out:`, or the target's name), reached without following links.
std::pair<std::filesystem::path, std::string> OutputLocation(const model::Project& project,
                                                             model::Target target,
                                                             const BuildOptions& options);

/// The folder target `target` of `project` is written to: <--out>/<target>, or its `out:` in trigc.yaml
/// (default generated/<target>) below the project root.
std::filesystem::path OutputFolder(const model::Project& project, model::Target target,
                                   const BuildOptions& options);

}  // namespace trigc::driver
