#include "compiler/diag/render.h"

#include <map>
#include <ostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace trigc {

namespace {

struct Location {
  std::string file;
  LineCol begin;
  LineCol end;
};

Location Locate(const Span& span, const SourceManager& sources) {
  if (!span.valid()) return {};
  const SourceFile& file = sources.Get(span.file);
  return {file.path(), file.Locate(span.begin), file.Locate(std::max(span.begin, span.end))};
}

const char* SeverityWord(const Diagnostic& d, const RenderOptions& options) {
  return d.severity == Severity::kError || options.warnings_are_errors ? "error" : "warning";
}

// One display column per code point; control and invisible characters become '?' so that a source line
// can neither move the caret nor drive the terminal.
std::string Printable(std::string_view line) {
  std::string out;
  for (size_t i = 0; i < line.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    if (c == '\t') {
      out += ' ';
    } else if (c < 0x20 || c == 0x7F) {
      out += '?';
    } else if (c == 0xC2 && i + 1 < line.size() && static_cast<unsigned char>(line[i + 1]) < 0xA0) {
      out += '?';  // C1 control
      ++i;
    } else if (c == 0xE2 && i + 2 < line.size() && static_cast<unsigned char>(line[i + 1]) == 0x80 &&
               ((static_cast<unsigned char>(line[i + 2]) >= 0xA8 &&
                 static_cast<unsigned char>(line[i + 2]) <= 0xAE))) {
      out += '?';  // U+2028..U+202E
      i += 2;
    } else if (c == 0xE2 && i + 2 < line.size() && static_cast<unsigned char>(line[i + 1]) == 0x81 &&
               static_cast<unsigned char>(line[i + 2]) >= 0xA6 &&
               static_cast<unsigned char>(line[i + 2]) <= 0xA9) {
      out += '?';  // U+2066..U+2069
      i += 2;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string Paint(bool color, const char* code, const std::string& text) {
  return color ? fmt::format("\x1b[{}m{}\x1b[0m", code, text) : text;
}

std::string Header(const Diagnostic& d, const SourceManager& sources, bool color, const char* severity) {
  Location loc = Locate(d.span, sources);
  std::string where = d.span.valid() ? fmt::format("{}:{}:{}: ", loc.file, loc.begin.line, loc.begin.column)
                                     : std::string("trigc: ");
  std::string sev = fmt::format("{}[{}]", severity, Info(d.code).id);
  return Paint(color, "1", where) + Paint(color, severity[0] == 'e' ? "1;31" : "1;33", sev) + ": " +
         Paint(color, "1", d.message);
}

std::string Snippet(const Diagnostic& d, const SourceManager& sources, bool color) {
  if (!d.span.valid()) return {};
  const SourceFile& file = sources.Get(d.span.file);
  LineCol begin = file.Locate(d.span.begin);
  // Columns of the shown line, where each secret is one fixed-length mask (SourceFile::Line).
  std::string line = Printable(file.Line(begin.line));
  uint32_t width = CountCodePoints(line);
  uint32_t first = std::min(file.DisplayColumn(d.span.begin, false), width + 1);
  uint32_t end_offset = std::max(d.span.begin, d.span.end);
  bool same_line = file.Locate(end_offset).line == begin.line;
  uint32_t last =
      same_line ? std::min(file.DisplayColumn(end_offset, true), width + 1) : width + 1;  // exclusive
  uint32_t tildes = last > first + 1 ? last - first - 1 : 0;
  std::string marker = std::string(first - 1, ' ') + Paint(color, "1;32", "^" + std::string(tildes, '~'));
  return fmt::format("{:>5} | {}\n      | {}\n", begin.line, line, marker);
}

std::string Text(const Diagnostic& d, const SourceManager& sources, const RenderOptions& options) {
  std::string out = Header(d, sources, options.color, SeverityWord(d, options)) + "\n";
  out += Snippet(d, sources, options.color);
  for (const Note& note : d.notes) {
    Location loc = Locate(note.span, sources);
    std::string where = note.span.valid()
                            ? fmt::format("{}:{}:{}: ", loc.file, loc.begin.line, loc.begin.column)
                            : std::string();
    out += fmt::format("   = {}: {}{}\n", Paint(options.color, "1;36", "note"), where, note.message);
  }
  for (const std::string& help : d.help) {
    out += fmt::format("   = {}: {}\n", Paint(options.color, "1;36", "help"), help);
  }
  return out;
}

nlohmann::json JsonOf(const Diagnostic& d, const SourceManager& sources, const RenderOptions& options) {
  Location loc = Locate(d.span, sources);
  nlohmann::json j;
  j["file"] = d.span.valid() ? nlohmann::json(loc.file) : nlohmann::json(nullptr);
  j["line"] = loc.begin.line;
  j["column"] = loc.begin.column;
  j["end"] = {{"line", loc.end.line}, {"column", loc.end.column}};
  j["code"] = Info(d.code).id;
  j["name"] = Info(d.code).name;
  j["severity"] = SeverityWord(d, options);
  j["message"] = d.message;
  j["path"] = d.path;
  j["notes"] = nlohmann::json::array();
  for (const Note& note : d.notes) {
    Location nloc = Locate(note.span, sources);
    nlohmann::json n = {{"message", note.message}};
    if (note.span.valid()) {
      n["file"] = nloc.file;
      n["line"] = nloc.begin.line;
      n["column"] = nloc.begin.column;
    }
    j["notes"].push_back(n);
  }
  j["help"] = d.help;
  return j;
}

std::string UriOf(const std::string& path) {
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

nlohmann::json SarifRegion(const Location& loc) {
  return {
      {"startLine", loc.begin.line},
      {"startColumn", loc.begin.column},
      {"endLine", loc.end.line},
      {"endColumn", std::max(loc.end.column, loc.begin.column + (loc.end.line == loc.begin.line ? 1 : 0))}};
}

nlohmann::json Sarif(const std::vector<Diagnostic>& diags, const SourceManager& sources,
                     const RenderOptions& options) {
  nlohmann::json rules = nlohmann::json::array();
  for (const CodeInfo& info : AllCodes()) {
    rules.push_back(
        {{"id", info.id},
         {"name", info.name},
         {"shortDescription", {{"text", info.summary}}},
         {"defaultConfiguration", {{"level", info.severity == Severity::kError ? "error" : "warning"}}}});
  }
  nlohmann::json results = nlohmann::json::array();
  for (const Diagnostic& d : diags) {
    std::string text = d.message;
    for (const std::string& help : d.help) text += "\nhelp: " + help;
    nlohmann::json result = {{"ruleId", Info(d.code).id},
                             {"ruleIndex", static_cast<size_t>(d.code)},
                             {"level", SeverityWord(d, options)},
                             {"message", {{"text", text}}}};
    if (d.span.valid()) {
      Location loc = Locate(d.span, sources);
      result["locations"] = {
          {{"physicalLocation",
            {{"artifactLocation", {{"uri", UriOf(loc.file)}}}, {"region", SarifRegion(loc)}}}}};
    }
    nlohmann::json related = nlohmann::json::array();
    for (const Note& note : d.notes) {
      if (!note.span.valid()) continue;
      Location nloc = Locate(note.span, sources);
      related.push_back(
          {{"id", related.size()},
           {"message", {{"text", note.message}}},
           {"physicalLocation",
            {{"artifactLocation", {{"uri", UriOf(nloc.file)}}}, {"region", SarifRegion(nloc)}}}});
    }
    if (!related.empty()) result["relatedLocations"] = related;
    results.push_back(result);
  }
  return {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
          {"version", "2.1.0"},
          {"runs",
           {{{"tool", {{"driver", {{"name", "trigc"}, {"version", TRIGC_VERSION}, {"rules", rules}}}}},
             {"columnKind", "unicodeCodePoints"},
             {"results", results}}}}};
}

// GitHub workflow commands: data escapes %, CR and LF; properties also escape ':' and ','.
std::string GithubEscape(const std::string& text, bool property) {
  std::string out;
  for (char c : text) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else if (property && c == ':')
      out += "%3A";
    else if (property && c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

std::string Github(const Diagnostic& d, const SourceManager& sources, const RenderOptions& options) {
  Location loc = Locate(d.span, sources);
  std::string message = d.message;
  for (const Note& note : d.notes) message += "\nnote: " + note.message;
  for (const std::string& help : d.help) message += "\nhelp: " + help;
  std::string props;
  if (d.span.valid()) {
    props = fmt::format(" file={},line={},col={},endLine={},endColumn={},", GithubEscape(loc.file, true),
                        loc.begin.line, loc.begin.column, loc.end.line, loc.end.column);
  } else {
    props = " ";
  }
  return fmt::format("::{}{}title={}::{}\n", SeverityWord(d, options), props, Info(d.code).id,
                     GithubEscape(message, false));
}

}  // namespace

std::string RenderText(const Diagnostic& d, const SourceManager& sources, bool color) {
  RenderOptions options;
  options.color = color;
  return Text(d, sources, options);
}

namespace {

// Writes each diagnostic as text, except that past kWarningsPerCode warnings of one code (unless every
// warning is asked for) the rest of that code are only counted, in one line per code after the others.
void WriteText(const std::vector<Diagnostic>& shown, const SourceManager& sources,
               const RenderOptions& options, std::ostream& out) {
  std::map<std::string_view, size_t> seen;
  std::map<std::string_view, size_t> folded;
  for (const Diagnostic& d : shown) {
    const std::string_view id = Info(d.code).id;
    const bool is_error = d.severity == Severity::kError || options.warnings_are_errors;
    if (!is_error && !options.all_warnings && ++seen[id] > kWarningsPerCode) {
      ++folded[id];
      continue;
    }
    out << Text(d, sources, options);
  }
  for (const auto& [id, count] : folded) {
    out << fmt::format("trigc: {} more {} warning{} not shown (--all-warnings shows every one)\n", count, id,
                       count == 1 ? "" : "s");
  }
}

// "by code: E0401 2, W0302 45\n": how many diagnostics of each code, including errors --max-errors hid.
std::string CountsByCode(const std::vector<Diagnostic>& shown, size_t hidden_errors) {
  std::map<std::string_view, size_t> counts;
  for (const Diagnostic& d : shown) ++counts[Info(d.code).id];
  std::string line = "by code:";
  for (const auto& [id, count] : counts)
    line += fmt::format("{} {} {}", line.size() > 8 ? "," : "", id, count);
  if (hidden_errors != 0) line += fmt::format(" (and {} errors not shown)", hidden_errors);
  return line + "\n";
}

}  // namespace

void RenderDiagnostics(const std::vector<Diagnostic>& all, const SourceManager& sources,
                       const RenderOptions& options, std::ostream& out) {
  std::vector<Diagnostic> shown;
  size_t errors = 0, warnings = 0, hidden = 0;
  for (const Diagnostic& d : all) {
    bool is_error = d.severity == Severity::kError || options.warnings_are_errors;
    if (!is_error && options.quiet) continue;
    if (is_error && options.max_errors != 0 && errors == options.max_errors) {
      ++hidden;
      continue;
    }
    (is_error ? errors : warnings)++;
    shown.push_back(d);
  }
  switch (options.format) {
    case DiagFormat::kText: {
      WriteText(shown, sources, options, out);
      if (hidden != 0)
        out << fmt::format("trigc: {} more error{} not shown (--max-errors {})\n", hidden,
                           hidden == 1 ? "" : "s", options.max_errors);
      if (!options.quiet && errors + hidden != 0) {
        out << fmt::format("{} error{}, {} warning{}\n", errors + hidden, errors + hidden == 1 ? "" : "s",
                           warnings, warnings == 1 ? "" : "s");
      }
      if (!options.quiet && shown.size() + hidden > kWarningsPerCode) out << CountsByCode(shown, hidden);
      break;
    }
    case DiagFormat::kJson: {
      nlohmann::json array = nlohmann::json::array();
      for (const Diagnostic& d : shown) array.push_back(JsonOf(d, sources, options));
      out << array.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
      break;
    }
    case DiagFormat::kSarif:
      out << Sarif(shown, sources, options).dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
          << "\n";
      break;
    case DiagFormat::kGithub:
      for (const Diagnostic& d : shown) out << Github(d, sources, options);
      break;
  }
}

}  // namespace trigc
