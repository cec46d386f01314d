// The capability matrix, in one place: for each trigger type and policy key, and each target, whether the
// target expresses it natively, by a documented emulation, not at all (a compile error with the way out), or
// whether it does not concern the target (MinIO only sets up bucket notifications).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "compiler/diag/diagnostic.h"
#include "compiler/model/model.h"

namespace trigc::emit {

/// How a target expresses a feature.
enum class Support { kNative, kEmulated, kUnsupported, kNotApplicable };

/// One cell of the matrix.
struct Capability {
  Support support;
  std::string_view how;  ///< what is emitted (native, emulated) or why not (unsupported, not applicable)
};

/// One row: a trigger type ("schedule") or a policy key ("maintenance_windows").
struct CapabilityRow {
  std::string_view feature;
  Capability cells[6];  ///< indexed by model::Target
};

/// Every row, trigger types first.
const std::vector<CapabilityRow>& CapabilityMatrix();

/// The cell for a feature and target (kNotApplicable for an unknown feature).
const Capability& CapabilityOf(std::string_view feature, model::Target target);

/// E0501 for every trigger or policy that one of `targets` cannot express, naming pipeline, trigger, target
/// and the way out; W0501 for a trigger whose `targets:` names a target that is not built.
void CheckCapabilities(const model::Project& project, const std::vector<model::Target>& targets,
                       DiagSink& sink);

/// The matrix as a Markdown table (`trigc targets`, README).
std::string CapabilityTable();

}  // namespace trigc::emit
