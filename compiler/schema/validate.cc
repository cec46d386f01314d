#include "compiler/schema/validate.h"

#include <algorithm>
#include <map>
#include <mutex>
#include <optional>
#include <regex>
#include <set>
#include <stdexcept>
#include <tuple>
#include <unordered_map>

#include <fmt/format.h>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validation_visitor.hpp>

#include "compiler/schema/schema_lookup.h"
#include "compiler/yaml/scalar.h"

namespace trigc::embedded {
extern const std::string_view kPipelineSchema;
extern const std::string_view kProjectSchema;
extern const std::string_view kPipelineValidationSchema;
extern const std::string_view kProjectValidationSchema;
}  // namespace trigc::embedded

namespace trigc::schema {

namespace {

using nlohmann::json;
using yaml::Document;
using yaml::Node;
using yaml::NodeId;
using yaml::NodeKind;

// valijson's cache of compiled `pattern` regexes, keyed by pattern.
using Patterns = std::unordered_map<std::string, std::regex>;

struct Compiled {
  json document;
  valijson::Schema schema;
  Patterns patterns;  ///< every `pattern` of the schema, compiled once for all threads
};

// A compiled pattern, shared by both schemas (most of the project schema's patterns are the pipeline
// schema's): each is compiled once per run, whichever schema meets it first. The lock covers only the lookup,
// so two threads compiling both schemas build different patterns at the same time, and wait only for a
// pattern the other one is building.
std::optional<std::regex> SharedPattern(const std::string& pattern) {
  struct Entry {
    std::once_flag once;
    std::optional<std::regex> regex;
  };
  static std::mutex mutex;
  static std::map<std::string, Entry> compiled;  // a map's entries never move
  Entry* entry = nullptr;
  {
    std::lock_guard<std::mutex> lock(mutex);
    entry = &compiled[pattern];
  }
  std::call_once(entry->once, [&] {
    try {
      entry->regex.emplace(pattern);
    } catch (const std::regex_error&) {  // not a regex (a string in an example)
    }
  });
  return entry->regex;
}

// Compiles every string under a "pattern" key (an object under that key is a property named "pattern"). A
// string that is not a regex (one in an example) is left out: valijson would compile it if it ever met it.
void CompilePatterns(const json& node, Patterns& out) {
  if (node.is_array()) {
    for (const json& item : node) CompilePatterns(item, out);
  } else if (node.is_object()) {
    for (const auto& [key, value] : node.items()) {
      if (key == "pattern" && value.is_string() && out.count(value.get<std::string>()) == 0) {
        if (std::optional<std::regex> regex = SharedPattern(value.get<std::string>()))
          out.emplace(value.get<std::string>(), std::move(*regex));
      }
      CompilePatterns(value, out);
    }
  }
}

const Compiled& CompiledSchema(SchemaKind kind) {
  auto build = [](std::string_view text) {
    auto compiled = std::make_unique<Compiled>();
    compiled->document = json::parse(text);
    valijson::SchemaParser parser;
    valijson::adapters::NlohmannJsonAdapter adapter(compiled->document);
    parser.populateSchema(adapter, compiled->schema);
    CompilePatterns(compiled->document, compiled->patterns);
    return compiled;
  };
  // Each built on first use, independently: Prepare() may build one on another thread while this one is used.
  // Both from the schema without what only editors read (descriptions, snippets), which the build strips.
  if (kind == SchemaKind::kPipeline) {
    static const std::unique_ptr<Compiled> pipeline = build(embedded::kPipelineValidationSchema);
    return *pipeline;
  }
  static const std::unique_ptr<Compiled> project = build(embedded::kProjectValidationSchema);
  return *project;
}

// Where a valijson error points: the node, the steps to it and its data path (triggers[2].interval).
struct Target {
  NodeId node = yaml::kNoNode;
  std::vector<PathStep> steps;
  std::string path;
};

Target Walk(const Document& doc, const std::vector<std::string>& context) {
  Target t;
  t.node = doc.root();
  for (size_t i = 1; i < context.size() && t.node != yaml::kNoNode; ++i) {
    const std::string& part = context[i];
    if (part.size() < 2 || part.front() != '[' || part.back() != ']') break;
    std::string key = part.substr(1, part.size() - 2);
    const Node& container = doc.node(t.node);
    NodeId child = yaml::kNoNode;
    if (container.kind == NodeKind::kSequence) {
      size_t index = key.find_first_not_of("0123456789") == std::string::npos && !key.empty()
                         ? std::stoul(key)
                         : SIZE_MAX;
      if (index < container.children.size()) child = container.children[index];
      t.path += "[" + key + "]";
    } else {
      child = doc.Find(t.node, key);
      t.path += (t.path.empty() ? "" : ".") + key;
    }
    if (child == yaml::kNoNode) break;
    t.steps.push_back({t.node, key});
    t.node = child;
  }
  return t;
}

std::string Prefix(const std::string& path) { return path.empty() ? std::string() : path + ": "; }

std::string Shown(const Node& n) {
  if (n.sensitive) return "a secret value";
  switch (n.kind) {
    case NodeKind::kSequence:
      return "a list";
    case NodeKind::kMapping:
      return "a mapping";
    case NodeKind::kNull:
      return "an empty value";
    case NodeKind::kString:
      return "string " + Quote(n.text, 40);
    default:
      return std::string(Document::KindName(n.kind)) + " " + n.text;
  }
}

std::string TypeWord(const std::string& type) {
  if (type == "object") return "mapping";
  if (type == "array") return "list";
  return type;
}

std::vector<std::string> ExpectedTypes(const std::vector<const json*>& schemas) {
  std::vector<std::string> types;
  if (const json* type = FindKeyword(schemas, "type")) {
    if (type->is_string()) types.push_back(TypeWord(type->get<std::string>()));
    if (type->is_array()) {
      for (const json& t : *type) types.push_back(TypeWord(t.get<std::string>()));
    }
  }
  return types;
}

std::string JoinOr(const std::vector<std::string>& words) {
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) {
    out += i == 0 ? "" : i + 1 == words.size() ? " or " : ", ";
    out += words[i];
  }
  return out;
}

std::string ValueList(const json& values) {
  std::string out;
  for (const json& v : values)
    out += (out.empty() ? "" : ", ") + (v.is_string() ? v.get<std::string>() : v.dump());
  return out;
}

class Reporter {
 public:
  Reporter(const Document& doc, const json& schema, DiagSink& sink)
      : doc_(doc), schema_(schema), sink_(sink) {}

