// SHA-256 (FIPS 180-4): the input hashes in generated headers and the manifest's build key.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace trigc {

/// Incremental SHA-256.
class Sha256 {
 public:
  Sha256();
  /// Adds bytes.
  Sha256& Update(std::string_view bytes);
  /// The digest as 64 lowercase hex digits. Call once.
  std::string HexDigest();

 private:
  void Block(const uint8_t* block);
  std::array<uint32_t, 8> state_;
  std::array<uint8_t, 64> buffer_{};
  size_t buffered_ = 0;
  uint64_t length_ = 0;
};

/// SHA-256 of `bytes` as 64 lowercase hex digits.
std::string Sha256Hex(std::string_view bytes);

}  // namespace trigc
