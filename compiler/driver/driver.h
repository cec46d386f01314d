// The driver runs the stages in order over every project reached from the command-line paths:
// discover -> load (YAML) -> validate (schema) -> build model -> project checks -> graph checks. A file whose
// stage reports an error does not go on to the next stage; other files do, so one bad file never hides
// another.
#pragma once

#include <string>
#include <vector>

#include "compiler/diag/diagnostic.h"
#include "compiler/model/model.h"
#include "compiler/source/source.h"
#include "compiler/yaml/loader.h"

namespace trigc::driver {

/// Everything a command needs after loading: sources, diagnostics and the models.
struct Session {
  SourceManager sources;
  DiagSink sink;
  std::vector<model::Project> projects;
  yaml::Limits limits;
  size_t max_pipelines = 50000;  ///< E0907: pipelines per project
};

/// Finds the projects of `paths` (default "."), loads and checks every file. Problems go to `session.sink`.
void LoadProjects(const std::vector<std::string>& paths, Session& session);

/// True when the session's diagnostics include an I/O failure (exit code 4).
bool HasIoFailure(const Session& session);

}  // namespace trigc::driver
