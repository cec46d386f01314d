#include "compiler/driver/recorded_warnings.h"

#include <algorithm>
#include <map>

#include <date/date.h>

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "compiler/emit/emitter.h"
#include "compiler/emit/safe_dir.h"
#include "compiler/explain/clock.h"
#include "compiler/model/timezone.h"
#include "compiler/source/read_file.h"
#include "compiler/source/sha256.h"

namespace trigc::driver {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr std::string_view kUnrecorded = "warnings unrecorded";  // the whole record, when it cannot be one
constexpr std::string_view kWarningPrefix = "warning ";
constexpr std::string_view kRedactPrefix = "redact ";

// [project path, begin, end] of a span, or null for a span without a file; false when the span's file is
// not one of the project's.
template <typename PathOf>
bool SpanJson(const Span& span, PathOf path_of, json& out) {
  if (!span.valid()) {
    out = nullptr;
    return true;
  }
  const std::string* path = path_of(span.file);
  if (path == nullptr) return false;
  out = json::array({*path, span.begin, span.end});
  return true;
}

// The span of [project path, begin, end] (or null), opening its file; false when it cannot be had.
bool SpanOf(const json& j, const OpenRecorded& open, std::map<std::string, FileId>& opened, Span& span) {
  if (j.is_null()) {
    span = {};
    return true;
  }
  if (!j.is_array() || j.size() != 3 || !j[0].is_string() || !j[1].is_number_unsigned() ||
      !j[2].is_number_unsigned())
    return false;
  std::string path = j[0].get<std::string>();
  auto it = opened.find(path);
  if (it == opened.end()) {
    std::optional<FileId> id = open(path);
    if (!id) return false;
    it = opened.emplace(path, *id).first;
  }
  span = {it->second, j[1].get<uint32_t>(), j[2].get<uint32_t>()};
  return true;
}

// Calls `line` for each line of `lines` that starts with `prefix`, with the rest of the line.
template <typename F>
void ForEachLine(std::string_view lines, std::string_view prefix, F line) {
  while (!lines.empty()) {
    size_t end = lines.find('\n');
    std::string_view text = lines.substr(0, end);
    lines.remove_prefix(end == std::string_view::npos ? lines.size() : end + 1);
    if (text.substr(0, prefix.size()) == prefix) line(text.substr(prefix.size()));
  }
}

}  // namespace

std::string RecordWarnings(const std::vector<model::Project>& projects, size_t index,
                           const SourceManager& sources, const DiagSink& sink) {
  if (sink.warnings() == 0) return "";
  // Which project each input file belongs to: a warning elsewhere is no project's, and cannot be recorded.
  std::map<FileId, size_t> owner;
  for (size_t i = 0; i < projects.size(); ++i) {
    if (projects[i].file) owner[*projects[i].file] = i;
    for (const model::Pipeline& p : projects[i].pipelines) owner[p.file] = i;
  }
  std::map<FileId, std::string> paths;  // of the project's files that warnings show
  auto path_of = [&](FileId file) -> const std::string* {
    auto it = owner.find(file);
    if (it == owner.end() || it->second != index) return nullptr;
    auto [at, added] = paths.try_emplace(file);
    if (added) at->second = emit::ProjectPath(projects[index], sources, file);
    return &at->second;
  };

  std::string lines;
  try {
    for (const Diagnostic& d : sink.all()) {
      if (d.severity != Severity::kWarning) continue;
      auto it = owner.find(d.span.file);
      if (it == owner.end()) return std::string(kUnrecorded) + "\n";
      if (it->second != index) continue;
      json j = {{"code", Info(d.code).id}, {"message", d.message}, {"path", d.path}, {"help", d.help}};
      if (!SpanJson(d.span, path_of, j["at"])) return std::string(kUnrecorded) + "\n";
      json notes = json::array();
      for (const Note& n : d.notes) {
        json note = {{"message", n.message}};
        if (!SpanJson(n.span, path_of, note["at"])) return std::string(kUnrecorded) + "\n";
        notes.push_back(std::move(note));
      }
      j["notes"] = std::move(notes);
      lines += kWarningPrefix;
      lines += j.dump();  // one line: JSON escapes line breaks; throws on text that is not UTF-8
      lines += '\n';
    }
    // Secret values on the lines a warning shows stay hidden when it is shown again.
    std::string redactions;
    std::map<std::string, FileId> by_path;  // listed by path, whatever the file ids
    for (const auto& [file, path] : paths) by_path.emplace(path, file);
    for (const auto& [path, file] : by_path) {
      const auto& ranges = sources.Get(file).redactions();
      if (ranges.empty()) continue;
      json j = {{"file", path}, {"ranges", ranges}};
      redactions += kRedactPrefix;
      redactions += j.dump();
      redactions += '\n';
    }
    return lines.empty() ? "" : redactions + lines;
  } catch (const json::exception&) {
    return std::string(kUnrecorded) + "\n";
  }
}

namespace {

// The key a record is saved under: this trigc and the inputs (paths and bytes) of the build.
std::string RecordKey(std::string_view inputs_digest) {
  return Sha256Hex(fmt::format("trigc {}\ninputs {}\n", TRIGC_VERSION, inputs_digest));
}

// The day (UTC) the DST check looks ahead from (SOURCE_DATE_EPOCH when set, like the check itself).
std::string Today() { return date::format("%F", date::floor<date::days>(explain::Now())); }

constexpr std::string_view kRecordName = "warnings";

}  // namespace

