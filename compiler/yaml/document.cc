#include "compiler/yaml/document.h"

namespace trigc::yaml {

NodeId Document::Find(NodeId map, std::string_view key) const {
  if (map == kNoNode || nodes_[map].kind != NodeKind::kMapping) return kNoNode;
  const std::vector<NodeId>& kids = nodes_[map].children;
  for (size_t i = 0; i + 1 < kids.size(); i += 2) {
    const Node& k = nodes_[kids[i]];
    if (k.kind != NodeKind::kSequence && k.kind != NodeKind::kMapping && k.text == key) return kids[i + 1];
  }
  return kNoNode;
}

NodeId Document::KeyOf(NodeId map, NodeId value_id) const {
  if (map == kNoNode || nodes_[map].kind != NodeKind::kMapping) return kNoNode;
  const std::vector<NodeId>& kids = nodes_[map].children;
  for (size_t i = 0; i + 1 < kids.size(); i += 2) {
    if (kids[i + 1] == value_id) return kids[i];
  }
  return kNoNode;
}

const char* Document::KindName(NodeKind kind) {
  switch (kind) {
    case NodeKind::kNull:
      return "null";
    case NodeKind::kBool:
      return "boolean";
    case NodeKind::kInt:
      return "integer";
    case NodeKind::kFloat:
      return "number";
    case NodeKind::kString:
      return "string";
    case NodeKind::kSequence:
      return "list";
    case NodeKind::kMapping:
      return "mapping";
  }
  return "value";
}

}  // namespace trigc::yaml
