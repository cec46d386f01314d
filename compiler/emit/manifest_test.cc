#include "compiler/emit/manifest.h"

#include <catch2/catch.hpp>

namespace {

using trigc::emit::ManifestFiles;
using trigc::emit::ManifestKey;
using trigc::emit::ManifestText;

TEST_CASE("a manifest lists its files sorted by path, after its key") {
  std::string text = ManifestText({{"b.py", 12}, {"a/c.py", 3}}, "k1");
  CHECK(text ==
        "# The files trigc generated in this folder (bytes, path). Written by `trigc build`: do not edit.\n"
        "key k1\n3 a/c.py\n12 b.py\n");
  CHECK(ManifestKey(text) == "k1");
  auto files = ManifestFiles(text);
  REQUIRE(files.size() == 2);
  CHECK(files[0].path == "a/c.py");
  CHECK(files[0].bytes == 3);
  CHECK(files[1].path == "b.py");
}

TEST_CASE("a manifest without a key or with other lines") {
  CHECK(ManifestKey("# nothing\n") == "");
  auto files = ManifestFiles("# c\nkey x\nnot a line\n7 ../../etc/passwd\n");
  REQUIRE(files.size() == 1);  // read as written: callers check the path
  CHECK(files[0].path == "../../etc/passwd");
}

}  // namespace
