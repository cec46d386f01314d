// Python string literals for the Dagster target, in the form black leaves unchanged.
#pragma once

#include <string>
#include <string_view>

namespace trigc::emit::dagster {

/// PythonString(text) with every `\"` written as `\x22` and hex digits in lowercase: the same value, pure
/// ASCII, and a literal black never rewrites (black would switch a string holding `\"` to single quotes).
std::string DagsterString(std::string_view text);

}  // namespace trigc::emit::dagster
