// `trigc build`: checks the capability matrix for the chosen targets, runs each target's emitter and writes
// its artifacts where trigc.yaml says (default generated/<target>/), or below --out.
#pragma once

#include <string>
#include <vector>

#include "compiler/driver/driver.h"
#include "compiler/model/model.h"

namespace trigc::driver {

/// What to build.
struct BuildOptions {
  std::vector<model::Target> targets;  ///< empty: the targets configured in trigc.yaml
  std::string out;                     ///< when set, target T goes to <out>/T
  std::string templates;               ///< --templates DIR
  /// Check only: run the capability matrix and every emitter, write nothing (what validate does). Configured
  /// targets this build cannot emit are skipped instead of reported, and a project without targets is fine.
  bool check_only = false;
};

/// Builds every project of the session (already loaded and free of errors). Returns false when a diagnostic
/// error was reported. Prints one summary line per target to `log`.
bool Build(Session& session, const BuildOptions& options, std::string& log);

}  // namespace trigc::driver
