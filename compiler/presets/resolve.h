// The presets stage: every schedule and freshness trigger gets its final cron (from the expression written,
// a cron preset, a schedule pattern or the freshness rule), parsed; patterns lend their policies to the
// pipeline. Reports bad crons, unknown or shadowing presets and patterns.
#pragma once

#include "compiler/diag/diagnostic.h"
#include "compiler/model/model.h"

namespace trigc::presets {

/// Resolves every trigger of `project` in place.
void Resolve(model::Project& project, const SourceManager& sources, DiagSink& sink);

/// The span of bytes [begin, end) of a string value inside its source (inside the quotes); the whole value's
/// span when escapes make the source differ from the value.
Span SpanInside(const model::Value<std::string>& value, size_t begin, size_t end,
                const SourceManager& sources);

}  // namespace trigc::presets
