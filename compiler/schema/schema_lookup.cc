#include "compiler/schema/schema_lookup.h"

#include <algorithm>
#include <optional>

namespace trigc::schema {

namespace {

using nlohmann::json;
using yaml::Document;
using yaml::NodeId;
using yaml::NodeKind;

const json* Resolve(const json& root, const json& schema) {
  auto ref = schema.find("$ref");
  if (ref == schema.end() || !ref->is_string()) return &schema;
  std::string pointer = ref->get<std::string>();
  if (pointer.rfind("#", 0) != 0) return &schema;
  try {
    return &root.at(json::json_pointer(pointer.substr(1)));
  } catch (const json::exception&) {
    return &schema;
  }
}

bool TypeMatches(const std::string& type, NodeKind kind) {
  switch (kind) {
    case NodeKind::kNull:
      return type == "null";
    case NodeKind::kBool:
      return type == "boolean";
    case NodeKind::kInt:
      return type == "integer" || type == "number";
    case NodeKind::kFloat:
      return type == "number";
    case NodeKind::kString:
      return type == "string";
    case NodeKind::kSequence:
      return type == "array";
    case NodeKind::kMapping:
      return type == "object";
  }
  return false;
}

bool ScalarEquals(const json& expected, const yaml::Node& node) {
  if (expected.is_string()) return node.kind == NodeKind::kString && node.text == expected.get<std::string>();
  if (expected.is_boolean()) return node.kind == NodeKind::kBool && node.bool_value == expected.get<bool>();
  if (expected.is_number_integer())
    return node.kind == NodeKind::kInt && node.int_value == expected.get<int64_t>();
  return false;
}

// Evaluates the simple `if` forms the trigc schemas use; nullopt when the form is not understood.
std::optional<bool> EvaluateIf(const json& condition, const Document& doc, NodeId node) {
  if (node == yaml::kNoNode) return std::nullopt;
  const yaml::Node& n = doc.node(node);
  bool result = true;
  bool understood = false;
  if (auto type = condition.find("type"); type != condition.end() && type->is_string()) {
    understood = true;
    result = result && TypeMatches(type->get<std::string>(), n.kind);
  }
  if (auto props = condition.find("properties"); props != condition.end() && props->is_object()) {
    for (const auto& [key, sub] : props->items()) {
      auto constant = sub.find("const");
      if (constant == sub.end()) return std::nullopt;
      understood = true;
      NodeId value = doc.Find(node, key);
      result = result && value != yaml::kNoNode && ScalarEquals(*constant, doc.node(value));
    }
  }
  if (!understood) return std::nullopt;
  return result;
}

void Expand(const json& root, const json& schema, const Document& doc, NodeId node, int depth,
            std::vector<const json*>& out) {
  if (depth > 16 || !schema.is_object()) return;
  const json* s = Resolve(root, schema);
  if (!s->is_object()) return;
  out.push_back(s);
  if (auto all = s->find("allOf"); all != s->end() && all->is_array()) {
    for (const json& sub : *all) Expand(root, sub, doc, node, depth + 1, out);
  }
  if (auto condition = s->find("if"); condition != s->end()) {
    std::optional<bool> taken = EvaluateIf(*condition, doc, node);
    if (taken) {
      auto branch = s->find(*taken ? "then" : "else");
      if (branch != s->end()) Expand(root, *branch, doc, node, depth + 1, out);
    }
  }
}

NodeId Child(const Document& doc, const PathStep& step) {
  const yaml::Node& container = doc.node(step.container);
  if (container.kind == NodeKind::kMapping) return doc.Find(step.container, step.key);
  if (container.kind == NodeKind::kSequence) {
    size_t index = std::stoul(step.key);
    return index < container.children.size() ? container.children[index] : yaml::kNoNode;
  }
  return yaml::kNoNode;
}

}  // namespace

std::vector<const json*> SchemasAt(const json& root_schema, const Document& doc,
                                   const std::vector<PathStep>& steps) {
  std::vector<const json*> current;
  Expand(root_schema, root_schema, doc, doc.root(), 0, current);
  for (const PathStep& step : steps) {
    NodeId child = Child(doc, step);
    bool is_index = doc.node(step.container).kind == NodeKind::kSequence;
    std::vector<const json*> next;
    for (const json* s : current) {
      const json* sub = nullptr;
      if (is_index) {
        if (auto items = s->find("items"); items != s->end() && items->is_object()) sub = &*items;
      } else if (auto props = s->find("properties"); props != s->end() && props->contains(step.key)) {
        sub = &(*props)[step.key];
      } else if (auto extra = s->find("additionalProperties"); extra != s->end() && extra->is_object()) {
        sub = &*extra;
      }
      if (sub != nullptr) Expand(root_schema, *sub, doc, child, 0, next);
    }
    current = std::move(next);
  }
  return current;
}

std::vector<std::string> AllowedKeys(const std::vector<const json*>& schemas) {
  std::vector<std::string> keys;
  for (const json* s : schemas) {
    if (auto props = s->find("properties"); props != s->end() && props->is_object()) {
      for (const auto& item : props->items()) keys.push_back(item.key());
    }
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

const json* FindKeyword(const std::vector<const json*>& schemas, const char* keyword) {
  for (const json* s : schemas) {
    if (auto it = s->find(keyword); it != s->end()) return &*it;
  }
  return nullptr;
}

}  // namespace trigc::schema
