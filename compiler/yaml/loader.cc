#include "compiler/yaml/loader.h"

#include <sstream>
#include <unordered_map>

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include "compiler/yaml/scalar.h"
#include "compiler/yaml/secret_key.h"
#include "compiler/yaml/secret_lines.h"
#include "compiler/yaml/text_checks.h"

namespace trigc::yaml {

namespace {

// Thrown by the event handler to stop parsing after a fatal problem (already reported).
struct StopParse {};

bool IsBlank(char c) { return c == ' ' || c == '\t'; }
bool IsBreak(char c) { return c == '\n' || c == '\r'; }

// End offset of a scalar that starts at `begin` (after any tag or anchor). Spans of plain and quoted scalars
// cover the value on its first line; a block scalar's span covers its indicator line.
uint32_t ScalarEnd(std::string_view text, uint32_t begin, bool in_flow) {
  size_t i = begin;
  while (i < text.size() && (text[i] == '!' || text[i] == '&')) {
    while (i < text.size() && !IsBlank(text[i]) && !IsBreak(text[i])) ++i;
    while (i < text.size() && IsBlank(text[i])) ++i;
  }
  if (i >= text.size()) return static_cast<uint32_t>(text.size());
  char first = text[i];
  if (first == '"' || first == '\'') {
    for (size_t k = i + 1; k < text.size(); ++k) {
      if (first == '"' && text[k] == '\\') {
        ++k;
      } else if (text[k] == first) {
        if (first == '\'' && k + 1 < text.size() && text[k + 1] == '\'') {
          ++k;
        } else {
          return static_cast<uint32_t>(k + 1);
        }
      }
    }
    return static_cast<uint32_t>(text.size());
  }
  size_t k = i;
  bool block = first == '|' || first == '>';
  for (; k < text.size() && !IsBreak(text[k]); ++k) {
    if (block) continue;
    char c = text[k];
    if (c == '#' && k > i && IsBlank(text[k - 1])) break;
    if (c == ':' && (k + 1 == text.size() || IsBlank(text[k + 1]) || IsBreak(text[k + 1]) ||
                     (in_flow && (text[k + 1] == ',' || text[k + 1] == ']' || text[k + 1] == '}')))) {
      break;
    }
    if (in_flow && (c == ',' || c == ']' || c == '}')) break;
  }
  while (k > i && IsBlank(text[k - 1])) --k;
  return static_cast<uint32_t>(std::max(k, i + 1));
}

}  // namespace

// Builds a Document from parser events, enforcing the strict rules as the events arrive.
class Builder : public YAML::EventHandler {
 public:
  Builder(const SourceFile& source, FileId file, uint32_t base, DiagSink& sink, const Limits& limits)
      : source_(source), text_(source.text()), file_(file), base_(base), sink_(sink), limits_(limits) {
    doc_.file_ = file;
  }

  Document Take() { return std::move(doc_); }
  int documents() const { return documents_; }
  uint32_t document_start(int index) const { return doc_starts_[index]; }

  void OnDocumentStart(const YAML::Mark& mark) override {
    doc_starts_[std::min(documents_, 1)] = Offset(mark);
    if (++documents_ > 1) throw StopParse();
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    CheckAnchor(mark, anchor);
    Span span = Here(mark, 1);
    Frame* frame = Top();
    if (frame != nullptr && frame->is_map && !frame->expect_key) {
      // `key:` with nothing after it: point at the key, not at whatever comes next.
      const Node& key = doc_.nodes_[frame->last_key];
      if (span.begin <= key.span.end || LineOf(span.begin) != LineOf(key.span.begin)) {
        span = key.span;
      } else {
        span.end = ScalarEnd(text_, span.begin - base_, frame->flow) + base_;
      }
    } else if (frame != nullptr && frame->is_map) {
      sink_.Report(Code::E0113, span, "empty mapping key").Help("write a plain key such as 'name:'");
    }
    Add(NodeKind::kNull, span);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    Span span = Here(mark, 1);
    span.end = ScalarEnd(text_, span.begin - base_, false) + base_;
    sink_.Report(Code::E0103, span, "aliases are not allowed")
        .Help("write the value out in full: trigc configs use no anchors or aliases");
    Add(NodeKind::kNull, span);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    CheckAnchor(mark, anchor);
    Frame* frame = Top();
    Span span = Here(mark, 0);
    span.end = ScalarEnd(text_, span.begin - base_, frame != nullptr && frame->flow) + base_;
    CheckTag(span, tag);
    bool plain = tag == "?";
    Node node;
    node.quoted = !plain;
    node.span = span;
    if (value.size() > limits_.max_scalar_bytes) {
      sink_.Report(Code::E0109, span,
                   fmt::format("value is {} bytes long; the limit is {} bytes", value.size(),
                               limits_.max_scalar_bytes));
    } else {
      CheckScalarText(span, value);
      node.text = value;
    }
    if (plain) {
      Resolved r = ResolvePlain(node.text);
      node.kind = r.kind;
      node.bool_value = r.bool_value;
      node.int_value = r.int_value;
      node.float_value = r.float_value;
    } else {
      node.kind = NodeKind::kString;
    }
    if (frame != nullptr && frame->is_map && frame->expect_key) CheckKey(*frame, node, plain);
    if (InSecret(frame)) {
      node.sensitive = true;
      source_.Redact(span.begin, span.end);
    }
    Add(std::move(node));
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    StartCollection(mark, tag, anchor, style, false);
  }
  void OnSequenceEnd() override { EndCollection(']'); }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    StartCollection(mark, tag, anchor, style, true);
  }
  void OnMapEnd() override { EndCollection('}'); }

