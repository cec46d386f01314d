// Settings shared by the crontab and systemd targets: the runner command of a pipeline and the script folder.
#pragma once

#include <optional>
#include <string>

#include "compiler/diag/diagnostic.h"
#include "compiler/model/model.h"

namespace trigc::emit {

/// Folder of the run scripts when trigc.yaml sets no `script_dir`.
inline constexpr const char* kDefaultScriptDir = "/usr/local/libexec/trigc";

/// A string setting of a target, or `fallback`.
std::string TargetString(const model::Project& project, model::Target target, const std::string& key,
                         const std::string& fallback);

/// The quoted runner command of `pipeline` for `target` (its `targets: {<target>: {runner}}`, else the
/// project's), with `{target}` and `{name}` substituted. Reports E0540 and returns nothing when there is none
/// or it is unusable.
std::optional<std::string> PipelineRunner(const model::Project& project, const model::Pipeline& pipeline,
                                          model::Target target, DiagSink& sink);

}  // namespace trigc::emit
