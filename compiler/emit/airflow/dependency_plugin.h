// The listener plugin that runs dependency triggers on Airflow: which controller DAGs a final run of each
// upstream target DAG starts (templates/airflow/trigc_dependencies.py.mustache).
#pragma once

#include "compiler/emit/templates.h"
#include "compiler/model/model.h"

namespace trigc::emit::airflow {

/// True when a pipeline of `project` has a dependency trigger that goes to Airflow.
bool HasDependencies(const model::Project& project);

/// The template data of the plugin, without the header: the upstream target DAGs in id order, each with the
/// dependency controllers it starts in pipeline order. Upstream runs count whoever started them (rule 5), so
/// the key is the upstream's target DAG, not a controller of it.
Data PluginData(const model::Project& project, int version);

}  // namespace trigc::emit::airflow