 private:
  struct Frame {
    NodeId node = kNoNode;
    bool is_map = false;
    bool flow = false;
    bool expect_key = true;
    bool secret = false;  ///< the collection is (inside) the value of a secret key
    NodeId last_key = kNoNode;
    std::unordered_map<std::string, Span> keys;
  };

  uint32_t Offset(const YAML::Mark& mark) const {
    return static_cast<uint32_t>(std::min<size_t>(mark.pos, text_.size() - base_)) + base_;
  }
  Span Here(const YAML::Mark& mark, uint32_t length) const {
    uint32_t begin = Offset(mark);
    return {file_, begin, std::min<uint32_t>(begin + length, static_cast<uint32_t>(text_.size()))};
  }
  uint32_t LineOf(uint32_t offset) const { return source_.Locate(offset).line; }
  // True when the next node in `frame` is secret: the value of a secret key, or anything inside one.
  bool InSecret(const Frame* frame) const {
    if (frame == nullptr) return false;
    return frame->secret ||
           (frame->is_map && !frame->expect_key && IsSecretKey(doc_.nodes_[frame->last_key].text));
  }
  Frame* Top() { return stack_.empty() ? nullptr : &stack_.back(); }

  void CheckAnchor(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (anchor == YAML::NullAnchor) return;
    Span span = Here(mark, 1);
    span.end = ScalarEnd(text_, span.begin - base_, false) + base_;
    sink_.Report(Code::E0103, span, "anchors are not allowed")
        .Help("write the value out in full: trigc configs use no anchors or aliases");
  }

  void CheckTag(Span span, const std::string& tag) {
    if (tag.empty() || tag == "?" || tag == "!") return;
    std::string shown = tag.rfind("tag:yaml.org,2002:", 0) == 0 ? "!!" + tag.substr(18) : tag;
    sink_.Report(Code::E0104, span, fmt::format("tags are not allowed: {}", Quote(shown)))
        .Help("remove the tag; quote the value if it must be a string");
  }

  void CheckScalarText(Span span, const std::string& value) {
    auto problem = CheckText(value, false);
    if (!problem) return;
    if (problem->kind == TextProblem::kInvalidUtf8) {
      sink_.Report(Code::E0111, span, "value is not valid UTF-8 after unescaping")
          .Help(
              "the escapes \\N and \\_ produce invalid bytes in this YAML library: write the character "
              "itself");
    } else {
      sink_
          .Report(Code::E0112, span,
                  fmt::format("{} is not allowed in a value", CharacterName(problem->code_point)))
          .Help(
              "remove it; control, line-separator and bidi characters can hide or change what a reviewer "
              "sees");
    }
  }

  void CheckKey(Frame& frame, const Node& key, bool plain) {
    if (plain && key.text == "<<") {
      sink_.Report(Code::E0105, key.span, "merge keys ('<<') are not allowed")
          .Help("YAML readers disagree on merge keys; write the keys out in full");
      return;
    }
    auto [it, inserted] = frame.keys.emplace(key.text, key.span);
    if (!inserted) {
      std::string shown = frame.secret ? "in a secret value" : Quote(key.text);
      sink_.Report(Code::E0102, key.span, fmt::format("duplicate key {}", shown))
          .Note(it->second, "first defined here")
          .Help("YAML readers disagree on which value wins (the first or the last): keep only one");
    }
  }