  void Handle(const valijson::ValidationResults::Error& error) {
    const std::string& text = error.description;
    if (text.rfind("Failed to validate against", 0) == 0 || text.rfind("Failed to validate item", 0) == 0 ||
        text.rfind("Cannot validate item", 0) == 0 || text.rfind("Failed to any values", 0) == 0) {
      return;  // a parent's summary of errors reported at the children
    }
    Target t = Walk(doc_, error.context);
    if (t.node == yaml::kNoNode) return;
    if (text.rfind("Object contains a property", 0) == 0) return UnknownKeys(t, text);
    if (text.rfind("Missing required property", 0) == 0) return Missing(t, text);
    if (text.rfind("Value type not permitted", 0) == 0) return WrongType(t);
    if (text.rfind("Failed to match against any enum", 0) == 0) return NotAllowed(t, "enum");
    if (text.rfind("Failed to match expected value set by 'const'", 0) == 0) return NotAllowed(t, "const");
    if (text.rfind("Expected number", 0) == 0) return OutOfRange(t);
    if (text.rfind("Failed to match regex", 0) == 0) return BadFormat(t);
    if (text.rfind("Elements at indexes", 0) == 0) {
      Emit(Code::E0208, t, doc_.node(t.node).span, Prefix(t.path) + "the list has the same item twice");
      return;
    }
    if (text.rfind("String should", 0) == 0 || text.rfind("Array should", 0) == 0 ||
        text.rfind("Object should", 0) == 0) {
      Emit(Code::E0206, t, doc_.node(t.node).span, Prefix(t.path) + Lower(text));
      return;
    }
    Emit(Code::E0208, t, doc_.node(t.node).span, Prefix(t.path) + Lower(text));
  }

