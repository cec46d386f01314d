// Template data of the Airflow artifacts, built only from escaped strings (emit/escape.h) and numbers.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "compiler/emit/airflow/controllers.h"
#include "compiler/emit/templates.h"
#include "compiler/model/model.h"

namespace trigc::emit::airflow {

/// The `targets.airflow` settings of trigc.yaml.
struct Settings {
  int version = 2;                          ///< 2 or 3
  std::string aws_conn_id = "aws_default";  ///< connection of the S3 sensors
};

/// The settings of `project`, with their defaults.
Settings SettingsOf(const model::Project& project);

/// The data of templates/airflow/dag_file.py.mustache for one pipeline (without the header).
Data DagFileData(const model::Pipeline& pipeline, const std::vector<Controller>& controllers,
                 const Settings& settings);

/// The data of templates/airflow/README.md.mustache (without the header), with no rows yet.
Data ReadmeData(const Settings& settings);

/// Adds the README rows of one pipeline's controllers (emit order), so that the controllers of all pipelines
/// need not be kept until the README is rendered.
void AddReadmeRows(const model::Pipeline& p, const std::vector<Controller>& controllers, Data& readme);

}  // namespace trigc::emit::airflow
