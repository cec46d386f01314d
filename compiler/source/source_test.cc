#include "compiler/source/source.h"

#include <catch2/catch.hpp>

namespace trigc {

TEST_CASE("a redacted run shows as one fixed-length mask, whatever its length") {
  SourceFile f("c.yaml", "secret: hunter2\nkey: a-much-longer-secret-value # note\nplain: x\n");
  f.Redact(8, 15);
  f.Redact(21, 47);
  CHECK(f.Line(1) == "secret: ********");
  CHECK(f.Line(2) == "key: ******** # note");
  CHECK(f.Line(3) == "plain: x");
}

TEST_CASE("overlapping and touching redactions merge into one mask") {
  SourceFile f("c.yaml", "k: abcdefgh, tail\n");
  f.Redact(3, 6);
  f.Redact(5, 8);
  f.Redact(8, 11);
  CHECK(f.Line(1) == "k: ********, tail");
  CHECK(f.IsRedacted(3));
  CHECK(f.IsRedacted(10));
  CHECK_FALSE(f.IsRedacted(11));
}

TEST_CASE("a redaction across lines masks its part of each line") {
  SourceFile f("c.yaml", "s: |\r\n  one\r\n  two\r\nn: 1\r\n");
  f.Redact(3, 20);
  CHECK(f.Line(1) == "s: ********");
  CHECK(f.Line(2) == "********");
  CHECK(f.Line(3) == "********");
  CHECK(f.Line(4) == "n: 1");
}

TEST_CASE("display columns count a mask as its own width") {
  SourceFile f("c.yaml", "{secret: hunter2hunter2, bad: 1}\n");
  f.Redact(9, 23);
  CHECK(f.Line(1) == "{secret: ********, bad: 1}");
  CHECK(f.DisplayColumn(1, false) == 2);    // before the mask: as in the file
  CHECK(f.DisplayColumn(9, false) == 10);   // the mask's first column
  CHECK(f.DisplayColumn(12, false) == 10);  // inside: the mask's first column
  CHECK(f.DisplayColumn(12, true) == 18);   // inside, as an end: past the mask
  CHECK(f.DisplayColumn(23, true) == 18);   // the secret's end
  CHECK(f.DisplayColumn(25, false) == 20);  // 'bad' moved left by the difference
  CHECK(f.Locate(25).column == 26);         // while the position in the file stays
}

}  // namespace trigc