 private:
  static std::string Lower(std::string text) {
    if (!text.empty()) text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
    while (!text.empty() && text.back() == '.') text.pop_back();
    return text;
  }

  std::vector<const json*> Schemas(const Target& t) const { return SchemasAt(schema_, doc_, t.steps); }

  // One diagnostic per node: the first (most specific, see Rank) wins.
  DiagSink::Builder* Emit(Code code, const Target& t, Span span, std::string message) {
    if (!seen_.insert({span.begin, span.end}).second) return nullptr;
    builder_.emplace(sink_.Report(code, span, std::move(message)));
    builder_->Path(t.path);
    return &*builder_;
  }

  std::string TriggerWhat(NodeId node) const {
    NodeId type = doc_.Find(node, "type");
    if (type != yaml::kNoNode && doc_.node(type).kind == NodeKind::kString) {
      return fmt::format(" for type {}", Quote(doc_.node(type).text));
    }
    return {};
  }

  void UnknownKeys(const Target& t, const std::string& text) {
    std::vector<std::string> allowed = AllowedKeys(Schemas(t));
    const Node& map = doc_.node(t.node);
    std::vector<NodeId> unknown;
    for (size_t i = 0; i + 1 < map.children.size(); i += 2) {
      const Node& key = doc_.node(map.children[i]);
      if (!std::binary_search(allowed.begin(), allowed.end(), key.text)) unknown.push_back(map.children[i]);
    }
    if (unknown.empty()) {
      // Fall back to the one name valijson gives.
      size_t open = text.rfind(": '");
      std::string name = open == std::string::npos ? "" : text.substr(open + 3, text.size() - open - 5);
      for (size_t i = 0; i + 1 < map.children.size(); i += 2) {
        if (doc_.node(map.children[i]).text == name) unknown.push_back(map.children[i]);
      }
    }
    for (NodeId key_id : unknown) {
      const Node& key = doc_.node(key_id);
      Target kt = t;
      kt.path += (kt.path.empty() ? "" : ".") + key.text;
      auto* b = Emit(Code::E0202, kt, key.span,
                     fmt::format("{}unknown key {}{}", Prefix(t.path), Quote(key.text), TriggerWhat(t.node)));
      if (b == nullptr) continue;
      std::string suggestion = SpellCheck(key.text, allowed);
      if (!suggestion.empty()) {
        b->Help(fmt::format("did you mean '{}'?", suggestion));
      } else if (!allowed.empty()) {
        b->Help(fmt::format("allowed keys: {}", ValueList(json(allowed))));
      }
    }
  }

  void Missing(const Target& t, const std::string& text) {
    size_t open = text.find('\'');
    std::string name = text.substr(open + 1, text.rfind('\'') - open - 1);
    const Node& map = doc_.node(t.node);
    Span span = map.span;
    span.end = std::min(span.end, span.begin + 1);
    if (!map.children.empty()) span = doc_.node(map.children[0]).span;
    Emit(Code::E0203, t, span,
         fmt::format("{}missing required key '{}'{}", Prefix(t.path), name, TriggerWhat(t.node)));
  }

