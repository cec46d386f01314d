#include "compiler/emit/emitter.h"

#include <algorithm>
#include <filesystem>

#include "compiler/emit/escape.h"
#include "compiler/source/sha256.h"

namespace trigc::emit {

std::string Header(std::string_view prefix, const std::vector<Input>& inputs) {
  std::string out = std::string(prefix) + std::string(kHeaderMark);
  Sha256 hash;
  for (size_t i = 0; i < inputs.size(); ++i) {
    out += (i == 0 ? "" : ", ") + CommentSafe(inputs[i].path);
    hash.Update(inputs[i].path).Update(std::string_view("\0", 1)).Update(inputs[i].digest).Update("\n");
  }
  out += " (inputs sha256:" + hash.HexDigest().substr(0, 16) + ").\n";
  out += std::string(prefix) + "Do not edit: change the config and run `trigc build`.\n";
  return out;
}

void Flush(const EmitContext& context, std::vector<Artifact>& out) {
  if (!context.stream) return;
  for (Artifact& a : out) context.stream(std::move(a));
  out.clear();
}

Input InputOf(const model::Project& project, const SourceManager& sources, FileId file) {
  return {ProjectPath(project, sources, file), sources.Get(file).digest()};
}

std::string ProjectPath(const model::Project& project, std::string_view name) {
  // Discovery names a project's files <root>/<relative path>: take the relative path off the name when it is
  // plainly there (no "." or ".." part, no doubled slash), as lexically_relative would, for a fraction of the
  // cost (this runs for every generated file).
  std::string_view root = project.root;
  if (root != "." && !root.empty() && root.back() != '/' && name.size() > root.size() + 1 &&
      name.compare(0, root.size(), root) == 0 && name[root.size()] == '/') {
    std::string_view rest = name.substr(root.size() + 1);
    std::string with_slashes = "/" + std::string(rest) + "/";
    if (with_slashes.find("/./") == std::string::npos && with_slashes.find("/../") == std::string::npos &&
        with_slashes.find("//") == std::string::npos)
      return std::string(rest);
  }
  std::filesystem::path path(name);
  std::filesystem::path relative = path.lexically_relative(std::filesystem::path(project.root));
  return relative.empty() ? path.generic_string() : relative.generic_string();
}

std::string ProjectPath(const model::Project& project, const SourceManager& sources, FileId file) {
  return ProjectPath(project, sources.Get(file).path());
}

std::vector<Input> PipelineSources(const model::Project& project, const SourceManager& sources,
                                   const model::Pipeline& pipeline) {
  std::vector<Input> out = {InputOf(project, sources, pipeline.file)};
  if (project.file) out.push_back(InputOf(project, sources, *project.file));
  return out;
}

std::vector<const model::Trigger*> TriggersFor(const model::Pipeline& pipeline, model::Target target) {
  std::vector<const model::Trigger*> out;
  for (const model::Trigger& t : pipeline.triggers) {
    if (t.targets.empty() || std::find(t.targets.begin(), t.targets.end(), target) != t.targets.end()) {
      out.push_back(&t);
    }
  }
  return out;
}

std::vector<const model::Pipeline*> PipelinesInOrder(const model::Project& project) {
  std::vector<const model::Pipeline*> out;
  if (project.order.size() == project.pipelines.size()) {
    for (size_t i : project.order) out.push_back(&project.pipelines[i]);
  } else {
    for (const model::Pipeline& p : project.pipelines) out.push_back(&p);
  }
  return out;
}

}  // namespace trigc::emit
