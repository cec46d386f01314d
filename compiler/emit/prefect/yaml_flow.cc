#include "compiler/emit/prefect/yaml_flow.h"

#include "compiler/emit/escape.h"

namespace trigc::emit::prefect {

namespace {

// A float as YAML 1.1 (PyYAML) reads it: the mantissa needs a dot ("1e+300" would be a string).
std::string YamlFloat(double value) {
  std::string text = nlohmann::json(value).dump();
  if (text.find_first_of(".") != std::string::npos) return text;
  size_t e = text.find_first_of("eE");
  if (e == std::string::npos) return text + ".0";
  return text.substr(0, e) + ".0" + text.substr(e);
}

}  // namespace

std::string YamlFlow(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::object: {
      std::string out = "{";
      for (auto it = value.begin(); it != value.end(); ++it) {
        out += (it == value.begin() ? "" : ", ") + YamlString(it.key()) + ": " + YamlFlow(it.value());
      }
      return out + "}";
    }
    case nlohmann::json::value_t::array: {
      std::string out = "[";
      for (size_t i = 0; i < value.size(); ++i) out += (i == 0 ? "" : ", ") + YamlFlow(value[i]);
      return out + "]";
    }
    case nlohmann::json::value_t::string:
      return YamlString(value.get_ref<const std::string&>());
    case nlohmann::json::value_t::boolean:
      return value.get<bool>() ? "true" : "false";
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
      return value.dump();
    case nlohmann::json::value_t::number_float:
      return YamlFloat(value.get<double>());
    default:
      return "null";
  }
}

}  // namespace trigc::emit::prefect
