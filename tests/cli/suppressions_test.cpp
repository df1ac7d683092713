// Suppression comments, end to end: scopes, codes and names, and the meta rules.
#include <doctest/doctest.h>

#include "cli_support.hpp"

using zklint::test::Scratch;

TEST_CASE("disable-next-line, disable/enable and disable-file silence what they name") {
  Scratch s;
  s.write("next.properties", "# zklint: disable-next-line ZKL002 -- both kept on purpose\nk=1\nk=2\n");
  CHECK(s.zklint("next.properties").exit_code == 0);
  s.write("range.properties", "# zklint: disable duplicate-key\nk=1\nk=2\n# zklint: enable duplicate-key\nj=1\nj=2\n");
  const auto range = s.zklint("range.properties");
  CHECK(range.exit_code == 1);
  CHECK(range.out.find("range.properties:5:1") != std::string::npos);  // after the range: reported
  CHECK(range.out.find("range.properties:2:1") == std::string::npos);
  s.write("file.properties", "k=1\n# zklint: disable-file properties\nk=2\n");
  CHECK(s.zklint("file.properties").exit_code == 0);
}

TEST_CASE("stale, unknown and unterminated suppressions are reported") {
  Scratch s;
  s.write("stale.properties", "# zklint: disable-next-line duplicate-key\nk=1\n");
  CHECK(s.zklint("stale.properties").out.find("ZKL901 unused-suppression") != std::string::npos);
  s.write("typo.properties", "# zklint: disable-next-line duplicate-keys\nk=1\n");
  const auto typo = s.zklint("typo.properties");
  CHECK(typo.out.find("ZKL902") != std::string::npos);
  CHECK(typo.out.find("did you mean: duplicate-key") != std::string::npos);
  s.write("open.properties", "# zklint: disable ZKL002\nk=1\nk=2\n");
  CHECK(s.zklint("open.properties").out.find("ZKL903") != std::string::npos);
  // A suppression of a rule switched off for the file is not "unused".
  CHECK(s.zklint("--ignore ZKL002 stale.properties").exit_code == 0);
}
