#include "compiler/driver/uptodate.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstdint>
#include <map>

#include <fmt/format.h>

#include "compiler/driver/build_lock.h"
#include "compiler/driver/discover.h"
#include "compiler/driver/parallel.h"
#include "compiler/driver/project_files.h"
#include "compiler/driver/recorded_warnings.h"
#include "compiler/emit/safe_dir.h"
#include "compiler/emit/templates.h"
#include "compiler/emit/write.h"
#include "compiler/model/build_model.h"
#include "compiler/schema/validate.h"
#include "compiler/source/read_file.h"
#include "compiler/source/sha256.h"

namespace trigc::driver {

namespace fs = std::filesystem;

namespace {

// The text of a project file, read as a full build reads it (confined to the project, see project_files.h),
// when it can be read and is at most `limit` bytes. Whatever keeps it from being read is for the full build
// to report.
bool ReadWhole(const ConfinedRoot& confined, const fs::path& root, const fs::path& path, size_t limit,
               std::string& text) {
  DiagSink unused;
  std::optional<std::string> read = ReadProjectFile(confined, root, path, limit, unused);
  if (!read || read->size() > limit) return false;
  text = std::move(*read);
  return true;
}

// Modification time in nanoseconds, or -1.
int64_t ModifiedNs(const struct stat& st) {
  return static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
}

// True when the folder's manifest has `key`, every file it lists is on disk, unchanged in size and no newer
// than the manifest, and no temp file of a killed build is left for a full build to remove. Counts the files
// in `files`. The folder and its files are reached without following a symbolic link (emit/safe_dir.h): a
// link leaves the decision, and the refusal, to the full build.
bool FolderUpToDate(const std::pair<fs::path, std::string>& where, const std::string& key, size_t& files) {
  emit::SafeTree tree(where.first, where.second);
  emit::PathError error;
  int dir = tree.Folder("", false, error);
  std::string manifest_name(emit::kManifestName), manifest;
  struct stat manifest_stat;
  if (dir < 0 || !emit::StatAt(dir, manifest_name, manifest_stat) ||
      !emit::ReadAt(dir, manifest_name, kNoReadLimit, manifest, error))
    return false;
  if (emit::ManifestKey(manifest) != key) return false;
  int64_t verified = ModifiedNs(manifest_stat);
  std::vector<emit::ManifestEntry> entries = emit::ManifestFiles(manifest);
  for (const emit::ManifestEntry& entry : entries) {
    if (!emit::IsSafeRelativePath(entry.path)) return false;
    auto [folder, name] = emit::SplitPath(entry.path);
    int at = folder.empty() ? dir : tree.Folder(folder, false, error);
    struct stat st;
    if (at < 0 || !emit::StatAt(at, name, st) || !S_ISREG(st.st_mode) ||
        static_cast<uint64_t>(st.st_size) != entry.bytes || ModifiedNs(st) > verified)
      return false;
  }
  if (emit::HasTempFiles(tree.path())) return false;
  files = entries.size();
  return true;
}

// The project of one root as far as the fast path needs it: settings from trigc.yaml (which must load without
// a single diagnostic), the inputs every build key covers, and the paths of the configs among them.
bool ProjectInputs(const ConfinedRoot& confined, const fs::path& root,
                   const std::optional<fs::path>& project_file, Session& s, const BuildOptions& options,
                   model::Project& project, std::vector<emit::Input>& inputs, std::vector<fs::path>& configs,
                   std::vector<std::string>& digests) {
  project.root = DisplayPath(root);
  if (project_file) {
    std::string text;
    if (!ReadWhole(confined, root, *project_file, s.limits.max_file_bytes, text)) return false;
    FileId file = s.sources.Add(DisplayPath(*project_file), std::move(text));
    std::optional<yaml::Document> doc = yaml::Load(s.sources, file, s.sink, s.limits);
    if (!doc || !schema::Validate(*doc, schema::SchemaKind::kProject, s.sink)) return false;
    model::BuildProject(*doc, project, s.sink);
    if (!s.sink.all().empty()) return false;
    inputs.push_back(emit::InputOf(project, s.sources, file));
  }
  // A folder without a manifest (a first build, a fresh --out) needs the full build: no reading or hashing.
  // Nor can warnings be shown again when --target names a target trigc.yaml does not configure: which
  // warnings a build gives depends on the targets then (W0501).
  for (model::Target target : TargetsOf(project, options)) {
    if (project.targets.count(target) == 0) return false;
    std::error_code ec;
    if (!fs::exists(OutputFolder(project, target, options) / emit::kManifestName, ec)) return false;
  }
  // Anything discovery reports (a folder that cannot be listed, a symlink leading outside the project or
  // nowhere), and an output folder that overlaps the pipelines, is for the full build to report.
  DiagSink problems;
  configs = ProjectPipelineConfigs(confined, root, project_file.has_value(), project, problems);
  if (configs.empty() || !problems.all().empty()) return false;
  std::vector<fs::path> pipeline_dirs;
  for (const fs::path& config : configs) pipeline_dirs.push_back(config.parent_path());
  if (!CheckOutputFolders(project, TargetsOf(project, options), options, pipeline_dirs, problems))
    return false;
  // Reading and hashing are most of the work: spread them over the cores (each slot is written by one
  // worker). The configs are hashed as the full build would (emit::InputOf), without keeping their text.
  size_t first = inputs.size();
  inputs.resize(first + configs.size());
  digests.resize(configs.size());
  std::vector<char> read(configs.size(), 0);
  ParallelFor(configs.size(), WorkerCount(configs.size(), 256), [&](size_t i) {
    std::string text;
    if (!ReadWhole(confined, root, configs[i], s.limits.max_file_bytes, text)) return;
    digests[i] = Sha256Hex(text);
    inputs[first + i] = {emit::ProjectPath(project, DisplayPath(configs[i])), digests[i]};
    read[i] = 1;
  });
  return std::all_of(read.begin(), read.end(), [](char ok) { return ok != 0; });
}

// Reports the warnings the last full build of the project recorded into `sink`, reading the files they show
// again: each must still have the digest the build key was made of. False without a record for these inputs.
bool ReplayProject(const ConfinedRoot& confined, const fs::path& root, const model::Project& project,
                   const std::optional<FileId>& project_file, const std::vector<emit::Input>& inputs,
                   const std::vector<fs::path>& configs, std::string_view inputs_digest, Session& s,
                   DiagSink& sink) {
  std::optional<std::string> recorded = LoadWarnings(project.root, inputs_digest);
  if (!recorded) return false;
  size_t first = inputs.size() - configs.size();  // inputs: trigc.yaml (when there is one), then the configs
  std::map<std::string_view, size_t> config_of;
  for (size_t i = 0; i < configs.size(); ++i) config_of.emplace(inputs[first + i].path, i);
  std::string project_path = project_file ? emit::InputOf(project, s.sources, *project_file).path : "";
  OpenRecorded open = [&](const std::string& path) -> std::optional<FileId> {
    if (project_file && path == project_path) return *project_file;
    auto it = config_of.find(path);
    std::string text;
    if (it == config_of.end() ||
        !ReadWhole(confined, root, configs[it->second], s.limits.max_file_bytes, text) ||
        Sha256Hex(text) != inputs[first + it->second].digest)
      return std::nullopt;
    return s.sources.Add(DisplayPath(configs[it->second]), std::move(text));
  };
  return ReplayWarnings(*recorded, open, s.sources, sink);
}

}  // namespace

bool UpToDate(const std::vector<std::string>& paths, const BuildOptions& options, std::string& log,
              Session& s) {
  if (options.mode != BuildMode::kWrite) return false;
  std::vector<std::string> missing;
  std::map<fs::path, std::optional<fs::path>> roots =
      FindProjectRoots(paths.empty() ? std::vector<std::string>{"."} : paths, missing);
  if (!missing.empty() || roots.empty()) return false;
  std::string templates_digest = emit::TemplateSet(options.templates).Digest();
  std::string lines;
  DiagSink warnings;  // moved into s.sink at the end: trigc.yaml of each root must load without any
  // Shared, without waiting: while a build of a project runs (it holds the lock), the full build decides.
  BuildLocks locks;
  for (const auto& [root, project_file] : roots) {
    if (!locks.TryShared(root)) return false;
    model::Project project;
    std::vector<emit::Input> inputs;
    std::vector<fs::path> configs;
    std::vector<std::string> digests;  // what the inputs' digests point at
    ConfinedRoot confined(root);
    if (!ProjectInputs(confined, root, project_file, s, options, project, inputs, configs, digests))
      return false;
    std::vector<emit::Input> sorted = inputs;
    std::string inputs_digest = InputsDigest(std::move(sorted));
    std::vector<model::Target> targets = TargetsOf(project, options);
    if (targets.empty()) return false;
    // One folder per worker: stat-ing every listed file is most of a no-op build's time.
    std::vector<size_t> files(targets.size(), 0);
    std::vector<char> fresh(targets.size(), 0);
    ParallelFor(targets.size(), WorkerCount(targets.size(), 1), [&](size_t i) {
      fresh[i] = FolderUpToDate(OutputLocation(project, targets[i], options),
                                BuildKey(inputs_digest, targets[i], templates_digest), files[i]);
    });
    for (size_t i = 0; i < targets.size(); ++i) {
      if (!fresh[i]) return false;
      lines += fmt::format("{}: {} file{} in {} (up to date)\n", model::Name(targets[i]), files[i],
                           files[i] == 1 ? "" : "s", DisplayPath(OutputFolder(project, targets[i], options)));
    }
    if (!ReplayProject(confined, root, project, project.file, inputs, configs, inputs_digest, s, warnings))
      return false;
  }
  log += lines;
  s.sink.Append(std::move(warnings));
  return true;
}

}  // namespace trigc::driver
