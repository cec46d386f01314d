// What a pipeline's deployment is called, which flow it runs and where: the pipeline's target (or its
// `targets.prefect.target`), the entrypoint template and work pool of trigc.yaml, and the per-pipeline
// overrides.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "compiler/diag/diagnostic.h"
#include "compiler/model/model.h"
#include "compiler/source/source.h"

namespace trigc::emit::prefect {

/// The deployment of one pipeline.
struct DeploymentSettings {
  std::string flow;        ///< flow name when the target is `flow/deployment`, else empty
  std::string name;        ///< deployment name
  std::string entrypoint;  ///< `path/file.py:function`
  std::string work_pool;
};

/// The entrypoint used when neither trigc.yaml nor the pipeline sets one.
inline constexpr const char* kDefaultEntrypoint = "flows/{name}.py:{name}";

/// Resolves the deployment of `pipeline`; reports E0530 (Jinja in the name), E0533 (a name Prefect rejects or
/// an entrypoint that is not `path.py:function`) and E0534 (no work pool), and returns nothing then.
std::optional<DeploymentSettings> ResolveSettings(const model::Project& project,
                                                  const model::Pipeline& pipeline, DiagSink& sink);

/// The deployment names of `pipeline` without reporting anything (for upstream references).
DeploymentSettings NamesOf(const model::Pipeline& pipeline);

/// True for 'path/file.py:function', as the schema's pattern ^[A-Za-z0-9_./-]+\.py:[A-Za-z_][A-Za-z0-9_]*$
/// says. Checked by hand: it runs for every pipeline, and building a std::regex costs more than all the
/// checks.
bool IsEntrypoint(std::string_view entrypoint);

}  // namespace trigc::emit::prefect
