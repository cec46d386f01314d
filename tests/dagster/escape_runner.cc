// Reads hex-encoded strings, one per line, and prints for each three lines: its PythonString, its
// DagsterString and its PythonIdentifier, for escape_roundtrip.py to judge with the real Python parser.
#include <iostream>
#include <string>

#include "compiler/emit/dagster/dagster_literal.h"
#include "compiler/emit/escape.h"

namespace {

std::string FromHex(const std::string& hex) {
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2)
    out += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  return out;
}

}  // namespace

int main() {
  std::string line;
  while (std::getline(std::cin, line)) {
    std::string text = FromHex(line);
    std::cout << trigc::emit::PythonString(text) << "\n"
              << trigc::emit::dagster::DagsterString(text) << "\n"
              << trigc::emit::PythonIdentifier(text) << "\n";
  }
  return 0;
}
