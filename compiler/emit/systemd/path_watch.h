// The [Path] settings of a file_watch trigger, and the checks that a systemd .path unit can watch it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "compiler/diag/diagnostic.h"
#include "compiler/model/model.h"

namespace trigc::emit {

/// The watch lines of a file_watch trigger: a glob path gives `PathExistsGlob=` for `created` and
/// `PathChanged=` on its folder for `modified`; a plain path gives `PathExists=` and `PathChanged=`. Reports
/// E0542 and returns nothing for what a path unit cannot watch: `recursive: true`, `deleted` events,
/// characters outside [A-Za-z0-9_./*?[]-], or glob characters in a folder name.
std::optional<std::vector<std::string>> PathWatches(const model::Pipeline& pipeline,
                                                    const model::Trigger& trigger, DiagSink& sink);

/// True when `path` holds a glob character (`*`, `?`, `[`).
bool IsGlob(const std::string& path);

}  // namespace trigc::emit
