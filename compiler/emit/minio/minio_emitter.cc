// The minio emitter: one bash script per mc alias (`targets.minio.alias`, default "minio") that sets up the
// bucket notifications of every s3_sensor and `source: minio` webhook trigger, and undoes them with
// `--remove`.
#include <set>

#include <fmt/format.h>

#include "compiler/emit/emitter.h"
#include "compiler/emit/escape.h"
#include "compiler/emit/minio/plan.h"
#include "compiler/emit/mustache_list.h"

namespace trigc::emit {

namespace {

// Every value is a quoted shell word; the loader rejects NUL, so ShellWord always succeeds here.
std::string Word(std::string_view text) { return ShellWord(text).value_or("''"); }

Data NotificationData(const minio::Notification& n, size_t index) {
  Data d;
  Set(d, "n", std::to_string(index));
  Set(d, "id", Word(n.webhook_id));
  Set(d, "url", Word(n.url));
  Set(d, "token_variable", Word(n.token_variable));
  Set(d, "bucket", Word(n.bucket));
  Set(d, "events", Word(n.events));
  Set(d, "event_names", Word(n.event_names));
  Set(d, "prefix", Word(n.filter.prefix));
  Set(d, "suffix", Word(n.filter.suffix));
  Set(d, "enabled", n.enabled ? "1" : "0");
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
    if (!c.templates.renders()) return {};
    Data data;
    Set(data, "header", Header("# ", Sources(c, plan)));
    Set(data, "alias", Word(plan.alias));
    Data& notifications = ListIn(data, "notifications");
    for (size_t i = 0; i < plan.notifications.size(); ++i) {
      Add(notifications, NotificationData(plan.notifications[i], i + 1));
    }
    return {Artifact{plan.alias + ".sh", c.templates.Render("minio/setup.sh.mustache", data), true}};
  }
};

}  // namespace

std::unique_ptr<Emitter> MakeMinioEmitter() { return std::make_unique<MinioEmitter>(); }

}  // namespace trigc::emit
