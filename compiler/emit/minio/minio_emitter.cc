// The minio emitter: one bash script per mc alias (`targets.minio.alias`, default "minio") that sets up the
// bucket notifications of every s3_sensor and `source: minio` webhook trigger, and undoes them with
// `--remove`.
#include <set>

#include <fmt/format.h>

#include "compiler/emit/emitter.h"
#include "compiler/emit/escape.h"
#include "compiler/emit/minio/plan.h"

namespace trigc::emit {

namespace {

// Every value is a quoted shell word; the loader rejects NUL, so ShellWord always succeeds here.
std::string Word(std::string_view text) { return ShellWord(text).value_or("''"); }

Data NotificationData(const minio::Notification& n, size_t index) {
  Data d;
  d.set("n", std::to_string(index));
  d.set("id", Word(n.webhook_id));
  d.set("url", Word(n.url));
  d.set("token_variable", Word(n.token_variable));
  d.set("bucket", Word(n.bucket));
  d.set("events", Word(n.events));
  d.set("event_names", Word(n.event_names));
  d.set("prefix", Word(n.filter.prefix));
  d.set("suffix", Word(n.filter.suffix));
  d.set("enabled", n.enabled ? "1" : "0");
  return d;
}

std::vector<Input> Sources(const EmitContext& c, const minio::Plan& plan) {
  std::set<Input> files;
  for (const minio::Notification& n : plan.notifications) {
    files.insert(InputOf(c.project, c.sources, n.pipeline->file));
  }
  std::vector<Input> out(files.begin(), files.end());
  if (c.project.file) out.push_back(InputOf(c.project, c.sources, *c.project.file));
  return out;
}

class MinioEmitter : public Emitter {
 public:
  model::Target target() const override { return model::Target::kMinio; }

  std::vector<Artifact> Emit(const EmitContext& c) const override {
    minio::Plan plan = minio::PlanNotifications(c.project, c.sink);
    List notifications;
    for (size_t i = 0; i < plan.notifications.size(); ++i) {
      notifications.push_back(NotificationData(plan.notifications[i], i + 1));
    }
    Data data;
    data.set("header", Header("# ", Sources(c, plan)));
    data.set("alias", Word(plan.alias));
    data.set("notifications", notifications);
    return {Artifact{plan.alias + ".sh", c.templates.Render("minio/setup.sh.mustache", data), true}};
  }
};

}  // namespace

std::unique_ptr<Emitter> MakeMinioEmitter() { return std::make_unique<MinioEmitter>(); }

}  // namespace trigc::emit
