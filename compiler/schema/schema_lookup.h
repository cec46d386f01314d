// Finds the schema fragments that apply to a node of a document, so that diagnostics can name the allowed
// keys, values, types and bounds. valijson stays the judge of validity; this only explains its verdicts.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "compiler/yaml/document.h"

namespace trigc::schema {

/// One step from a container to a child: a mapping key or a sequence index.
struct PathStep {
  yaml::NodeId container;
  std::string key;  ///< mapping key, or the decimal index for sequences
};

/// Every subschema that applies to the node reached by `steps` from the root (following $ref, allOf and the
/// if/then/else branches whose `if` is a `type` or `properties: {x: {const: ...}}` test).
std::vector<const nlohmann::json*> SchemasAt(const nlohmann::json& root_schema, const yaml::Document& doc,
                                             const std::vector<PathStep>& steps);

/// Property names allowed by `schemas` (union of their `properties`).
std::vector<std::string> AllowedKeys(const std::vector<const nlohmann::json*>& schemas);

/// The first value of `keyword` among `schemas`, or null.
const nlohmann::json* FindKeyword(const std::vector<const nlohmann::json*>& schemas, const char* keyword);

}  // namespace trigc::schema
