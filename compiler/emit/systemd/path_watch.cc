#include "compiler/emit/systemd/path_watch.h"

#include <algorithm>

#include <fmt/format.h>

namespace trigc::emit {

namespace {

bool SafeChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
         std::string_view("_./*?[]-").find(c) != std::string_view::npos;
}

void Unsupported(const model::Pipeline& p, const model::Trigger& t, Span span, const std::string& what,
                 const std::string& help, DiagSink& sink) {
  sink.Report(Code::E0542, span,
              fmt::format("pipeline {}: file_watch trigger {} {}, which a systemd path unit cannot watch",
                          Quote(p.name.value), Quote(t.name.value), what))
      .Help(help);
}

}  // namespace

bool IsGlob(const std::string& path) { return path.find_first_of("*?[") != std::string::npos; }

std::optional<std::vector<std::string>> PathWatches(const model::Pipeline& pipeline,
                                                    const model::Trigger& trigger, DiagSink& sink) {
  bool ok = true;
  const std::string& path = trigger.path.value;
  if (trigger.recursive.value) {
    Unsupported(pipeline, trigger,
                trigger.recursive.span.file == kNoFile ? trigger.span : trigger.recursive.span,
                "watches sub-folders (recursive: true is the default)",
                "set 'recursive: false' and watch one folder, or limit the trigger to other targets", sink);
    ok = false;
  }
  if (std::find(trigger.events.begin(), trigger.events.end(), "deleted") != trigger.events.end()) {
    Unsupported(pipeline, trigger, trigger.span, "waits for deleted files",
                "watch 'created' or 'modified' files, or limit the trigger to other targets", sink);
    ok = false;
  }
  std::string dir = path.substr(0, path.rfind('/'));
  if (!std::all_of(path.begin(), path.end(), SafeChar) || IsGlob(dir) ||
      path.find("..") != std::string::npos) {
    Unsupported(pipeline, trigger, trigger.path.span, fmt::format("watches {}", Quote(path)),
                "use a path of letters, digits and '_./-', with glob characters only in the file name", sink);
    ok = false;
  }
  if (!ok) return std::nullopt;
  std::vector<std::string> out;
  bool created = trigger.events.empty() ||
                 std::find(trigger.events.begin(), trigger.events.end(), "created") != trigger.events.end();
  bool modified = std::find(trigger.events.begin(), trigger.events.end(), "modified") != trigger.events.end();
  if (created) out.push_back((IsGlob(path) ? "PathExistsGlob=" : "PathExists=") + path);
  if (modified) out.push_back("PathChanged=" + (IsGlob(path) ? (dir.empty() ? "/" : dir) : path));
  return out;
}

}  // namespace trigc::emit
