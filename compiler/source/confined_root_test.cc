#include "compiler/source/confined_root.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>

namespace trigc {
namespace {

namespace fs = std::filesystem;

// A temporary folder holding `root/` (the confined root) and `outside/secret`, removed afterwards.
struct Tree {
  Tree() {
    std::string name = (fs::temp_directory_path() / "trigc-confined-XXXXXX").string();
    REQUIRE(::mkdtemp(name.data()) != nullptr);
    base = name;
    root = base / "root";
    fs::create_directories(root / "pipelines" / "a");
    fs::create_directories(base / "outside");
    std::ofstream(root / "pipelines" / "a" / "config.yaml") << "name: a\n";
    std::ofstream(base / "outside" / "secret") << "AWS_SECRET_ACCESS_KEY=x\n";
  }
  ~Tree() { fs::remove_all(base); }
  void Link(const std::string& target, const fs::path& at) const { fs::create_symlink(target, root / at); }
  fs::path base, root;
};

// Runs a check once with openat2 and once with the user-space walk: both must give the same answers.
template <typename Check>
void BothWays(Check check) {
  for (bool openat2 : {true, false}) {
    INFO("openat2: " << openat2);
    ConfinedRoot::UseOpenat2ForTesting(openat2);
    check();
  }
  ConfinedRoot::UseOpenat2ForTesting(true);
}

std::string Contents(const Opened& opened) {
  std::string text(64, '\0');
  ssize_t n = ::pread(opened.fd.get(), text.data(), text.size(), 0);
  text.resize(n > 0 ? static_cast<size_t>(n) : 0);
  return text;
}

TEST_CASE("ConfinedRoot opens files and folders below the root, through symlinks that stay inside",
          "[confined_root]") {
  Tree tree;
  tree.Link("a", "pipelines/b");                           // a folder symlink
  tree.Link("../a/config.yaml", "pipelines/a/copy.yaml");  // a file symlink
  tree.Link("../../pipelines/a", "pipelines/a/up");        // climbs, stays inside
  BothWays([&] {
    ConfinedRoot root(tree.root);
    REQUIRE(root.ok());
    Opened file = root.OpenFile("pipelines/a/config.yaml");
    REQUIRE(file.status == OpenStatus::kOk);
    CHECK(Contents(file) == "name: a\n");
    CHECK(Contents(root.OpenFile("pipelines/b/config.yaml")) == "name: a\n");
    CHECK(Contents(root.OpenFile("pipelines/a/copy.yaml")) == "name: a\n");
    CHECK(Contents(root.OpenFile("pipelines/a/up/up/config.yaml")) == "name: a\n");
    CHECK(root.OpenFolder("pipelines/b").status == OpenStatus::kOk);
    CHECK(root.OpenFolder("").status == OpenStatus::kOk);
    CHECK(root.OpenFolder("pipelines/a/..").status == OpenStatus::kOk);
  });
}

TEST_CASE("ConfinedRoot never opens what lies outside the root", "[confined_root]") {
  Tree tree;
  tree.Link("../../../outside/secret", "pipelines/a/relative.yaml");
  tree.Link((tree.base / "outside" / "secret").string(), "pipelines/a/absolute.yaml");
  tree.Link((tree.root / "pipelines" / "a" / "config.yaml").string(), "pipelines/a/absolute_inside.yaml");
  tree.Link("../../outside", "pipelines/elsewhere");
  tree.Link("/proc/self/environ", "pipelines/a/environ.yaml");
  BothWays([&] {
    ConfinedRoot root(tree.root);
    CHECK(root.OpenFile("pipelines/a/relative.yaml").status == OpenStatus::kOutside);
    CHECK(root.OpenFile("pipelines/a/absolute.yaml").status == OpenStatus::kOutside);
    // An absolute target is refused even when it points inside: it would point elsewhere in another checkout.
    CHECK(root.OpenFile("pipelines/a/absolute_inside.yaml").status == OpenStatus::kOutside);
    CHECK(root.OpenFile("pipelines/elsewhere/secret").status == OpenStatus::kOutside);
    CHECK(root.OpenFolder("pipelines/elsewhere").status == OpenStatus::kOutside);
    CHECK(root.OpenFile("pipelines/a/environ.yaml").status == OpenStatus::kOutside);
    CHECK(root.OpenFile("../outside/secret").status == OpenStatus::kOutside);
    CHECK(root.OpenFile(tree.base / "outside" / "secret").status == OpenStatus::kOutside);
  });
}

TEST_CASE("ConfinedRoot tells dangling symlinks, wrong types and loops apart", "[confined_root]") {
  Tree tree;
  tree.Link("gone.yaml", "pipelines/a/dangling.yaml");
  tree.Link("loop2", "pipelines/a/loop1");
  tree.Link("loop1", "pipelines/a/loop2");
  REQUIRE(::mkfifo((tree.root / "pipelines" / "a" / "fifo.yaml").c_str(), 0644) == 0);
  BothWays([&] {
    ConfinedRoot root(tree.root);
    CHECK(root.OpenFile("pipelines/a/dangling.yaml").status == OpenStatus::kMissing);
    CHECK(root.OpenFile("pipelines/a/missing.yaml").status == OpenStatus::kMissing);
    CHECK(root.OpenFile("pipelines/a").status == OpenStatus::kWrongType);
    CHECK(root.OpenFolder("pipelines/a/config.yaml").status == OpenStatus::kWrongType);
    CHECK(root.OpenFile("pipelines/a/config.yaml/x").status == OpenStatus::kWrongType);
    CHECK(root.OpenFile("pipelines/a/fifo.yaml").status == OpenStatus::kWrongType);  // and did not block
    CHECK(root.OpenFile("pipelines/a/loop1").status == OpenStatus::kLoop);
  });
}

TEST_CASE("ConfinedRoot reports a root it cannot open", "[confined_root]") {
  ConfinedRoot root(fs::temp_directory_path() / "trigc-no-such-folder-for-confined-root");
  CHECK(!root.ok());
  Opened opened = root.OpenFile("x");
  CHECK(opened.status == OpenStatus::kFailed);
  CHECK(Describe(opened, false) == "No such file or directory");
}

}  // namespace
}  // namespace trigc
