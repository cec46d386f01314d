#include "compiler/graph/render_dot.h"

#include <algorithm>

namespace trigc::graph {
namespace {

/// Extra attributes that draw an edge of the given condition: its line style and colour; an edge of a cycle
/// keeps the line style and is drawn thick and dark red instead.
std::string EdgeStyle(Condition condition, bool in_cycle) {
  std::string style;
  if (condition == Condition::kOnFailure) style = ", style=dashed";
  if (condition == Condition::kOnCompletion) style = ", style=bold";
  if (in_cycle) return style + ", color=\"#b00000\", fontcolor=\"#b00000\", penwidth=3";
  if (condition == Condition::kOnFailure) return style + ", color=red, fontcolor=red";
  if (condition == Condition::kOnCompletion) return style + ", color=blue, fontcolor=blue";
  return style;
}

/// Bytes of one quoted piece; Graphviz rejects a quoted string longer than 16384 bytes, so longer
/// text is written as "..." + "..." (DOT concatenates them).
constexpr size_t kMaxPiece = 4096;

/// Writes one DOT quoted string, escaped and split into pieces of at most kMaxPiece bytes; a piece
/// never ends inside an escape sequence or a UTF-8 character.
class DotString {
 public:
  explicit DotString(std::string& out) : out_(out) { out_ += '"'; }
  DotString(const DotString&) = delete;
  DotString& operator=(const DotString&) = delete;
  ~DotString() { out_ += '"'; }

  /// Appends `text`, cleaned by CleanText and escaped.
  void Text(std::string_view text) {
    const bool plain = std::all_of(text.begin(), text.end(), [](char c) {
      return c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '&';
    });
    if (plain) {
      for (size_t at = 0; at < text.size(); at += kMaxPiece) Put(text.substr(at, kMaxPiece));
      return;
    }
    const std::string clean = CleanText(text);
    for (size_t at = 0; at < clean.size();) {
      const size_t length = CharacterLength(clean[at]);
      Put(Escape(std::string_view(clean).substr(at, length)));
      at += length;
    }
  }

  /// Appends a Graphviz line break (`\n`).
  void LineBreak() { Put("\\n"); }

 private:
  /// Bytes of the UTF-8 character that starts with `lead` (CleanText output is valid UTF-8).
  static size_t CharacterLength(char lead) {
    const auto byte = static_cast<unsigned char>(lead);
    return byte < 0xC0 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
  }

  /// One character as DOT text: `"` and `\` after a backslash, `&` as `&amp;`.
  static std::string_view Escape(std::string_view character) {
    if (character == "\"") return "\\\"";
    if (character == "\\") return "\\\\";
    if (character == "&") return "&amp;";
    return character;
  }

  /// Appends an unsplittable run, first closing the piece and opening a new one if it is full.
  void Put(std::string_view run) {
    if (piece_size_ + run.size() > kMaxPiece) {
      out_ += "\" + \"";
      piece_size_ = 0;
    }
    out_ += run;
    piece_size_ += run.size();
  }

  std::string& out_;
  size_t piece_size_ = 0;
};

void AppendQuoted(std::string& out, std::string_view text) { DotString(out).Text(text); }

void AppendNode(std::string& out, const Graph& graph, const NodeLabels& labels, uint32_t node) {
  out += "  ";
  AppendQuoted(out, graph.names[node]);
  out += " [label=";
  {
    DotString label(out);
    label.Text(graph.names[node]);
    for (const std::string& line : LabelLines(labels, node)) {
      label.LineBreak();
      label.Text(line);
    }
  }
  out += "];\n";
}

void AppendEdge(std::string& out, const Graph& graph, const EdgeLocations& locations,
                const CycleEdges& cycles, uint32_t index) {
  const bool in_cycle = InCycle(cycles, index);
  const Edge& edge = graph.edges[index];
  out += "  ";
  AppendQuoted(out, graph.names[edge.from]);
  out += " -> ";
  AppendQuoted(out, graph.names[edge.to]);
  out += " [label=";
  AppendQuoted(out, in_cycle ? EdgeLabel(edge) + ", cycle" : EdgeLabel(edge));
  const std::string_view location = LocationOf(locations, index);
  if (!location.empty()) {
    out += ", tooltip=";
    AppendQuoted(out, location);
  }
  out += EdgeStyle(edge.condition, in_cycle);
  out += "];\n";
}

}  // namespace

std::string DotQuote(std::string_view text) {
  std::string quoted;
  AppendQuoted(quoted, text);
  return quoted;
}

std::string RenderDot(const Graph& graph, const NodeLabels& labels, const EdgeLocations& locations,
                      const CycleEdges& cycles) {
  const RenderOrder order = MakeRenderOrder(graph);
  std::string dot = "digraph trigc {\n  rankdir=LR;\n";
  dot += "  node [shape=box, fontname=\"Helvetica\"];\n  edge [fontname=\"Helvetica\", fontsize=10];\n";
  for (uint32_t node : order.nodes) AppendNode(dot, graph, labels, node);
  for (uint32_t edge : order.edges) AppendEdge(dot, graph, locations, cycles, edge);
  return dot + "}\n";
}

}  // namespace trigc::graph
