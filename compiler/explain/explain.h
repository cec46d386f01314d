// `trigc explain`: a cron in plain English, or a pipeline fully resolved, with where each value came from.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "compiler/model/model.h"

namespace trigc::explain {

/// The resolved pipeline as JSON: every trigger with its final cron, zone, description and policies; each
/// value is {"value": ..., "from": "written" | "preset" | "pattern" | "project default" | "built-in default"
/// | "derived"}.
nlohmann::json ExplainPipelineJson(const model::Project& project, const model::Pipeline& pipeline,
                                   const SourceManager& sources);

/// The same for people.
std::string ExplainPipelineText(const model::Project& project, const model::Pipeline& pipeline,
                                const SourceManager& sources);

}  // namespace trigc::explain
