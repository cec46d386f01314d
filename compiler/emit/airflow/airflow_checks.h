// Checks of what the Airflow emitter cannot write safely or at all: values that would reach a Jinja-templated
// field (E0520), target DAG ids Airflow rejects (E0521) and webhooks from MinIO, which cannot call the
// Airflow REST API (E0501).
#pragma once

#include "compiler/diag/diagnostic.h"
#include "compiler/model/model.h"

namespace trigc::emit::airflow {

/// The DAG a pipeline's triggers launch on Airflow: `targets.airflow.target`, else the pipeline's `target`.
const model::Value<std::string>& TargetDag(const model::Pipeline& pipeline);

/// True for an Airflow DAG id: 1 to 250 ASCII letters, digits, `-`, `.` and `_`.
bool IsDagId(std::string_view text);

/// The params a trigger hands to the runs it starts: the pipeline's, with the trigger's keys replacing them.
nlohmann::json ParamsOf(const model::Pipeline& pipeline, const model::Trigger* trigger);

/// Reports every problem of `pipeline` for the Airflow target; false when there was one. `sources` locates
/// the top-level `params:` key, which the model keeps no span of.
bool CheckPipeline(const model::Pipeline& pipeline, const SourceManager& sources, DiagSink& sink);

/// Warns (W0520) when `pipeline` has a freshness block and the target is Airflow 3, which has no SLA.
void WarnFreshness(const model::Pipeline& pipeline, int version, DiagSink& sink);

}  // namespace trigc::emit::airflow
