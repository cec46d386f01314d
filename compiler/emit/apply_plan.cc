#include "compiler/emit/apply_plan.h"

#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <set>

#include <fmt/format.h>

#include "compiler/emit/temp_files.h"

namespace trigc::emit {

namespace {

// One change of the folder: a file replaced or added (`temp` renamed to `name`), or removed (`temp` empty).
struct Step {
  int dir = -1;
  std::string path;       // relative to the output folder, for messages
  std::string name;       // in `dir`
  std::string temp;       // the new content, in `dir`
  std::string backup;     // the old file, in `dir` ("" when there was none)
  bool replaces = false;  // the plan found a file at `name`
  bool done = false;      // the change is visible
};

class Transaction {
 public:
  Transaction(SafeTree& tree, DiagSink& sink) : tree_(tree), sink_(sink) {}

  bool Run(const OutputPlan& plan) {
    return Resolve(plan) && Sync() && Backups() && Removals() && Renames() && (Commit(plan), true);
  }

 private:
  // The folders of every step, and the manifest's temp file (the last write).
  bool Resolve(const OutputPlan& plan) {
    PathError error;
    root_ = tree_.Folder("", true, error);
    if (root_ < 0) return Fail(error.at, error.message, false);
    for (const PlannedWrite& w : plan.writes) {
      auto [folder, name] = SplitPath(w.path);
      int dir = tree_.Folder(folder, false, error);
      if (dir < 0) return Fail(tree_.Display(w.path), error.message, false);
      writes_.push_back({dir, w.path, name, SplitPath(w.temp).second, "", w.exists, false});
    }
    for (const std::string& relative : plan.removes) {
      auto [folder, name] = SplitPath(relative);
      int dir = tree_.Folder(folder, false, error);
      if (dir < 0) return Fail(tree_.Display(relative), error.message, false);
      removes_.push_back({dir, relative, name, "", "", true, false});
    }
    if (plan.manifest_changed) {
      std::string name(kManifestName), temp, message;
      if (!WriteTempAt(root_, name, plan.manifest, false, false, temp, message))
        return Fail(tree_.Display(name), message, false);
      writes_.push_back({root_, name, name, temp, "", true, false});
    }
    return true;
  }

  // Every new file's data reaches the disk before any rename makes it visible: a crash leaves each file old
  // or new, never partial. One syncfs instead of an fsync per file.
  bool Sync() {
    if (writes_.empty() || ::syncfs(root_) == 0) return true;
    return Fail(tree_.Display(""), std::strerror(errno), false);
  }

  // A hard link to each file about to be replaced: nothing visible changes, and an immutable or append-only
  // file fails here (link(2) refuses them with EPERM), before any rename.
  bool Backups() {
    for (Step& s : writes_) {
      if (!s.replaces) continue;
      int result = -1;
      for (int attempt = 0; result != 0 && attempt < 100; ++attempt) {
        s.backup = TempName(s.name);
        result = ::linkat(s.dir, s.name.c_str(), s.dir, s.backup.c_str(), 0);
        if (result != 0 && errno != EEXIST) break;
      }
      if (result == 0) continue;
      s.backup.clear();
      if (errno != ENOENT) return Fail(tree_.Display(s.path), std::strerror(errno), true);
      s.replaces = false;  // gone since the plan: a new file after all
    }
    return true;
  }

  // Files no longer generated are renamed to a temp name, to be removed once everything else succeeded.
  bool Removals() {
    for (Step& s : removes_) {
      s.backup = TempName(s.name);
      if (::renameat(s.dir, s.name.c_str(), s.dir, s.backup.c_str()) != 0) {
        s.backup.clear();
        if (errno == ENOENT) continue;  // already gone
        return Fail(tree_.Display(s.path), std::strerror(errno), true, "remove");
      }
      s.done = true;
    }
    return true;
  }

  bool Renames() {
    for (Step& s : writes_) {
      if (!Rename(s)) return Fail(tree_.Display(s.path), std::strerror(errno), true);
      s.done = true;
    }
    return true;
  }

  // A new file never replaces one that appeared since the folder was listed (RENAME_NOREPLACE where the file
  // system has it).
  static bool Rename(const Step& s) {
    if (s.replaces) return ::renameat(s.dir, s.temp.c_str(), s.dir, s.name.c_str()) == 0;
    if (::renameat2(s.dir, s.temp.c_str(), s.dir, s.name.c_str(), RENAME_NOREPLACE) == 0) return true;
    return errno == EINVAL && ::renameat(s.dir, s.temp.c_str(), s.dir, s.name.c_str()) == 0;
  }