int OpenCacheFolder(emit::SafeTree& cache, bool create, emit::PathError& error) {
  int dir = cache.Folder("", false, error);
  if (dir >= 0 || !create || error.problem != emit::PathProblem::kMissing) return dir;
  error = {};
  dir = cache.Folder("", true, error);
  if (dir < 0) return -1;
  // As other tools' caches do: ignored by git whole, and marked for backup tools (bford.info/cachedir).
  // Best effort: a cache without them still works.
  std::string unused;
  emit::WriteReplacingAt(dir, ".gitignore",
                         "# Created by trigc: this folder is a cache, never commit it.\n*\n", false, unused);
  emit::WriteReplacingAt(dir, "CACHEDIR.TAG",
                         "Signature: 8a477f597d28d172789f06886806bc55\n"
                         "# This file is a cache directory tag created by trigc.\n",
                         false, unused);
  return dir;
}

void SaveWarnings(const fs::path& root, std::string_view inputs_digest, std::string_view record) {
  emit::SafeTree cache(root, std::string(kCacheFolderName));
  emit::PathError error;
  int dir = OpenCacheFolder(cache, true, error);
  if (dir < 0) return;
  std::string unused;  // best effort: a cache that cannot be written only costs a full build later
  emit::WriteReplacingAt(
      dir, std::string(kRecordName),
      fmt::format("# Warnings of the last `trigc build`, shown again by a build that finds nothing to "
                  "do.\nkey {}\nday {}\ntz {}\n{}",
                  RecordKey(inputs_digest), Today(), model::TimezoneDatabaseStamp(), record),
      false, unused);
}

std::optional<std::string> LoadWarnings(const fs::path& root, std::string_view inputs_digest) {
  emit::SafeTree cache(root, std::string(kCacheFolderName));
  emit::PathError error;
  int dir = OpenCacheFolder(cache, false, error);
  std::string text;
  if (dir < 0 || !emit::ReadAt(dir, std::string(kRecordName), kNoReadLimit, text, error)) return std::nullopt;
  std::string key, day, tz;
  bool warns = false;
  ForEachLine(text, "", [&](std::string_view line) {
    if (line.substr(0, 4) == "key ") key = line.substr(4);
    if (line.substr(0, 4) == "day ") day = line.substr(4);
    if (line.substr(0, 3) == "tz ") tz = line.substr(3);
    warns = warns || line.substr(0, kWarningPrefix.size()) == kWarningPrefix;
  });
  if (key != RecordKey(inputs_digest)) return std::nullopt;
  if (warns && (day != Today() || tz != model::TimezoneDatabaseStamp())) return std::nullopt;
  return text;
}

bool ReplayWarnings(std::string_view record, const OpenRecorded& open, SourceManager& sources,
                    DiagSink& sink) {
  bool ok = true;
  ForEachLine(record, "", [&](std::string_view line) { ok = ok && line != kUnrecorded; });
  if (!ok) return false;
  std::map<std::string, FileId> opened;
  DiagSink replayed;
  ForEachLine(record, kWarningPrefix, [&](std::string_view text) {
    if (!ok) return;
    json j = json::parse(text, nullptr, false);
    ok = j.is_object() && j.contains("code") && j["code"].is_string() && j.contains("message") &&
         j["message"].is_string();
    if (!ok) return;
    std::string id = j["code"].get<std::string>();
    const std::vector<CodeInfo>& codes = AllCodes();
    auto code = std::find_if(codes.begin(), codes.end(), [&](const CodeInfo& c) { return id == c.id; });
    Span span;
    ok = code != codes.end() && code->severity == Severity::kWarning &&
         SpanOf(j.value("at", json()), open, opened, span);
    if (!ok) return;
    DiagSink::Builder b = replayed.Report(code->code, span, j["message"].get<std::string>());
    if (j.contains("path") && j["path"].is_string() && !j["path"].get<std::string>().empty())
      b.Path(j["path"].get<std::string>());
    for (const json& n : j.value("notes", json::array())) {
      Span at;
      ok = ok && n.is_object() && n.contains("message") && n["message"].is_string() &&
           SpanOf(n.value("at", json()), open, opened, at);
      if (ok) b.Note(at, n["message"].get<std::string>());
    }
    for (const json& h : j.value("help", json::array())) {
      ok = ok && h.is_string();
      if (ok) b.Help(h.get<std::string>());
    }
  });
  if (!ok) return false;
  ForEachLine(record, kRedactPrefix, [&](std::string_view text) {
    json j = json::parse(text, nullptr, false);
    if (!ok || !j.is_object() || !j.contains("file") || !j["file"].is_string() || !j.contains("ranges") ||
        !j["ranges"].is_array()) {
      ok = false;
      return;
    }
    auto it = opened.find(j["file"].get<std::string>());
    if (it == opened.end()) return;  // a file no warning shows any more
    for (const json& r : j["ranges"]) {
      ok = ok && r.is_array() && r.size() == 2 && r[0].is_number_unsigned() && r[1].is_number_unsigned();
      if (ok) sources.Get(it->second).Redact(r[0].get<uint32_t>(), r[1].get<uint32_t>());
    }
  });
  if (!ok) return false;
  sink.Append(std::move(replayed));
  return true;
}

}  // namespace trigc::driver
