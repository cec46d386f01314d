// One pipeline as one entry of prefect.yaml's `deployments:`: mustache data made only of escaped text.
#pragma once

#include "compiler/emit/prefect/settings.h"
#include "compiler/emit/templates.h"
#include "compiler/model/model.h"

namespace trigc::emit::prefect {

/// The data of the deployment template for `pipeline`: name, entrypoint, work pool with its job variables,
/// paused, concurrency limit, parameters, schedules and triggers. `project` resolves upstream deployments.
Data DeploymentData(const model::Project& project, const model::Pipeline& pipeline,
                    const DeploymentSettings& s);

}  // namespace trigc::emit::prefect
