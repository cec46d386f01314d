// BuildModel: validated YAML documents -> the typed model, with the checks the schema cannot express.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "compiler/diag/diagnostic.h"
#include "compiler/model/model.h"
#include "compiler/yaml/document.h"

namespace trigc::model {

/// Reads a validated trigc.yaml into `project` (settings only; pipelines are added by BuildPipeline).
void BuildProject(const yaml::Document& doc, Project& project, DiagSink& sink);

/// Reads a validated config.yaml. `folder_name` is the default pipeline name. Reports semantic problems
/// (freshness order, time zones, literal secrets, names, schedule source, windows, likely typos). When the
/// pipeline has no valid name (E0306), the help proposes one that is not in `taken_names` (the names of the
/// project's other pipelines; see NeedsDeclaredName), and that name is added to it.
std::optional<Pipeline> BuildPipeline(const yaml::Document& doc, const std::string& dir,
                                      const std::string& folder_name, const Project& project, DiagSink& sink,
                                      std::set<std::string>* taken_names = nullptr);

/// True when the config declares no `name:` and `folder_name` is not a valid pipeline name: BuildPipeline
/// then reports E0306, whose help should know every other pipeline's name.
bool NeedsDeclaredName(const yaml::Document& doc, std::string_view folder_name);

/// Checks across pipelines (unique names) and sorts them by name.
void CheckProject(Project& project, DiagSink& sink);

/// True for `[a-z][a-z0-9_]*` of at most 63 characters.
bool IsIdentifier(std::string_view text);

}  // namespace trigc::model
