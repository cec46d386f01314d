#include "compiler/graph/render_common.h"

#include <algorithm>
#include <numeric>
#include <tuple>

#include "compiler/graph/cycles.h"
#include "compiler/graph/topological_order.h"

namespace trigc::graph {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

/// Length of the valid UTF-8 sequence at the start of `text` (not empty), or 0 when it is invalid.
size_t Utf8SequenceLength(std::string_view text) {
  const auto byte = [&text](size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(0);
  if (lead < 0x80) return 1;
  const size_t length = lead < 0xC2 ? 0 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : lead < 0xF5 ? 4 : 0;
  if (length == 0 || text.size() < length) return 0;
  uint32_t code = lead & (0x7Fu >> length);
  for (size_t i = 1; i < length; ++i) {
    if ((byte(i) & 0xC0) != 0x80) return 0;
    code = (code << 6) | (byte(i) & 0x3F);
  }
  constexpr uint32_t kMinCode[] = {0, 0, 0x80, 0x800, 0x10000};  // shortest form per length
  const bool surrogate = code >= 0xD800 && code <= 0xDFFF;
  return (code < kMinCode[length] || code > 0x10FFFF || surrogate) ? 0 : length;
}

/// True for a C0 or C1 control, DEL, or a bidirectional override or isolate (which could make a
/// label read differently from what it says); `character` is one valid UTF-8 sequence.
bool IsControl(std::string_view character) {
  const auto byte = [&character](size_t i) { return static_cast<unsigned char>(character[i]); };
  if (character.size() == 1) return byte(0) < 0x20 || byte(0) == 0x7F;
  if (character.size() == 2) return byte(0) == 0xC2 && byte(1) < 0xA0;  // U+0080..U+009F
  if (character.size() != 3 || byte(0) != 0xE2) return false;
  const bool embedding = byte(1) == 0x80 && byte(2) >= 0xAA && byte(2) <= 0xAE;  // U+202A..U+202E
  const bool isolate = byte(1) == 0x81 && byte(2) >= 0xA6 && byte(2) <= 0xA9;    // U+2066..U+2069
  return embedding || isolate;
}

}  // namespace

RenderOrder MakeRenderOrder(const Graph& graph) {
  RenderOrder order;
  order.nodes = TopologicalOrder(graph);
  order.position.resize(graph.names.size());
  for (uint32_t i = 0; i < order.nodes.size(); ++i) order.position[order.nodes[i]] = i;
  order.edges.resize(graph.edges.size());
  std::iota(order.edges.begin(), order.edges.end(), 0u);
  const auto key = [&](uint32_t index) {
    const Edge& edge = graph.edges[index];
    return std::make_tuple(order.position[edge.from], order.position[edge.to], edge.condition,
                           edge.delay_minutes, edge.tag, index);
  };
  std::sort(order.edges.begin(), order.edges.end(), [&](uint32_t a, uint32_t b) { return key(a) < key(b); });
  return order;
}

std::string EdgeLabel(const Edge& edge) {
  std::string label(ConditionName(edge.condition));
  if (edge.delay_minutes != 0) label += " +" + std::to_string(edge.delay_minutes) + "m";
  return label;
}

const std::vector<std::string>& LabelLines(const NodeLabels& labels, uint32_t node) {
  static const std::vector<std::string> kNoLines;
  return node < labels.size() ? labels[node] : kNoLines;
}

CycleEdges FindCycleEdges(const Graph& graph) {
  CycleEdges marks(graph.edges.size(), false);
  for (const Cycle& cycle : FindCycles(graph)) {
    for (uint32_t edge : cycle.edges) marks[edge] = true;
  }
  return marks;
}

bool InCycle(const CycleEdges& cycles, uint32_t edge) { return edge < cycles.size() && cycles[edge]; }

std::string_view LocationOf(const EdgeLocations& locations, uint32_t edge) {
  return edge < locations.size() ? std::string_view(locations[edge]) : std::string_view();
}

std::string CleanText(std::string_view text) {
  const bool printable_ascii =
      std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7F; });
  if (printable_ascii) return std::string(text);
  std::string clean;
  clean.reserve(text.size());
  while (!text.empty()) {
    const size_t length = Utf8SequenceLength(text);
    const std::string_view character = text.substr(0, length == 0 ? 1 : length);
    clean += (length == 0 || IsControl(character)) ? kReplacement : character;
    text.remove_prefix(character.size());
  }
  return clean;
}

}  // namespace trigc::graph