  void WrongType(const Target& t) {
    const Node& n = doc_.node(t.node);
    std::vector<std::string> expected = ExpectedTypes(Schemas(t));
    auto* b = Emit(Code::E0201, t, n.span,
                   fmt::format("{}expected {}, found {}", Prefix(t.path),
                               expected.empty() ? std::string("another type") : JoinOr(expected), Shown(n)));
    if (b == nullptr || n.sensitive) return;
    auto wants = [&](const char* type) {
      return std::find(expected.begin(), expected.end(), type) != expected.end();
    };
    std::string hint;
    if (n.kind == NodeKind::kNull) {
      hint = "the value is empty: write a value or remove the key";
    } else if (n.kind == NodeKind::kString && !n.quoted) {
      NodeKind want = wants("boolean")   ? NodeKind::kBool
                      : wants("integer") ? NodeKind::kInt
                                         : NodeKind::kString;
      hint = yaml::AmbiguityHint(n.text, want);
    } else if (n.kind == NodeKind::kString && n.quoted && (wants("boolean") || wants("integer"))) {
      hint = "remove the quotes: a quoted value is always a string";
    } else if (wants("string") && !wants("mapping") &&
               (n.kind == NodeKind::kInt || n.kind == NodeKind::kFloat || n.kind == NodeKind::kBool)) {
      hint = fmt::format("quote it to make it a string: \"{}\"", n.text);
    }
    const json* examples = FindKeyword(Schemas(t), "examples");
    if (hint.empty() && examples != nullptr && examples->is_array() && !examples->empty()) {
      hint = fmt::format("for example: {}", ValueList(*examples));
    }
    if (!hint.empty()) b->Help(hint);
  }

  void NotAllowed(const Target& t, const char* keyword) {
    const Node& n = doc_.node(t.node);
    const json* values = FindKeyword(Schemas(t), keyword);
    auto* b = Emit(Code::E0204, t, n.span,
                   fmt::format("{}invalid value {}", Prefix(t.path),
                               n.text.empty() || n.sensitive ? Shown(n) : Quote(n.text)));
    if (b == nullptr || values == nullptr) return;
    if (values->is_array()) {
      std::vector<std::string> names;
      for (const json& v : *values) names.push_back(v.is_string() ? v.get<std::string>() : v.dump());
      std::string suggestion = SpellCheck(n.text, names);
      if (!suggestion.empty()) b->Help(fmt::format("did you mean '{}'?", suggestion));
      b->Help(fmt::format("allowed values: {}", ValueList(*values)));
    } else {
      b->Help(fmt::format("the only allowed value is {}",
                          values->is_string() ? values->get<std::string>() : values->dump()));
    }
  }

  void OutOfRange(const Target& t) {
    const Node& n = doc_.node(t.node);
    std::vector<const json*> schemas = Schemas(t);
    const json* min = FindKeyword(schemas, "minimum");
    const json* max = FindKeyword(schemas, "maximum");
    std::string bounds = min && max ? fmt::format("between {} and {}", min->dump(), max->dump())
                         : min      ? fmt::format("at least {}", min->dump())
                         : max      ? fmt::format("at most {}", max->dump())
                                    : std::string("in range");
    Emit(Code::E0205, t, n.span,
         fmt::format("{}{} is out of range: must be {}", Prefix(t.path), n.text, bounds));
  }

  void BadFormat(const Target& t) {
    const Node& n = doc_.node(t.node);
    std::vector<const json*> schemas = Schemas(t);
    const json* pattern = FindKeyword(schemas, "pattern");
    auto* b = Emit(Code::E0207, t, n.span,
                   fmt::format("{}{} does not have the expected format", Prefix(t.path),
                               n.sensitive ? Shown(n) : Quote(n.text)));
    if (b == nullptr) return;
    if (const json* examples = FindKeyword(schemas, "examples");
        examples && examples->is_array() && !examples->empty()) {
      b->Help(fmt::format("for example: {}", ValueList(*examples)));
    }
    if (pattern != nullptr) b->Note({}, fmt::format("expected to match {}", pattern->get<std::string>()));
  }

