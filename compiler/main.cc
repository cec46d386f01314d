// trigc command line: subcommands, flags and exit codes only; the work happens in compiler/driver.
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "compiler/diag/render.h"
#include "compiler/driver/driver.h"
#include "compiler/graph/check_graph.h"
#include "compiler/graph/render_dot.h"
#include "compiler/graph/render_json.h"
#include "compiler/graph/render_mermaid.h"
#include "compiler/schema/validate.h"

namespace {

/// Exit codes (README "Exit codes").
enum Exit { kOk = 0, kConfigErrors = 1, kUsage = 2, kStale = 3, kIoFailure = 4 };

struct CommonOptions {
  std::string format = "text";
  std::string color = "auto";
  bool werror = false;
  size_t max_errors = 0;
  bool quiet = false;
};

void AddCommonOptions(CLI::App& app, CommonOptions& o) {
  app.add_option("--format", o.format, "Diagnostics format")
      ->check(CLI::IsMember({"text", "json", "sarif", "github"}))
      ->capture_default_str();
  app.add_option("--color", o.color, "Colour in text diagnostics")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  app.add_flag("--werror", o.werror, "Treat warnings as errors");
  app.add_option("--max-errors", o.max_errors, "Show at most N errors (0: all)");
  app.add_flag("-q,--quiet", o.quiet, "Print errors only");
}

trigc::RenderOptions RenderOptionsOf(const CommonOptions& o) {
  trigc::RenderOptions r;
  static const std::map<std::string, trigc::DiagFormat> kFormats = {{"text", trigc::DiagFormat::kText},
                                                                     {"json", trigc::DiagFormat::kJson},
                                                                     {"sarif", trigc::DiagFormat::kSarif},
                                                                     {"github", trigc::DiagFormat::kGithub}};
  r.format = kFormats.at(o.format);
  const char* no_color = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  bool terminal = isatty(STDERR_FILENO) && (no_color == nullptr || *no_color == '\0') &&
                  !(term != nullptr && std::string(term) == "dumb");
  r.color = o.color == "always" || (o.color == "auto" && terminal);
  r.quiet = o.quiet;
  r.max_errors = o.max_errors;
  r.warnings_are_errors = o.werror;
  return r;
}

// Prints the session's diagnostics (text to stderr, machine formats to stdout) and returns the exit code.
int Report(const trigc::driver::Session& session, const CommonOptions& o, const std::string& success_line) {
  trigc::RenderOptions r = RenderOptionsOf(o);
  std::ostream& out = r.format == trigc::DiagFormat::kText ? std::cerr : std::cout;
  trigc::RenderDiagnostics(session.sink.Sorted(session.sources), session.sources, r, out);
  bool failed = session.sink.errors() != 0 || (o.werror && session.sink.warnings() != 0);
  if (!failed && !o.quiet && r.format == trigc::DiagFormat::kText && !success_line.empty()) {
    std::cerr << success_line << "\n";
  }
  if (trigc::driver::HasIoFailure(session)) return kIoFailure;
  return failed ? kConfigErrors : kOk;
}

int RunValidate(const std::vector<std::string>& paths, const CommonOptions& o) {
  trigc::driver::Session session;
  trigc::driver::LoadProjects(paths, session);
  size_t pipelines = 0;
  for (const auto& project : session.projects) pipelines += project.pipelines.size();
  return Report(session, o,
                fmt::format("ok: {} pipeline{} valid{}", pipelines, pipelines == 1 ? "" : "s",
                            session.sink.warnings() != 0
                                ? fmt::format(", {} warning{}", session.sink.warnings(),
                                              session.sink.warnings() == 1 ? "" : "s")
                                : ""));
}

// Prints the dependency graph of the project at `path`; diagnostics as for validate.
int RunGraph(const std::string& path, const std::string& format, const CommonOptions& o) {
  trigc::driver::Session session;
  trigc::driver::LoadProjects({path}, session);
  int status = Report(session, o, "");
  if (status != kOk) return status;
  for (const auto& project : session.projects) {
    trigc::graph::ProjectGraph g = trigc::graph::BuildGraph(project);
    trigc::graph::NodeLabels labels;
    for (const auto& pipeline : project.pipelines) labels.push_back(trigc::graph::TriggerLabels(pipeline));
    trigc::graph::EdgeLocations locations = trigc::graph::EdgeSourceLocations(g, project, session.sources);
    if (format == "dot") std::cout << trigc::graph::RenderDot(g.graph, labels, locations);
    if (format == "mermaid") std::cout << trigc::graph::RenderMermaid(g.graph, labels, locations);
    if (format == "json") std::cout << trigc::graph::RenderJson(g.graph, labels, locations);
  }
  return kOk;
}

int RunSchema(bool project, const std::string& output) {
  std::string_view text =
      trigc::schema::SchemaText(project ? trigc::schema::SchemaKind::kProject : trigc::schema::SchemaKind::kPipeline);
  if (output.empty()) {
    std::cout << text;
    return kOk;
  }
  std::ofstream out(output, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) {
    std::cerr << fmt::format("trigc: error[E0901]: cannot write '{}'\n", output);
    return kIoFailure;
  }
  return kOk;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"trigc: the pipeline trigger compiler. Reads pipelines' config.yaml triggers, validates them and\n"
               "emits orchestrator artifacts."};
  app.set_version_flag("--version", std::string("trigc ") + TRIGC_VERSION);
  app.require_subcommand(1);
  app.fallthrough();
  CommonOptions common;
  AddCommonOptions(app, common);
  app.footer(
      "Examples:\n"
      "  trigc validate                      check the repository in the current folder\n"
      "  trigc validate examples/ratatouille --format json\n"
      "  trigc graph --format mermaid        the dependency graph as a Mermaid flowchart\n"
      "  trigc schema > pipeline.schema.json JSON Schema for editor completion\n"
      "\n"
      "Exit codes: 0 success, 1 configuration errors, 2 usage error, 3 stale artifacts (build --check),\n"
      "4 I/O failure.");

  std::vector<std::string> validate_paths;
  CLI::App* validate = app.add_subcommand("validate", "Check configs (YAML, schema, semantics); writes nothing");
  validate->add_option("PATH", validate_paths, "Repository folders or config files (default: .)");

  std::string graph_path = ".";
  std::string graph_format = "dot";
  CLI::App* graph = app.add_subcommand("graph", "Print the pipeline dependency graph (DOT, Mermaid or JSON)");
  graph->add_option("PATH", graph_path, "Repository folder (default: .)");
  graph->add_option("--format", graph_format, "Graph format")
      ->check(CLI::IsMember({"dot", "mermaid", "json"}))
      ->capture_default_str();

  bool schema_project = false;
  std::string schema_output;
  CLI::App* schema = app.add_subcommand("schema", "Print the JSON Schema of config.yaml (or of trigc.yaml)");
  schema->add_flag("--project", schema_project, "The schema of trigc.yaml");
  schema->add_option("-o,--output", schema_output, "Write to FILE instead of standard output");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kOk : kUsage;
  }
  try {
    if (validate->parsed()) return RunValidate(validate_paths, common);
    if (schema->parsed()) return RunSchema(schema_project, schema_output);
    if (graph->parsed()) return RunGraph(graph_path, graph_format, common);
  } catch (const std::bad_alloc&) {
    std::cerr << "trigc: error: out of memory\n";
    return kIoFailure;
  }
  return kUsage;
}
