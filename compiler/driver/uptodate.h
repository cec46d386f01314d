// The no-op fast path of `trigc build`: when every input file (trigc.yaml and each pipeline's config) has the
// bytes the last build saw, with the same trigc and templates, and no generated file was touched since, there
// is nothing to do, and trigc says so without parsing, validating or emitting anything.
#pragma once

#include <string>
#include <vector>

#include "compiler/driver/build.h"
#include "compiler/driver/driver.h"

namespace trigc::driver {

/// True when a plain `trigc build` of `paths` would change nothing. Then `log` gets one line per target, and
/// `session` the warnings the last build gave (kept in the project's cache, recorded_warnings.h) with the files
/// they show, to be rendered as the full build would. Anything unusual (a missing manifest, a diagnostic of
/// any kind in trigc.yaml, a file newer than its folder's manifest, a temp file left by a killed build,
/// warnings that cannot be shown again) answers false, and the full build runs and decides with a fresh
/// session.
bool UpToDate(const std::vector<std::string>& paths, const BuildOptions& options, std::string& log,
              Session& session);

}  // namespace trigc::driver