  void StartCollection(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style, bool is_map) {
    CheckAnchor(mark, anchor);
    Span span = Here(mark, 1);
    CheckTag(span, tag);
    Frame* parent = Top();
    if (parent != nullptr && parent->is_map && parent->expect_key) {
      sink_.Report(Code::E0113, span, "mapping keys must be plain scalars, not a list or mapping");
    }
    if (stack_.size() + 1 > limits_.max_depth) {
      sink_.Report(Code::E0107, span, fmt::format("nesting is deeper than {} levels", limits_.max_depth));
      throw StopParse();
    }
    Node node;
    node.kind = is_map ? NodeKind::kMapping : NodeKind::kSequence;
    node.span = span;
    node.sensitive = InSecret(parent);
    NodeId id = Add(std::move(node));
    bool flow = style == YAML::EmitterStyle::Flow || (parent != nullptr && parent->flow);
    Frame frame;
    frame.node = id;
    frame.is_map = is_map;
    frame.flow = flow;
    frame.secret = doc_.nodes_[id].sensitive;
    stack_.push_back(std::move(frame));
  }

  void EndCollection(char closer) {
    Frame frame = std::move(stack_.back());
    stack_.pop_back();
    Node& node = doc_.nodes_[frame.node];
    uint32_t end = node.span.end;
    if (!node.children.empty()) end = std::max(end, doc_.nodes_[node.children.back()].span.end);
    if (frame.flow) {
      size_t close = text_.find(closer, end - 1);
      if (close != std::string_view::npos) end = static_cast<uint32_t>(close + 1);
    }
    node.span.end = end;
  }

  NodeId Add(NodeKind kind, Span span) {
    Node node;
    node.kind = kind;
    node.span = span;
    return Add(std::move(node));
  }

  NodeId Add(Node node) {
    if (doc_.nodes_.size() >= limits_.max_nodes) {
      sink_.Report(Code::E0108, node.span,
                   fmt::format("the file has more than {} YAML nodes", limits_.max_nodes));
      throw StopParse();
    }
    NodeId id = static_cast<NodeId>(doc_.nodes_.size());
    doc_.nodes_.push_back(std::move(node));
    Frame* frame = Top();
    if (frame == nullptr) {
      doc_.root_ = id;
      return id;
    }
    doc_.nodes_[frame->node].children.push_back(id);
    if (frame->is_map) {
      if (frame->expect_key) frame->last_key = id;
      frame->expect_key = !frame->expect_key;
    }
    return id;
  }

  const SourceFile& source_;
  std::string_view text_;
  FileId file_;
  uint32_t base_;
  DiagSink& sink_;
  const Limits& limits_;
  Document doc_;
  std::vector<Frame> stack_;
  int documents_ = 0;
  uint32_t doc_starts_[2] = {0, 0};
};

namespace {

// The value that starts at `offset` up to the end of its line, without a trailing comment.
std::string RestOfLine(std::string_view text, uint32_t offset) {
  size_t end = text.find('\n', offset);
  std::string_view rest =
      text.substr(offset, end == std::string_view::npos ? std::string_view::npos : end - offset);
  size_t comment = rest.find(" #");
  if (comment != std::string_view::npos) rest = rest.substr(0, comment);
  while (!rest.empty() && (IsBlank(rest.back()) || rest.back() == '\r')) rest.remove_suffix(1);
  return std::string(rest);
}

// The key on the same line before `offset` ("cron" in "  cron: */5 * * * *"), or "".
std::string KeyBefore(std::string_view text, uint32_t offset) {
  size_t line_start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
  std::string_view line = text.substr(line_start, offset - line_start);
  size_t colon = line.rfind(':');
  if (colon == std::string_view::npos) return {};
  std::string_view key = line.substr(0, colon);
  size_t start = key.find_first_not_of(" -\t");
  return start == std::string_view::npos ? std::string() : std::string(key.substr(start));
}

std::string DoubleQuoted(const std::string& value) {
  std::string out = "\"";
  for (char c : value) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// yaml-cpp's messages quote single bytes of the file ("unknown escape character: " and the byte after the
// backslash, which may be the first byte of 'ü'): every byte that is not printable ASCII is shown as \xhh, so
// the message stays valid UTF-8 and cannot drive a terminal.
std::string PrintableAscii(std::string_view message) {
  std::string out;
  for (unsigned char c : message) {
    out += c >= 0x20 && c < 0x7F ? std::string(1, static_cast<char>(c)) : fmt::format("\\x{:02x}", c);
  }
  return out;
}

void ReportSyntaxError(const SourceFile& source, FileId file, uint32_t offset, std::string message,
                       DiagSink& sink) {
  message = PrintableAscii(message);
  std::string_view text = source.text();
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text.size()));
  while (!message.empty() && message.back() == '.') message.pop_back();
  char c = offset < text.size() ? text[offset] : '\0';
  Span span{file, offset, std::min<uint32_t>(offset + 1, static_cast<uint32_t>(text.size()))};
  if (c == '*' || c == '@' || c == '`' || c == '%') {
    std::string value = RestOfLine(text, offset);
    span.end = offset + static_cast<uint32_t>(value.size());
    std::string key = KeyBefore(text, offset);
    bool cron = key == "cron" || value.find(' ') != std::string::npos || c == '@';
    auto report = sink.Report(Code::E0101, span, fmt::format("a plain YAML value cannot start with '{}'", c));
    report.Note({}, fmt::format("the YAML parser said: {}", message));
    if (source.IsRedacted(offset) || IsSecretKey(key)) {
      // The fix would repeat the secret: say it without the value.
      report.Help(
          "quote the value, and better, write a reference such as \"${env:NAME}\" instead of a secret");
    } else {
      report.Help(fmt::format("quote the {}: {}{}", cron ? "cron expression" : "value",
                              key.empty() ? "" : key + ": ", DoubleQuoted(value)));
    }
    return;
  }
  auto builder = sink.Report(Code::E0101, span, fmt::format("invalid YAML: {}", message));
  uint32_t line = source.Locate(offset).line;
  std::string_view line_text = source.Line(line);
  if (line_text.find('\t') != std::string_view::npos &&
      line_text.find_first_not_of(" \t") > line_text.find('\t')) {
    builder.Help("indent with spaces; YAML does not allow tabs for indentation");
  }
}

