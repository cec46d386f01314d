// What the Dagster target cannot express beyond the capability matrix: names Dagster or Python reject,
// schedule options Dagster lacks, file events its file sensor cannot see, and clashing generated names.
#pragma once

#include "compiler/diag/diagnostic.h"
#include "compiler/model/model.h"

namespace trigc::emit::dagster {

/// Reports E0510-E0514 for the pipelines and triggers that go to Dagster. True when nothing was reported.
bool CheckDagster(const model::Project& project, DiagSink& sink);

}  // namespace trigc::emit::dagster
