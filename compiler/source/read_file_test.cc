#include "compiler/source/read_file.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>

namespace trigc {
namespace {

TEST_CASE("ReadFileBounded reads a file whole, or limit + 1 bytes of a larger one", "[read_file]") {
  std::string folder = (std::filesystem::temp_directory_path() / "trigc-read-XXXXXX").string();
  REQUIRE(::mkdtemp(folder.data()) != nullptr);
  std::filesystem::path path = std::filesystem::path(folder) / "f.txt";
  std::ofstream(path, std::ios::binary) << std::string(100, 'x');
  std::string error;
  CHECK(ReadFileBounded(path, 100, error).value() == std::string(100, 'x'));
  CHECK(ReadFileBounded(path, kNoReadLimit, error).value().size() == 100);
  CHECK(ReadFileBounded(path, 10, error).value() == std::string(11, 'x'));
  CHECK(!ReadFileBounded(path.parent_path() / "missing", 10, error).has_value());
  CHECK(!error.empty());
  std::filesystem::remove_all(folder);
}

}  // namespace
}  // namespace trigc
