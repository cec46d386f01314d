// Config data (params) as YAML flow text for prefect.yaml: every string through YamlString, so the value
// prefect.yaml's reader gets back is exactly the config's.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace trigc::emit::prefect {

/// `value` as one line of YAML flow text: mappings `{"k": v}` in key order, lists `[a, b]`, strings
/// double-quoted (YamlString), numbers and booleans as YAML 1.1 and 1.2 read them, null as `null`.
std::string YamlFlow(const nlohmann::json& value);

}  // namespace trigc::emit::prefect
