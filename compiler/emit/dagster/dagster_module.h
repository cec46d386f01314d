// The mustache data of one pipeline's module: its policy constants and one schedule or sensor per trigger.
#pragma once

#include "compiler/emit/templates.h"
#include "compiler/model/model.h"

namespace trigc::emit::dagster {

/// Data for templates/dagster/pipeline.py.mustache. Every value in it is an escaped Python literal or a
/// name trigc generated. `header` is filled by the caller.
Data PipelineData(const model::Project& project, const model::Pipeline& pipeline);

/// A Python list literal of already-escaped items, one per line with a trailing comma (so black keeps it as
/// written), its closing bracket indented by `indent` spaces; `[]` when empty.
std::string ListLiteral(const std::vector<std::string>& items, int indent);

}  // namespace trigc::emit::dagster
