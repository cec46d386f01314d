// Names on the Dagster side: the package, the module of each pipeline, the job a trigger launches, and the
// names of the generated schedules and sensors.
#pragma once

#include <string>
#include <string_view>

#include "compiler/model/model.h"

namespace trigc::emit::dagster {

/// True for a name Dagster accepts for a job, schedule or sensor: `^[A-Za-z0-9_]+$`, not a Python keyword and
/// not one of the names Dagster reserves (`context`, `config`, `input`, `type`, ...).
bool IsDagsterName(std::string_view name);

/// The package name: the `module` setting of the dagster target, else "trigc_dagster".
const model::Value<std::string>& ModuleName(const model::Project& project);

/// The Python module (file stem) of a pipeline: its name, with `_` added when it is a keyword.
std::string PipelineModule(const model::Pipeline& pipeline);

/// The job a trigger of the pipeline launches: `targets: dagster: target:`, else the pipeline's `target`.
const model::Value<std::string>& JobName(const model::Pipeline& pipeline);

/// The name of the schedule or sensor made from a trigger: `<pipeline>__<trigger>`.
std::string DefinitionName(const model::Pipeline& pipeline, const model::Trigger& trigger);

}  // namespace trigc::emit::dagster
