// The one audited escaper per output language. Every value from a config reaches a template only through one
// of these (reference/reliability.md section 4): the output of each is inert data in its language.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace trigc::emit {

/// A Python string literal, double-quoted, pure ASCII: `\\`, `\"`, printable ASCII verbatim, every other code
/// point as \xHH, \uXXXX or \UXXXXXXXX (never surrogate pairs, never `\/`). Input must be valid UTF-8 (the
/// loader guarantees it); invalid bytes are emitted as \xHH of their Latin-1 value.
std::string PythonString(std::string_view text);

/// True for an ASCII identifier `[A-Za-z_][A-Za-z0-9_]*` that is not a Python keyword or soft keyword.
bool IsPythonIdentifier(std::string_view text);

/// A Python identifier made from `text`: characters outside [A-Za-z0-9_] become `_`, a leading digit gets a
/// `_` prefix, and a keyword gets a `_` suffix.
std::string PythonIdentifier(std::string_view text);

/// A YAML scalar, always double-quoted and pure ASCII: `\\`, `\"`, printable ASCII verbatim, other code
/// points as \xHH, \uXXXX or \UXXXXXXXX. Every YAML 1.1 and 1.2 reader reads it back as exactly `text`, a
/// string.
std::string YamlString(std::string_view text);

/// A POSIX shell word: `'...'` with each `'` written as `'\''`. Works the same in dash and bash, in any
/// locale. Nothing when the text holds NUL (no shell word can carry it).
std::optional<std::string> ShellWord(std::string_view text);

/// One systemd Exec argument or value: `"..."` with `\\`, `\"`, `%%` and `$$`. Nothing when the text holds a
/// control character (C0, DEL, C1) or U+2028/U+2029, which no unit-file quoting can carry safely.
std::optional<std::string> SystemdWord(std::string_view text);

/// True when Jinja would evaluate part of `text` (`{{`, `{%` or `{#`): Airflow templated fields and
/// prefect.yaml render values with Jinja, so such values are rejected there.
bool HasJinja(std::string_view text);

/// Every key and string inside `value` (params) that Jinja would render (HasJinja), in document order.
std::vector<std::string> JinjaStrings(const nlohmann::json& value);

/// A path for a "generated from" header comment: characters outside [A-Za-z0-9._/-] become `?`, so no path
/// can end the comment, change the encoding (PEP 263) or reorder the text (bidi).
std::string CommentSafe(std::string_view text);

}  // namespace trigc::emit
