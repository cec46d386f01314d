// Secrets in `params:`. Params are handed to every run and written into the generated files (DAG files,
// deployments, run scripts) and into `trigc explain`, so a secret in them must be a reference that the job
// resolves itself.
//
// Rule: every scalar in the value of a secret key (yaml/secret_key.h) anywhere under `params:` must be an
// `${env:NAME}` reference, an empty string, `null`, `true` or `false`; a literal string or number is E0316,
// reported once per secret key at its first literal. trigc passes a reference on unchanged (it never reads
// the variable: its value would end up in the generated files).
#pragma once

#include <string>
#include <string_view>

#include "compiler/diag/diagnostic.h"
#include "compiler/yaml/document.h"

namespace trigc::model {

/// Reports E0316 for each secret key under `params` (a params value, or kNoNode) whose value is literal.
void CheckSecretParams(const yaml::Document& doc, yaml::NodeId params, DiagSink& sink);

/// NAME when `text` is exactly `${env:NAME}` with NAME in [A-Z_][A-Z0-9_]*, else "".
std::string EnvReference(std::string_view text);

}  // namespace trigc::model
