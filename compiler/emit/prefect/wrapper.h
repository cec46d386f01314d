// The generated entrypoint of one deployment: a wrapper flow (trigc_flows/<pipeline>.py) with a flow name
// trigc chooses, which applies the pipeline's policies, retries and jitter and then runs the user's flow.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "compiler/emit/prefect/settings.h"
#include "compiler/emit/templates.h"
#include "compiler/model/model.h"

namespace trigc::emit::prefect {

/// The flow name of the pipeline's wrapper: the `flow` of a `flow/deployment` target, else the pipeline name.
std::string FlowName(const model::Pipeline& pipeline);

/// The deployment's entrypoint: `trigc_flows/<pipeline>.py:<pipeline>`.
std::string WrapperEntrypoint(const model::Pipeline& pipeline);

/// Where the wrapper is written, relative to the output folder: `trigc_flows/<pipeline>.py`.
std::string WrapperPath(const model::Pipeline& pipeline);

/// What the wrapper applies, as the runtime reads it: `windows`, `cooldown_seconds`, `retries`,
/// `retry_delay_seconds`, `exponential` and `jitter` (schedule slug -> seconds); absent keys are off.
nlohmann::json PolicyOf(const model::Pipeline& pipeline);

/// The data of the wrapper template: function, flow name, user entrypoint and policy as Python literals.
Data WrapperData(const model::Pipeline& pipeline, const DeploymentSettings& s);

}  // namespace trigc::emit::prefect
