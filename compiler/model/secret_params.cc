#include "compiler/model/secret_params.h"

#include <fmt/format.h>

#include "compiler/yaml/secret_key.h"

namespace trigc::model {

namespace {

using yaml::Document;
using yaml::kNoNode;
using yaml::Node;
using yaml::NodeId;
using yaml::NodeKind;

bool IsLiteral(const Node& n) {
  switch (n.kind) {
    case NodeKind::kString:
      return !n.text.empty() && EnvReference(n.text).empty();
    case NodeKind::kInt:
    case NodeKind::kFloat:
      return true;
    case NodeKind::kNull:
    case NodeKind::kBool:
    case NodeKind::kSequence:
    case NodeKind::kMapping:
      return false;
  }
  return false;
}

// The first literal scalar in the value `id`, depth first (no recursion: the depth is the user's).
NodeId FirstLiteral(const Document& doc, NodeId id) {
  std::vector<NodeId> stack{id};
  while (!stack.empty()) {
    NodeId at = stack.back();
    stack.pop_back();
    const Node& n = doc.node(at);
    if (IsLiteral(n)) return at;
    for (auto it = n.children.rbegin(); it != n.children.rend(); ++it) stack.push_back(*it);
  }
  return kNoNode;
}

// An environment variable name made from a key: "apiKey" -> "API_KEY".
std::string VariableName(const std::string& key) {
  std::string out;
  for (char c : yaml::NormalizeKey(key)) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    out += alnum ? static_cast<char>(c >= 'a' ? c - 'a' + 'A' : c) : '_';
  }
  if (out.empty() || (out[0] >= '0' && out[0] <= '9')) out = "SECRET_" + out;
  return out.substr(0, 64);
}

void Report(const Document& doc, NodeId key, NodeId literal, DiagSink& sink) {
  const std::string& name = doc.node(key).text;
  std::string shown = name.size() <= 64 ? Quote(name) : "a secret key";
  sink.Report(Code::E0316, doc.node(literal).span, fmt::format("params: {} holds a literal secret", shown))
      .Note({}, "params are written into the generated files and shown by 'trigc explain'")
      .Help(
          fmt::format("write a reference to an environment variable, e.g. {}: \"${{env:{}}}\" (the run gets "
                      "it as it is and reads the variable), or rename the key if it holds no secret",
                      name.size() <= 64 ? name : "key", VariableName(name)));
}

}  // namespace

std::string EnvReference(std::string_view text) {
  constexpr std::string_view kOpen = "${env:";
  if (text.size() <= kOpen.size() + 1 || text.substr(0, kOpen.size()) != kOpen || text.back() != '}')
    return {};
  std::string_view name = text.substr(kOpen.size(), text.size() - kOpen.size() - 1);
  bool ok = !(name[0] >= '0' && name[0] <= '9');
  for (char c : name) ok = ok && ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_');
  return ok ? std::string(name) : std::string();
}

void CheckSecretParams(const Document& doc, NodeId params, DiagSink& sink) {
  if (params == kNoNode) return;
  std::vector<NodeId> stack{params};
  while (!stack.empty()) {
    const Node& n = doc.node(stack.back());
    stack.pop_back();
    for (size_t i = 0; i < n.children.size(); ++i) {
      NodeId child = n.children[i];
      bool is_key = n.kind == NodeKind::kMapping && i % 2 == 0;
      if (is_key && i + 1 < n.children.size() && yaml::IsSecretKey(doc.node(child).text)) {
        NodeId literal = FirstLiteral(doc, n.children[i + 1]);
        if (literal != kNoNode) Report(doc, child, literal, sink);
        ++i;  // the value is checked as a whole
      } else if (!is_key) {
        stack.push_back(child);
      }
    }
  }
}

}  // namespace trigc::model
