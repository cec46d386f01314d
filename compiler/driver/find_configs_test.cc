#include "compiler/driver/find_configs.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>

namespace trigc::driver {
namespace {

namespace fs = std::filesystem;

// A project folder `root/` with a folder `outside/` beside it, removed afterwards.
struct Project {
  Project() {
    std::string name = (fs::temp_directory_path() / "trigc-find-XXXXXX").string();
    REQUIRE(::mkdtemp(name.data()) != nullptr);
    base = name;
    root = base / "root";
    fs::create_directories(base / "outside" / "p");
    File("../outside/p/config.yaml");
  }
  ~Project() { fs::remove_all(base); }
  void File(const fs::path& relative) const {
    fs::create_directories((root / relative).parent_path());
    std::ofstream(root / relative) << "name: x\n";
  }
  void Link(const std::string& target, const fs::path& at) const {
    fs::create_directories((root / at).parent_path());
    fs::create_symlink(target, root / at);
  }
  // The configs found below `folder`, relative to the root and sorted, and the codes reported.
  std::vector<std::string> Find(const fs::path& folder, std::vector<std::string>& codes) const {
    ConfinedRoot confined(root);
    DiagSink sink;
    std::vector<std::string> found;
    for (const fs::path& config : FindPipelineConfigs(confined, root, folder, sink))
      found.push_back(config.lexically_relative(root).generic_string());
    std::sort(found.begin(), found.end());
    for (const Diagnostic& d : sink.all()) codes.push_back(Info(d.code).id);
    return found;
  }
  fs::path base, root;
};

TEST_CASE("FindPipelineConfigs finds every config, through symlinks that stay inside", "[find_configs]") {
  Project p;
  p.File("pipelines/a/config.yaml");
  p.File("pipelines/team/b/config.yml");
  p.File("pipelines/.hidden/config.yaml");
  p.File("pipelines/node_modules/x/config.yaml");
  p.File("shared/c/config.yaml");
  p.Link("../shared/c", "pipelines/c");
  p.Link("../../shared/c/config.yaml", "pipelines/d/config.yaml");
  p.Link("/etc/hostname", "pipelines/a/notes.md");  // a file trigc does not read: left alone
  std::vector<std::string> codes;
  CHECK(p.Find("pipelines", codes) ==
        std::vector<std::string>{"pipelines/a/config.yaml", "pipelines/c/config.yaml",
                                 "pipelines/d/config.yaml", "pipelines/team/b/config.yml"});
  CHECK(codes.empty());
}

TEST_CASE("FindPipelineConfigs skips the project's generated folder only at the root", "[find_configs]") {
  Project p;
  p.File("a/config.yaml");
  p.File("generated/x/config.yaml");
  p.File("a/generated/config.yaml");
  std::vector<std::string> codes;
  CHECK(p.Find("", codes) == std::vector<std::string>{"a/config.yaml", "a/generated/config.yaml"});
  CHECK(codes.empty());
}

TEST_CASE("FindPipelineConfigs reports what would make a pipeline disappear", "[find_configs]") {
  Project p;
  p.File("pipelines/a/config.yaml");
  p.Link("../../../outside/p/config.yaml", "pipelines/out_file/config.yaml");
  p.Link("../../outside/p", "pipelines/out_folder");
  p.Link("nothing", "pipelines/dangling");
  p.Link("../missing.yaml", "pipelines/b/config.yaml");
  p.Link("..", "pipelines/a/again");
  fs::create_directories(p.root / "pipelines" / "odd" / "config.yaml");
  std::vector<std::string> codes;
  CHECK(p.Find("pipelines", codes) == std::vector<std::string>{"pipelines/a/config.yaml"});
  std::sort(codes.begin(), codes.end());
  CHECK(codes == std::vector<std::string>{"E0908", "E0908", "E0909", "E0909", "E0909", "E0911"});
}

}  // namespace
}  // namespace trigc::driver
