// What prefect.yaml cannot carry, found before anything is emitted: values Jinja would render (E0530),
// per-trigger concurrency and cooldown (E0531) and catch-up of missed runs (E0532).
#pragma once

#include "compiler/diag/diagnostic.h"
#include "compiler/model/model.h"
#include "compiler/source/source.h"

namespace trigc::emit::prefect {

/// Reports every problem of `pipeline` for the prefect target; false when there was one.
bool CheckPipeline(const model::Pipeline& pipeline, const SourceManager& sources, DiagSink& sink);

}  // namespace trigc::emit::prefect
