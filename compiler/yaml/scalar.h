// Strict scalar resolution (YAML 1.2 core schema, narrowed so that no value means two things).
#pragma once

#include <string>
#include <string_view>

#include "compiler/yaml/document.h"

namespace trigc::yaml {

/// The type and value of a plain (unquoted) scalar.
struct Resolved {
  NodeKind kind = NodeKind::kString;
  bool bool_value = false;
  int64_t int_value = 0;
  double float_value = 0;
};

/// Resolves a plain scalar: `~`/`null`/`Null`/`NULL`/empty are null; only `true` and `false` are booleans;
/// integers are plain decimal without leading zeros that fit in 64 bits; floats are decimal with a dot
/// (`1.5`, `-0.25e3`). Everything else is a string (`yes`, `010`, `0x1F`, `1_000`, `1:30`, `1e3`, `.inf`).
Resolved ResolvePlain(std::string_view text);

/// When a plain scalar resolved to a string but other YAML readers (YAML 1.1, PyYAML) would read it as a
/// boolean or a number, explains that and suggests what to write; "" otherwise.
std::string AmbiguityHint(std::string_view text, NodeKind expected);

}  // namespace trigc::yaml
