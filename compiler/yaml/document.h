// The syntax tree of one YAML file: an arena of nodes, each with its source span and strictly resolved type.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/source/source.h"

namespace trigc::yaml {

/// Index of a node in its Document.
using NodeId = uint32_t;
/// "No node" (a key that is absent).
inline constexpr NodeId kNoNode = UINT32_MAX;

/// The resolved type of a node (YAML 1.2 core schema, strict: see scalar.h).
enum class NodeKind : uint8_t { kNull, kBool, kInt, kFloat, kString, kSequence, kMapping };

/// One node. Scalars keep their text; collections keep their children.
struct Node {
  NodeKind kind = NodeKind::kNull;
  bool quoted = false;     ///< written quoted or as a block scalar (always a string)
  bool sensitive = false;  ///< value of a secret-like key: never shown in messages
  Span span;
  std::string text;  ///< scalar value after unescaping (empty for collections and nulls)
  bool bool_value = false;
  int64_t int_value = 0;
  double float_value = 0;
  /// Sequence: the items. Mapping: key, value, key, value, ... in source order.
  std::vector<NodeId> children;
};

/// A loaded file. Nodes are stored in an arena and referred to by id.
class Document {
 public:
  /// The node with this id.
  const Node& node(NodeId id) const { return nodes_[id]; }
  /// The root node.
  NodeId root() const { return root_; }
  /// The file this document was loaded from.
  FileId file() const { return file_; }
  /// Number of nodes.
  size_t size() const { return nodes_.size(); }

  /// The value of `key` in mapping `map`, or kNoNode (also when `map` is not a mapping).
  NodeId Find(NodeId map, std::string_view key) const;
  /// The key node paired with the value `value_id` in mapping `map`, or kNoNode.
  NodeId KeyOf(NodeId map, NodeId value_id) const;

  /// Human name of a kind: "string", "integer", "mapping", ...
  static const char* KindName(NodeKind kind);

 private:
  friend class Builder;
  std::vector<Node> nodes_;
  NodeId root_ = kNoNode;
  FileId file_ = kNoFile;
};

}  // namespace trigc::yaml
