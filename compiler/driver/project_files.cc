#include "compiler/driver/project_files.h"

#include <cstring>

#include <fmt/format.h>

#include "compiler/driver/discover.h"
#include "compiler/source/read_file.h"

namespace trigc::driver {

namespace fs = std::filesystem;

namespace {

void ReportOutside(const std::string& shown, PathRole role, Span span, DiagSink& sink) {
  if (role == PathRole::kConfig) {
    sink.Report(Code::E0908, span,
                fmt::format("{} leads outside the project through a symlink; trigc does not read it", shown))
        .Help(
            "trigc reads only files inside the project folder: give the symlink a relative target inside the "
            "project, or put a copy of the file there");
    return;
  }
  sink.Report(Code::E0908, span,
              fmt::format(
                  "{} leads outside the project through a symlink; trigc does not search it for pipelines",
                  shown))
      .Help(
          "pipeline folders must be inside the project folder: give the symlink a relative target inside the "
          "project, or move the folder there");
}

void ReportMissing(const std::string& shown, PathRole role, Span span, DiagSink& sink) {
  switch (role) {
    case PathRole::kConfig:
      sink.Report(Code::E0909, span, fmt::format("{} is a symlink to a file that does not exist", shown))
          .Help("point the symlink at an existing file inside the project, or remove it");
      return;
    case PathRole::kFolder:
      sink.Report(
              Code::E0909, span,
              fmt::format("{} is a symlink that leads nowhere; trigc cannot tell whether it held pipelines",
                          shown))
          .Help(
              "point it at an existing folder inside the project, remove it, or rename it to start with '.' "
              "(trigc skips hidden names)");
      return;
    case PathRole::kPipelinesRoot:
      sink.Report(Code::E0903, span, fmt::format("pipeline folder {} does not exist", shown))
          .Help("list existing folders under 'pipelines:' in trigc.yaml");
      return;
  }
}

void ReportFailed(const Opened& opened, const std::string& shown, PathRole role, Span span, DiagSink& sink) {
  if (role == PathRole::kConfig) {
    sink.Report(Code::E0901, span, fmt::format("cannot read {}: {}", shown, std::strerror(opened.error)));
    return;
  }
  sink.Report(Code::E0910, span,
              fmt::format("cannot list pipeline folder {}: {}", shown, std::strerror(opened.error)))
      .Help(
          "trigc reads every folder below a pipelines folder so that no pipeline is left out: make it "
          "readable, "
          "or rename it to start with '.' (trigc skips hidden names)");
}

}  // namespace

void ReportUnopened(const Opened& opened, const fs::path& path, PathRole role, Span span, DiagSink& sink) {
  std::string shown = Quote(DisplayPath(path));
  switch (opened.status) {
    case OpenStatus::kOk:
      return;
    case OpenStatus::kOutside:
      ReportOutside(shown, role, span, sink);
      return;
    case OpenStatus::kMissing:
      ReportMissing(shown, role, span, sink);
      return;
    case OpenStatus::kWrongType:
      if (role == PathRole::kConfig) {
        sink.Report(Code::E0909, span, fmt::format("{} is not a regular file", shown))
            .Help("a config must be a file, or a symlink to a file inside the project");
      } else {
        sink.Report(Code::E0910, span, fmt::format("pipeline folder {} is not a folder", shown))
            .Help("list folders under 'pipelines:' in trigc.yaml");
      }
      return;
    case OpenStatus::kLoop:
      sink.Report(Code::E0911, span, fmt::format("{} goes through too many symlinks (a loop)", shown))
          .Help("remove the symlink that leads back to itself");
      return;
    case OpenStatus::kFailed:
      ReportFailed(opened, shown, role, span, sink);
      return;
  }
}

std::optional<std::string> ReadProjectFile(const ConfinedRoot& confined, const fs::path& root,
                                           const fs::path& path, size_t limit, DiagSink& sink) {
  Opened opened = confined.OpenFile(path.lexically_relative(root));
  if (opened.status != OpenStatus::kOk) {
    ReportUnopened(opened, path, PathRole::kConfig, {}, sink);
    return std::nullopt;
  }
  std::string error;
  std::optional<std::string> text = ReadFdBounded(opened.fd.get(), limit, error, opened.size);
  if (!text) sink.Report(Code::E0901, {}, fmt::format("cannot read {}: {}", Quote(DisplayPath(path)), error));
  return text;
}

}  // namespace trigc::driver
