// Unit tests of ConfigDef.parseType semantics and the catalog validators (ConfigDef.java @3.9).

#include <doctest/doctest.h>

#include <cmath>

#include "kafka_catalog.hpp"
#include "support/kafka_values.hpp"

using namespace zklint;
using namespace zklint::support::kafka;

TEST_CASE("booleans: true or false in any case, nothing else") {
  CHECK(parse_boolean("true") == true);
  CHECK(parse_boolean("FALSE") == false);
  CHECK(parse_boolean("TrUe") == true);
  CHECK(parse_boolean("fal\xC5\xBF" "e") == false);  // Java's equalsIgnoreCase: long s equals s
  CHECK_FALSE(parse_boolean("yes"));
  CHECK_FALSE(parse_boolean("1"));
  CHECK_FALSE(parse_boolean(""));
  CHECK(parse(Type::boolean, "  true \t").ok);  // trimmed first
  CHECK_FALSE(parse(Type::boolean, "on").ok);
}

TEST_CASE("integers: Integer/Short/Long.parseX with overflow checks") {
  CHECK(parse_integer("2147483647", Type::int_) == 2147483647);
  CHECK(parse_integer("-2147483648", Type::int_) == -2147483648LL);
  CHECK_FALSE(parse_integer("2147483648", Type::int_));
  CHECK(parse_integer("2147483648", Type::long_) == 2147483648LL);
  CHECK(parse_integer("-9223372036854775808", Type::long_) == INT64_MIN);
  CHECK_FALSE(parse_integer("9223372036854775808", Type::long_));
  CHECK(parse_integer("32767", Type::short_) == 32767);
  CHECK_FALSE(parse_integer("32768", Type::short_));
  CHECK(parse_integer("+42", Type::int_) == 42);
  CHECK(parse_integer("007", Type::int_) == 7);
  CHECK(parse_integer("\xD9\xA3", Type::int_) == 3);  // ARABIC-INDIC DIGIT THREE: Character.digit accepts it
  for (const char* bad : {"", "-", "+", "30s", "1_000", "0x10", "1.0", "1e3", " 1", "1 000"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_integer(bad, Type::int_));
  }
  CHECK(parse(Type::int_, " 30 ").integer == 30);
  CHECK_FALSE(parse(Type::int_, "30s").ok);
}

TEST_CASE("doubles: Double.parseDouble") {
  for (const char* good : {"0.5", "1", ".5", "5.", "1e3", "1E-3", "+2.5", "-0", "2.5f", "2.5D", "NaN", "-Infinity", "0x1.8p1", "0X10P0d"}) {
    CAPTURE(good);
    CHECK(parse_double(good));
  }
  for (const char* bad : {"", ".", "e3", "1e", "0.5x", "nan", "inf", "0x10", "1,5", "1 .5"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_double(bad));
  }
  CHECK(*parse_double("0x1.8p1") == doctest::Approx(3.0));
  CHECK(std::isnan(*parse_double("NaN")));
}

TEST_CASE("lists: split on \\s*,\\s* with empty items kept; blank is the empty list") {
  const auto items = parse(Type::list, " a , b,,c, ").items;
  REQUIRE(items.size() == 5);
  CHECK(items[0].text == "a");
  CHECK(items[1].text == "b");
  CHECK(items[2].text.empty());
  CHECK(items[3].text == "c");
  CHECK(items[4].text.empty());
  CHECK(items[1].begin == 5);
  CHECK(parse(Type::list, "  ").items.empty());
}

TEST_CASE("classes: well-formed dot-separated Java identifiers") {
  CHECK(well_formed_class_name("org.apache.kafka.common.metrics.JmxReporter"));
  CHECK(well_formed_class_name("com.example.Outer$Inner"));
  CHECK(well_formed_class_name("_x.$y.Z9"));
  for (const char* bad : {"", "org..Foo", ".Foo", "Foo.", "org.1foo.Bar", "org/apache/Foo", "Foo Bar", "\"org.Foo\""}) {
    CAPTURE(bad);
    CHECK_FALSE(well_formed_class_name(bad));
  }
}

TEST_CASE("validators: ranges, 'or -1', enums with and without case, versions") {
  const KafkaVersion v39{3, 9};
  const auto check = [&](std::string_view key, std::string_view value, KafkaVersion v) {
    const kafka_catalog::KeySpec* spec = kafka_catalog::find(v, key);
    REQUIRE(spec != nullptr);
    return validate(*spec, v, parse(spec->type, value));
  };
  CHECK_FALSE(check("num.partitions", "1", v39));
  const auto low = check("num.partitions", "0", v39);
  REQUIRE(low);
  CHECK(low->kind == ViolationKind::range);
  CHECK(low->message == "must be at least 1");
  CHECK_FALSE(check("compression.gzip.level", "-1", v39));
  CHECK(check("compression.gzip.level", "0", v39));
  CHECK_FALSE(check("log.cleaner.min.cleanable.ratio", "NaN", v39));  // Range lets NaN through, as Java does
  CHECK(check("log.cleaner.min.cleanable.ratio", "1.5", v39));

  CHECK_FALSE(check("log.cleanup.policy", "compact,delete", v39));
  const auto policy = check("log.cleanup.policy", "compact,Delete", v39);
  REQUIRE(policy);
  CHECK(policy->span.text == "Delete");
  CHECK(policy->suggestion == "delete");
  CHECK(check("security.inter.broker.protocol", "ssl", v39));          // ValidString: case-sensitive
  CHECK_FALSE(check("security.inter.broker.protocol", "ssl", {2, 8}));  // before 3.3: SecurityProtocol.forName
  CHECK(check("security.inter.broker.protocol", "TLS", {2, 8}));
  CHECK_FALSE(check("compression.type", "GZIP", {3, 2}));
  CHECK(check("compression.type", "GZIP", v39));
  CHECK(check("compression.type", "zstd", {2, 0}));

  CHECK_FALSE(check("inter.broker.protocol.version", "3.9", v39));
  CHECK_FALSE(check("inter.broker.protocol.version", "3.9-IV0", v39));
  CHECK_FALSE(check("inter.broker.protocol.version", "2.8.1", v39));
  CHECK_FALSE(check("inter.broker.protocol.version", "0.10.2", v39));
  CHECK(check("inter.broker.protocol.version", "3", v39));
  CHECK(check("inter.broker.protocol.version", "4.5", v39));
  CHECK_FALSE(check("inter.broker.protocol.version", "2.1", {2, 1}));  // 2.1's list is filled in from 2.2's
  CHECK(check("inter.broker.protocol.version", "2.2", {2, 1}));
}

TEST_CASE("defaults parse as their type") {
  const kafka_catalog::KeySpec* spec = kafka_catalog::find({3, 9}, "log.retention.hours");
  REQUIRE(spec != nullptr);
  const auto d = parse_default(*spec);
  REQUIRE(d);
  CHECK(d->integer == 168);
  CHECK_FALSE(parse_default(*kafka_catalog::find({3, 9}, "log.retention.ms")));
}
