// Schema validation: the loaded tree is converted to JSON and validated with valijson (strong types) against
// the embedded schema; each violation is reported once, at the node it concerns, with its data path.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "compiler/diag/diagnostic.h"
#include "compiler/yaml/document.h"

namespace trigc::schema {

/// Which schema a file is validated against.
enum class SchemaKind { kPipeline, kProject };

/// The embedded schema text (what `trigc schema` prints).
std::string_view SchemaText(SchemaKind kind);

/// The parsed schema that validation uses: the embedded one without descriptions, titles, snippets and
/// defaults.
const nlohmann::json& SchemaJson(SchemaKind kind);

/// The JSON value of a node (mappings become objects, keys their text).
nlohmann::json ToJson(const yaml::Document& doc, yaml::NodeId node);

/// Validates `doc`; reports violations to `sink` and returns true when there was none.
bool Validate(const yaml::Document& doc, SchemaKind kind, DiagSink& sink);

/// Compiles the schema of `kind` (parse, valijson schema, patterns) if that has not happened yet; Validate()
/// does so on first use. Thread-safe: the driver calls it on a thread of its own while it reads the files.
void Prepare(SchemaKind kind);

}  // namespace trigc::schema