  void Commit(const OutputPlan& plan) {
    std::set<int> touched{root_};
    for (const Step& s : writes_) {
      if (!s.backup.empty()) ::unlinkat(s.dir, s.backup.c_str(), 0);
      touched.insert(s.dir);
    }
    for (const Step& s : removes_) {
      if (!s.backup.empty()) ::unlinkat(s.dir, s.backup.c_str(), 0);
      touched.insert(s.dir);
    }
    for (const std::string& relative : plan.temp_files) {
      auto [folder, name] = SplitPath(relative);
      PathError error;
      int dir = tree_.Folder(folder, false, error);
      if (dir >= 0) ::unlinkat(dir, name.c_str(), 0);
    }
    for (int dir : touched) ::fsync(dir);
    for (const Step& s : removes_) RemoveEmptyFolders(s.path);
    // Same manifest: only its mtime moves, recording that every file was verified now (the no-op fast path
    // trusts files no newer than their manifest, e.g. after a fresh clone).
    if (!plan.manifest_changed)
      ::utimensat(root_, std::string(kManifestName).c_str(), nullptr, AT_SYMLINK_NOFOLLOW);
  }

  // Folders a removal left empty go too, up to (not including) the output folder.
  void RemoveEmptyFolders(const std::string& relative) {
    for (std::string folder = SplitPath(relative).first; !folder.empty();) {
      auto [parent, name] = SplitPath(folder);
      PathError error;
      int dir = tree_.Folder(parent, false, error);
      if (dir < 0 || ::unlinkat(dir, name.c_str(), AT_REMOVEDIR) != 0) return;
      folder = parent;
    }
  }

  // Reports the failure to `action` the file `where` after putting back what was done (and removing every
  // temp file); `changing` tells whether the folder had begun to change, for the note saying how it is left.
  bool Fail(const std::string& where, const std::string& message, bool changing,
            std::string_view action = "write") {
    std::vector<std::string> left = Undo();
    DiagSink::Builder b =
        sink_.Report(Code::E0901, {}, fmt::format("cannot {} {}: {}", action, Quote(where), message));
    if (!changing) return false;
    if (left.empty()) {
      b.Note({}, fmt::format("nothing was changed: {} holds its files and manifest as before the build",
                             Quote(tree_.Display(""))));
    } else {
      std::string names;
      for (const std::string& name : left) names += (names.empty() ? "" : ", ") + Quote(name);
      b.Note({},
             fmt::format("the build could not be undone: {} {} new (or removed), every other file and the "
                         "manifest are as before the build",
                         names, left.size() == 1 ? "is" : "are"));
      b.Help("fix the cause and run `trigc build` again: it brings the folder up to date");
    }
    return false;
  }

  // Undoes the visible steps in reverse and removes every temp file and backup left; the paths it could not
  // put back.
  std::vector<std::string> Undo() {
    std::vector<std::string> left;
    for (auto s = writes_.rbegin(); s != writes_.rend(); ++s) {
      bool back = !s->done ||
                  (s->backup.empty() ? ::unlinkat(s->dir, s->name.c_str(), 0) == 0
                                     : ::renameat(s->dir, s->backup.c_str(), s->dir, s->name.c_str()) == 0);
      if (!back) left.push_back(tree_.Display(s->path));
      if (!s->done || !back) {
        if (!s->backup.empty()) ::unlinkat(s->dir, s->backup.c_str(), 0);
        ::unlinkat(s->dir, s->temp.c_str(), 0);
      }
    }
    for (auto s = removes_.rbegin(); s != removes_.rend(); ++s) {
      if (s->done && ::renameat(s->dir, s->backup.c_str(), s->dir, s->name.c_str()) != 0)
        left.push_back(tree_.Display(s->path));
    }
    tree_.RemoveCreated();
    writes_.clear();
    removes_.clear();
    return left;
  }

  SafeTree& tree_;
  DiagSink& sink_;
  int root_ = -1;
  std::vector<Step> writes_;   // in plan order, the manifest last
  std::vector<Step> removes_;  // in plan order
};

}  // namespace

bool ApplyPlan(SafeTree& tree, const OutputPlan& plan, DiagSink& sink) {
  return Transaction(tree, sink).Run(plan);
}

}  // namespace trigc::emit