  const Document& doc_;
  const json& schema_;
  DiagSink& sink_;
  std::set<std::pair<uint32_t, uint32_t>> seen_;
  std::optional<DiagSink::Builder> builder_;
};

// Which valijson message wins when one node breaks several rules: the type first, then the value itself.
int Rank(const std::string& text) {
  static const char* const kOrder[] = {"Object contains a property",
                                       "Missing required property",
                                       "Value type not permitted",
                                       "Failed to match against any enum",
                                       "Failed to match expected value",
                                       "Failed to match regex",
                                       "Expected number",
                                       "String should",
                                       "Array should",
                                       "Object should"};
  for (int i = 0; i < static_cast<int>(std::size(kOrder)); ++i) {
    if (text.rfind(kOrder[i], 0) == 0) return i;
  }
  return static_cast<int>(std::size(kOrder));
}

}  // namespace

std::string_view SchemaText(SchemaKind kind) {
  return kind == SchemaKind::kPipeline ? embedded::kPipelineSchema : embedded::kProjectSchema;
}

const json& SchemaJson(SchemaKind kind) { return CompiledSchema(kind).document; }

void Prepare(SchemaKind kind) { CompiledSchema(kind); }

json ToJson(const Document& doc, NodeId id) {
  const Node& n = doc.node(id);
  switch (n.kind) {
    case NodeKind::kNull:
      return nullptr;
    case NodeKind::kBool:
      return n.bool_value;
    case NodeKind::kInt:
      return n.int_value;
    case NodeKind::kFloat:
      return n.float_value;
    case NodeKind::kString:
      return n.text;
    case NodeKind::kSequence: {
      json array = json::array();
      for (NodeId child : n.children) array.push_back(ToJson(doc, child));
      return array;
    }
    case NodeKind::kMapping: {
      json object = json::object();
      for (size_t i = 0; i + 1 < n.children.size(); i += 2) {
        object[doc.node(n.children[i]).text] = ToJson(doc, n.children[i + 1]);
      }
      return object;
    }
  }
  return nullptr;
}

// This thread's copy of a schema's compiled patterns. Each kind has its own, made on first use: validating
// trigc.yaml must not wait for the pipeline schema, which another thread may still be compiling.
Patterns& ThreadPatterns(SchemaKind kind) {
  if (kind == SchemaKind::kPipeline) {
    thread_local Patterns pipeline = CompiledSchema(SchemaKind::kPipeline).patterns;
    return pipeline;
  }
  thread_local Patterns project = CompiledSchema(SchemaKind::kProject).patterns;
  return project;
}

bool Validate(const Document& doc, SchemaKind kind, DiagSink& sink) {
  const Compiled& compiled = CompiledSchema(kind);
  json instance = ToJson(doc, doc.root());
  valijson::adapters::NlohmannJsonAdapter adapter(instance);
  // What valijson::Validator::validate does (strong types), with a pattern cache per thread that starts as a
  // copy of the schema's compiled patterns: std::regex is slow to build, and a copy shares the compiled
  // automaton, which matching only reads. A pattern missing from it is compiled into this thread's copy.
  Patterns& patterns = ThreadPatterns(kind);
  valijson::ValidationResults results;
  valijson::ValidationVisitor<valijson::adapters::NlohmannJsonAdapter> visitor(
      adapter, std::vector<std::string>(1, "<root>"), /*strictTypes=*/true, &results, patterns);
  if (visitor.validateSchema(compiled.schema)) return true;
  Reporter reporter(doc, compiled.document, sink);
  std::vector<valijson::ValidationResults::Error> errors;
  valijson::ValidationResults::Error error;
  while (results.popError(error)) errors.push_back(error);
  std::stable_sort(errors.begin(), errors.end(),
                   [](const auto& a, const auto& b) { return Rank(a.description) < Rank(b.description); });
  size_t before = sink.errors();
  for (const auto& e : errors) reporter.Handle(e);
  if (sink.errors() == before) {
    sink.Report(Code::E0208, doc.node(doc.root()).span, "the file does not satisfy the schema");
  }
  return false;
}

}  // namespace trigc::schema
