// trigc command line: subcommands, flags and exit codes only; the work happens in compiler/driver.
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "compiler/cron/dst.h"
#include "compiler/cron/normalize.h"
#include "compiler/cron/parse.h"
#include "compiler/diag/render.h"
#include "compiler/driver/build.h"
#include "compiler/driver/driver.h"
#include "compiler/driver/uptodate.h"
#include "compiler/emit/capabilities.h"
#include "compiler/emit/emitter.h"
#include "compiler/explain/clock.h"
#include "compiler/explain/explain.h"
#include "compiler/explain/preview.h"
#include "compiler/graph/check_graph.h"
#include "compiler/graph/render_dot.h"
#include "compiler/graph/render_json.h"
#include "compiler/graph/render_mermaid.h"
#include "compiler/model/timezone.h"
#include "compiler/presets/builtin.h"
#include "compiler/schema/validate.h"

namespace {

// JSON output, indented; bytes that are not UTF-8 (a folder name may hold any) become U+FFFD instead of
// aborting the run.
template <typename Json>
std::string PrettyJson(const Json& json) {
  return json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

/// Exit codes (README "Exit codes").
enum Exit { kOk = 0, kConfigErrors = 1, kUsage = 2, kStale = 3, kIoFailure = 4 };

struct CommonOptions {
  std::string format = "text";
  std::string color = "auto";
  bool werror = false;
  size_t max_errors = 0;
  bool all_warnings = false;
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
  app.add_flag("--all-warnings", o.all_warnings,
               "Show every warning (text output shows at most 20 of each code and counts the rest)");
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
  r.all_warnings = o.all_warnings;
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
  if (session.sink.errors() == 0) {
    // Everything build would report, without writing: the capability matrix and each emitter's own checks.
    trigc::driver::BuildOptions check;
    check.mode = trigc::driver::BuildMode::kValidate;
    trigc::driver::BuildOutput unused;
    trigc::driver::Build(session, check, unused);
  }
  size_t pipelines = 0;
  for (const auto& project : session.projects) pipelines += project.pipelines.size();
  return Report(
      session, o,
      fmt::format("ok: {} pipeline{} valid{}", pipelines, pipelines == 1 ? "" : "s",
                  session.sink.warnings() != 0 ? fmt::format(", {} warning{}", session.sink.warnings(),
                                                             session.sink.warnings() == 1 ? "" : "s")
                                               : ""));
}

// True when every error of the session comes from the graph checks (a cycle, a duplicate edge): the model was
// built whole, so the graph can still be drawn, with the cycle marked.
bool OnlyGraphErrors(const trigc::driver::Session& session) {
  for (const trigc::Diagnostic& d : session.sink.all()) {
    if (d.severity == trigc::Severity::kError &&
        std::string_view(trigc::Info(d.code).id).rfind("E04", 0) != 0) {
      return false;
    }
  }
  return !session.projects.empty();
}

// Prints the dependency graph of the project at `path`; diagnostics as for validate. A graph whose only
// errors are its own (a dependency cycle) is still printed, its cycles' edges marked, and the exit code says
// error.
int RunGraph(const std::string& path, const std::string& format, const CommonOptions& o) {
  trigc::driver::Session session;
  trigc::driver::LoadProjects({path}, session);
  int status = Report(session, o, "");
  if (status != kOk && !(status == kConfigErrors && OnlyGraphErrors(session))) return status;
  for (const auto& project : session.projects) {
    trigc::graph::ProjectGraph g = trigc::graph::BuildGraph(project);
    trigc::graph::NodeLabels labels;
    for (const auto& pipeline : project.pipelines) labels.push_back(trigc::graph::TriggerLabels(pipeline));
    trigc::graph::EdgeLocations locations = trigc::graph::EdgeSourceLocations(g, project, session.sources);
    const trigc::graph::CycleEdges cycles = trigc::graph::FindCycleEdges(g.graph);
    if (format == "dot") std::cout << trigc::graph::RenderDot(g.graph, labels, locations, cycles);
    if (format == "mermaid") std::cout << trigc::graph::RenderMermaid(g.graph, labels, locations, cycles);
    if (format == "json") std::cout << trigc::graph::RenderJson(g.graph, labels, locations, cycles);
  }
  return status;
}

struct ScheduleOptions {
  std::string pipeline;
  std::string cron;
  std::string tz;
  std::string from;
  size_t n = 10;
  std::string target;
  std::string format = "text";
  std::string repo = ".";
};

// A cron given on the command line: parsed from a pseudo-file so that errors point into it.
std::optional<trigc::cron::CronExpr> CommandLineCron(const std::string& text, trigc::driver::Session& s) {
  std::string expr = text;
  if (const auto* preset = trigc::presets::FindCronPreset(text)) expr = std::string(preset->cron);
  trigc::cron::ParseResult result = trigc::cron::Parse(expr);
  if (result.ok()) return result.expr();
  trigc::FileId file = s.sources.Add("--cron", expr);
  const auto& e = result.error();
  auto b = s.sink.Report(
      trigc::Code::E0311,
      {file, static_cast<uint32_t>(e.begin), static_cast<uint32_t>(std::max(e.end, e.begin + 1))},
      fmt::format("invalid cron {}: {}", trigc::Quote(expr), e.message));
  if (!e.help.empty()) b.Help(e.help);
  return std::nullopt;
}

const date::time_zone* CommandLineZone(const std::string& name, trigc::driver::Session& s) {
  if (const date::time_zone* zone = trigc::model::FindTimezone(name)) return zone;
  trigc::FileId file = s.sources.Add("--tz", name);
  s.sink
      .Report(trigc::Code::E0304, {file, 0, static_cast<uint32_t>(name.size())},
              fmt::format("unknown time zone {}", trigc::Quote(name)))
      .Help("use an IANA name from the tz database, such as 'Europe/Paris' or 'UTC'");
  return nullptr;
}

// The pipeline named on the command line, after loading its repository; nullptr (reported) when absent.
const trigc::model::Pipeline* CommandLinePipeline(const ScheduleOptions& so, trigc::driver::Session& s,
                                                  const trigc::model::Project** project) {
  trigc::driver::LoadProjects({so.repo}, s);
  if (s.sink.errors() != 0) return nullptr;
  std::vector<std::string> names;
  for (const auto& pr : s.projects) {
    for (const auto& p : pr.pipelines) {
      if (p.name.value == so.pipeline) {
        *project = &pr;
        return &p;
      }
      names.push_back(p.name.value);
    }
  }
  auto b = s.sink.Report(
      trigc::Code::E0904, {},
      fmt::format("no pipeline named {} in {}", trigc::Quote(so.pipeline), trigc::Quote(so.repo)));
  std::string suggestion = trigc::SpellCheck(so.pipeline, names);
  if (!suggestion.empty()) b.Help(fmt::format("did you mean '{}'?", suggestion));
  return nullptr;
}

int RunPreview(const ScheduleOptions& so, const CommonOptions& o) {
  if (so.pipeline.empty() == so.cron.empty()) {
    std::cerr << "trigc preview: give a PIPELINE or --cron EXPR (one of them)\nRun with --help for more "
                 "information.\n";
    return kUsage;
  }
  date::sys_seconds from = trigc::explain::Now();
  if (!so.from.empty()) {
    auto parsed = trigc::explain::ParseIso(so.from);
    if (!parsed) {
      std::cerr << fmt::format(
          "trigc preview: --from: '{}' is not an ISO 8601 time such as 2026-03-08T00:00:00Z\n", so.from);
      return kUsage;
    }
    from = *parsed;
  }
  trigc::model::Target target = trigc::model::Target::kCrontab;
  bool has_target = !so.target.empty() && trigc::model::Parse(so.target, target);
  trigc::cron::Dialect dialect =
      has_target ? trigc::explain::DialectOf(target) : trigc::cron::Dialect::kTrigc;
  trigc::driver::Session s;
  std::vector<trigc::explain::Preview> previews;
  if (!so.cron.empty()) {
    auto expr = CommandLineCron(so.cron, s);
    const date::time_zone* zone = CommandLineZone(so.tz.empty() ? "UTC" : so.tz, s);
    if (!expr || zone == nullptr) return Report(s, o, "");
    previews.push_back(trigc::explain::PreviewCron("", expr->text, *expr, *zone, from, so.n, dialect));
  } else {
    const trigc::model::Project* project = nullptr;
    const trigc::model::Pipeline* pipeline = CommandLinePipeline(so, s, &project);
    if (pipeline == nullptr) return Report(s, o, "");
    for (const auto& t : pipeline->triggers) {
      if (!t.resolved) continue;
      const date::time_zone* zone = CommandLineZone(so.tz.empty() ? t.timezone.value : so.tz, s);
      if (zone == nullptr) return Report(s, o, "");
      std::string label = t.name.value + (t.enabled.value && pipeline->enabled.value ? "" : " (disabled)");
      previews.push_back(trigc::explain::PreviewCron(label, t.resolved->cron.value, t.resolved->expr, *zone,
                                                     from, so.n, dialect));
    }
  }
  std::string note = has_target ? trigc::explain::DialectNote(target) : "";
  if (so.format == "json") {
    nlohmann::ordered_json out;
    if (!so.cron.empty()) {
      out = trigc::explain::PreviewJson(previews.front());
    } else {
      out["pipeline"] = so.pipeline;
      out["schedules"] = nlohmann::ordered_json::array();
      for (const auto& p : previews) out["schedules"].push_back(trigc::explain::PreviewJson(p));
    }
    std::cout << PrettyJson(out);
  } else {
    if (has_target)
      std::cout << fmt::format("target {}: {}\n", so.target, note.empty() ? "follows cron's DST rule" : note);
    if (previews.empty()) std::cout << fmt::format("pipeline '{}' has no schedule\n", so.pipeline);
    for (const auto& p : previews) std::cout << trigc::explain::PreviewText(p);
  }
  return Report(s, o, "");
}

int RunExplain(const ScheduleOptions& so, const CommonOptions& o) {
  if (so.pipeline.empty() == so.cron.empty()) {
    std::cerr << "trigc explain: give a PIPELINE or --cron EXPR (one of them)\nRun with --help for more "
                 "information.\n";
    return kUsage;
  }
  trigc::driver::Session s;
  if (!so.cron.empty()) {
    auto expr = CommandLineCron(so.cron, s);
    const date::time_zone* zone = CommandLineZone(so.tz.empty() ? "UTC" : so.tz, s);
    if (!expr || zone == nullptr) return Report(s, o, "");
    date::sys_seconds from = trigc::explain::Now();
    auto preview =
        trigc::explain::PreviewCron("", so.cron, *expr, *zone, from, 5, trigc::cron::Dialect::kTrigc);
    auto touches = trigc::cron::DstTouches(*expr, *zone, from, from + date::days{731}, 1);
    std::string dst;
    if (!touches.empty() && expr->fixed_time) {
      dst = fmt::format(
          "on {} the local time {} is {} by a DST change: cron runs it {}, systemd {}, Dagster {}",
          date::format("%F", touches[0].local), date::format("%R", touches[0].local),
          touches[0].kind == trigc::cron::DstKind::kSkipped ? "skipped" : "repeated",
          touches[0].kind == trigc::cron::DstKind::kSkipped ? "right after the gap" : "once (first)",
          touches[0].kind == trigc::cron::DstKind::kSkipped ? "not at all" : "once (first)",
          touches[0].kind == trigc::cron::DstKind::kSkipped ? "at the end of the gap" : "once (second)");
    } else if (!touches.empty()) {
      dst =
          "runs through DST changes: both copies of a repeated hour run, none in a skipped one; systemd "
          "skips the "
          "repeated hour";
    }
    if (so.format == "json") {
      nlohmann::ordered_json out = trigc::explain::PreviewJson(preview);
      out["normalized"] = trigc::cron::Normalize(*expr);
      out["description"] = preview.description;
      out["dst"] = dst;
      std::cout << PrettyJson(out);
    } else {
      std::cout << fmt::format("cron: {}\nnormalized: {}\nruns: {}\n", so.cron, trigc::cron::Normalize(*expr),
                               preview.description);
      if (!dst.empty()) std::cout << "dst: " << dst << "\n";
      std::cout << fmt::format("next runs ({}):\n", preview.timezone);
      for (const auto& run : preview.runs) {
        std::cout << fmt::format("  {}  {}\n", trigc::explain::FormatLocal(run.local, run.utc_offset),
                                 trigc::explain::FormatUtc(run.utc));
      }
    }
    return Report(s, o, "");
  }
  const trigc::model::Project* project = nullptr;
  const trigc::model::Pipeline* pipeline = CommandLinePipeline(so, s, &project);
  if (pipeline == nullptr) return Report(s, o, "");
  if (so.format == "json") {
    std::cout << PrettyJson(trigc::explain::ExplainPipelineJson(*project, *pipeline, s.sources));
  } else {
    std::cout << trigc::explain::ExplainPipelineText(*project, *pipeline, s.sources);
  }
  return Report(s, o, "");
}

void AddScheduleOptions(CLI::App* cmd, ScheduleOptions& so, bool preview) {
  cmd->add_option("PIPELINE", so.pipeline, "Pipeline name");
  cmd->add_option("--cron", so.cron, "A cron expression, macro or preset instead of a pipeline");
  cmd->add_option("--tz", so.tz, "Time zone (default: the trigger's, or UTC for --cron)");
  cmd->add_option("--repo", so.repo, "Repository folder holding the pipeline (default: .)");
  cmd->add_option("--format", so.format, "Output format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  if (!preview) return;
  cmd->add_option("--from", so.from, "Start after this ISO 8601 time (default: now)");
  cmd->add_option("-n", so.n, "Number of runs")->check(CLI::Range(1, 10000))->capture_default_str();
  cmd->add_option("--target", so.target, "Show what this target really does around DST")
      ->check(CLI::IsMember({"dagster", "airflow", "prefect", "crontab", "systemd", "minio"}));
}

struct BuildCommand {
  std::vector<std::string> paths;
  std::vector<std::string> targets;
  std::string out;
  std::string templates;
  bool check = false;
  bool dry_run = false;
  bool full = false;
  bool no_wait = false;
};

int RunBuild(const BuildCommand& b, const CommonOptions& o) {
  trigc::driver::BuildOptions options;
  for (const std::string& name : b.targets) {
    trigc::model::Target target;
    if (trigc::model::Parse(name, target)) options.targets.push_back(target);
  }
  options.out = b.out;
  options.templates = b.templates;
  options.lock.wait = !b.no_wait;
  if (!o.quiet)
    options.lock.waiting = [](const std::string& message) { std::cerr << "trigc: " << message << "\n"; };
  options.mode = b.check     ? trigc::driver::BuildMode::kCheck
                 : b.dry_run ? trigc::driver::BuildMode::kDryRun
                             : trigc::driver::BuildMode::kWrite;
  std::string quick_log;
  trigc::driver::Session quick;
  if (!b.full && !o.werror && trigc::driver::UpToDate(b.paths, options, quick_log, quick)) {
    // Nothing changed since the last build: said without parsing any pipeline (see driver/uptodate.h), with
    // the warnings that build gave, in the format asked for.
    int status = Report(quick, o, "");
    if (!o.quiet && RenderOptionsOf(o).format == trigc::DiagFormat::kText) std::cerr << quick_log;
    return status;
  }
  trigc::driver::Session session;
  trigc::driver::LoadProjects(b.paths, session);
  if (session.sink.errors() != 0) return Report(session, o, "");
  trigc::driver::BuildOutput output;
  trigc::driver::Build(session, options, output);
  int status = Report(session, o, "");
  if (status != kOk) return status;
  std::cout << output.listing << std::flush;
  if (!o.quiet) std::cerr << output.log;
  return output.stale ? kStale : kOk;
}

int RunSchema(bool project, const std::string& output) {
  std::string_view text = trigc::schema::SchemaText(project ? trigc::schema::SchemaKind::kProject
                                                            : trigc::schema::SchemaKind::kPipeline);
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

// Every command has written and closed its files by now: leave without running the destructors of what is
// left (the compiled schemas, the time zone database), which take as long as validating a few configs.
// Sanitizer builds return normally, so that leak checking sees the whole heap.
int ExitNow(int code) {
#if defined(__SANITIZE_ADDRESS__)
  return code;
#else
  std::cout.flush();
  std::cerr.flush();
  std::fflush(nullptr);
  std::_Exit(code);
#endif
}

}  // namespace

int main(int argc, char** argv) {
#ifdef __GLIBC__
  // Blocks of 1 MiB and more (the text of project-wide files, the lists behind them) are mapped and unmapped
  // on their own. By default glibc raises that threshold to the largest block freed so far, after which such
  // blocks stay in the heap once freed: a full build of 10,000 pipelines then peaks at 195-205 MB instead of
  // 180 MB (docs/scale.md).
  mallopt(M_MMAP_THRESHOLD, 1 << 20);
#endif
  CLI::App app{
      "trigc: the pipeline trigger compiler. Reads pipelines' config.yaml triggers, validates them and\n"
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
      "  trigc preview --cron '30 2 * * *' --tz America/New_York --from 2026-03-07T00:00:00Z -n 3\n"
      "  trigc explain bronze_sales          the pipeline with every value resolved and its origin\n"
      "  trigc schema > pipeline.schema.json JSON Schema for editor completion\n"
      "\n"
      "Exit codes: 0 success, 1 configuration errors, 2 usage error, 3 stale artifacts (build --check),\n"
      "4 I/O failure.");

  std::vector<std::string> validate_paths;
  CLI::App* validate =
      app.add_subcommand("validate", "Check configs (YAML, schema, semantics); writes nothing");
  validate->add_option("PATH", validate_paths, "Repository folders or config files (default: .)");

  std::string graph_path = ".";
  std::string graph_format = "dot";
  CLI::App* graph = app.add_subcommand("graph", "Print the pipeline dependency graph (DOT, Mermaid or JSON)");
  graph->add_option("PATH", graph_path, "Repository folder (default: .)");
  graph->add_option("--format", graph_format, "Graph format")
      ->check(CLI::IsMember({"dot", "mermaid", "json"}))
      ->capture_default_str();

  BuildCommand build_command;
  CLI::App* build = app.add_subcommand("build", "Emit every configured target's artifacts");
  build->add_option("PATH", build_command.paths, "Repository folders (default: .)");
  build->add_option("--target", build_command.targets, "Only these targets (comma-separated)")
      ->delimiter(',')
      ->check(CLI::IsMember({"dagster", "airflow", "prefect", "crontab", "systemd", "minio"}));
  build->add_option("--out", build_command.out,
                    "Write target T below DIR/T instead of its configured folder");
  build->add_option("--templates", build_command.templates, "Use customised templates from DIR/<target>/");
  CLI::Option* check_flag = build->add_flag(
      "--check", build_command.check,
      "Write nothing; exit 3 when a generated file is stale, missing or extra (with a diff of each)");
  build
      ->add_flag("--dry-run", build_command.dry_run, "Write nothing; list what a build would write or remove")
      ->excludes(check_flag);
  build->add_flag("--full", build_command.full,
                  "Load, check and emit everything even when no input changed since the last build");
  build->add_flag("--no-wait", build_command.no_wait,
                  "Exit 4 at once when another build of the project is running, instead of waiting for it");

  CLI::App* targets =
      app.add_subcommand("targets", "Print the capability matrix: what each target can express");

  ScheduleOptions preview_options;
  CLI::App* preview =
      app.add_subcommand("preview", "The next runs of a pipeline's schedules or of a cron expression");
  AddScheduleOptions(preview, preview_options, true);
  ScheduleOptions explain_options;
  CLI::App* explain = app.add_subcommand("explain", "A cron in plain English, or a pipeline fully resolved");
  AddScheduleOptions(explain, explain_options, false);

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
  int code = kUsage;
  try {
    if (validate->parsed()) {
      code = RunValidate(validate_paths, common);
    } else if (schema->parsed()) {
      code = RunSchema(schema_project, schema_output);
    } else if (graph->parsed()) {
      code = RunGraph(graph_path, graph_format, common);
    } else if (preview->parsed()) {
      code = RunPreview(preview_options, common);
    } else if (build->parsed()) {
      code = RunBuild(build_command, common);
    } else if (targets->parsed()) {
      std::cout << trigc::emit::CapabilityTable();
      code = kOk;
    } else if (explain->parsed()) {
      code = RunExplain(explain_options, common);
    }
  } catch (const std::bad_alloc&) {
    std::cerr << "trigc: error: out of memory\n";
    code = kIoFailure;
  }
  return ExitNow(code);
}