bool RawChecks(const SourceFile& source, FileId file, const Limits& limits, DiagSink& sink) {
  std::string_view text = source.text();
  if (text.size() > limits.max_file_bytes) {
    sink.Report(Code::E0110, Span{file, 0, 0},
                fmt::format("the file is larger than the limit of {} bytes", limits.max_file_bytes))
        .Help("a trigger config is a few kilobytes; is this the right file?");
    return false;
  }
  if (text.size() >= 2 &&
      ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF'))) {
    sink.Report(Code::E0111, Span{file, 0, 2}, "the file is UTF-16 encoded").Help("save it as UTF-8");
    return false;
  }
  auto problem = CheckText(text, true);
  if (!problem) return true;
  uint32_t offset = static_cast<uint32_t>(problem->offset);
  Span span{file, offset, offset + 1};
  if (problem->kind == TextProblem::kInvalidUtf8) {
    std::string byte = source.IsRedacted(offset)
                           ? std::string("in a secret value")
                           : fmt::format("0x{:02x}", static_cast<unsigned char>(text[offset]));
    sink.Report(Code::E0111, span, fmt::format("invalid UTF-8 byte {}", byte)).Help("save the file as UTF-8");
  } else {
    sink.Report(Code::E0112, span,
                fmt::format("{} is not allowed in a config file", CharacterName(problem->code_point)))
        .Help(
            "remove it; control, line-separator and bidi characters can hide or change what a reviewer sees");
  }
  return false;
}

}  // namespace

std::optional<Document> Load(const SourceManager& sources, FileId file, DiagSink& sink,
                             const Limits& limits) {
  const SourceFile& source = sources.Get(file);
  // Before any check, so that every diagnostic of the file, even of one that does not parse, shows its
  // lines with the secrets masked.
  RedactSecretLines(source);
  if (!RawChecks(source, file, limits, sink)) return std::nullopt;
  std::string_view text = source.text();
  uint32_t base = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  std::istringstream stream{std::string(text.substr(base))};
  size_t errors_before = sink.errors();
  Builder builder(source, file, base, sink, limits);
  try {
    YAML::Parser parser(stream);
    if (parser.HandleNextDocument(builder)) {
      // Called once more only to see whether a second document follows; the handler stops at its start.
      parser.HandleNextDocument(builder);
    }
  } catch (const StopParse&) {
    // Reported by the handler.
  } catch (const YAML::Exception& e) {
    ReportSyntaxError(source, file, static_cast<uint32_t>(e.mark.pos) + base, e.msg, sink);
    return std::nullopt;
  }
  if (builder.documents() > 1) {
    uint32_t first = builder.document_start(0), second = builder.document_start(1);
    if (second <= first) {
      ReportSyntaxError(source, file, second, "unexpected character", sink);
    } else {
      sink.Report(Code::E0106, Span{file, second, second + 1}, "a second YAML document is not allowed")
          .Help("a config file holds one document: remove the '---' line and what follows, or merge them");
    }
    return std::nullopt;
  }
  if (sink.errors() != errors_before) return std::nullopt;
  Document doc = builder.Take();
  if (doc.root() == kNoNode) {
    // An empty file (or only comments) is an empty mapping.
    Builder empty(source, file, base, sink, limits);
    YAML::Mark mark;
    empty.OnMapStart(mark, "?", YAML::NullAnchor, YAML::EmitterStyle::Block);
    empty.OnMapEnd();
    doc = empty.Take();
  }
  return doc;
}

}  // namespace trigc::yaml
