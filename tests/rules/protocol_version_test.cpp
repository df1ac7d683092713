// inter.broker.protocol.version / log.message.format.version values as MetadataVersion reads them.
#include <doctest/doctest.h>

#include "support/protocol_version.hpp"

using zklint::support::parse_protocol_version;

TEST_CASE("protocol versions: 0.x releases keep three parts, later ones two, IVs compare within a release") {
  const auto v0102 = parse_protocol_version("0.10.2");
  REQUIRE(v0102);
  CHECK(v0102->major == 0);
  CHECK(v0102->minor == 10);
  CHECK(v0102->record_version() == 1);
  CHECK_FALSE(v0102->at_least(3, 0, 1));
  CHECK(parse_protocol_version("0.9.0")->record_version() == 0);
  CHECK(parse_protocol_version("0.11.0-IV2")->record_version() == 2);
  CHECK(parse_protocol_version("2.8-IV1")->record_version() == 2);

  CHECK(parse_protocol_version("3.7")->at_least(3, 7, 2));  // no IV: the newest of 3.7
  CHECK_FALSE(parse_protocol_version("3.7-IV1")->at_least(3, 7, 2));
  CHECK(parse_protocol_version("3.7-IV2")->at_least(3, 7, 2));
  CHECK(parse_protocol_version("3.8-IV0")->at_least(3, 7, 2));
  CHECK_FALSE(parse_protocol_version("3.3-IV3")->at_least(3, 4));

  CHECK_FALSE(parse_protocol_version("3"));
  CHECK_FALSE(parse_protocol_version("latest"));
  CHECK_FALSE(parse_protocol_version("3.7-IV"));
  CHECK_FALSE(parse_protocol_version("3.7-IVx"));
}
