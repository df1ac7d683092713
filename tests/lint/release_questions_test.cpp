// Unit tests of what code asks about the release under judgement (release_questions.hpp): logs
// nest, and a cached model's questions reach every rule that reads it, not only the first.

#include <doctest/doctest.h>

#include "kafka_catalog.hpp"
#include "kafka_releases.hpp"
#include "zklint/lint/context.hpp"
#include "zklint/parse.hpp"

using namespace zklint;

namespace {

// A model whose construction asks the catalog about one key and the facts table about one fact.
struct SegmentModel {
  explicit SegmentModel(const LintContext& ctx)
      : spec(kafka_catalog::find(ctx.kafka_version(), "log.segment.bytes")),
        kraft_only(kafka_fact::zookeeper_mode_removed.holds_in(ctx.kafka_version())) {}
  const kafka_catalog::KeySpec* spec;
  bool kraft_only;
};

}  // namespace

TEST_CASE("an inner log's questions are noted in the outer one") {
  const ReleaseLog outer;
  {
    const ReleaseLog inner;
    kafka_catalog::find({3, 9}, "log.segment.bytes");
    CHECK(inner.asked().changes == kafka_catalog::behaviour_changes("log.segment.bytes"));
  }
  CHECK(outer.asked().changes == kafka_catalog::behaviour_changes("log.segment.bytes"));
  {
    const ReleaseLog::Paused paused;
    kafka_fact::quorum_addresses_strict.holds_in({3, 9});
  }
  CHECK(outer.asked().changes == kafka_catalog::behaviour_changes("log.segment.bytes"));
}

TEST_CASE("a cached model's questions are noted for every reader") {
  const Document doc = parse(SourceFile("server.properties", "process.roles=broker\nlog.segment.bytes=1000\n"));
  FileProfile profile;
  profile.kind = FileKind::kafka;
  profile.kafka_version = {4, 3};
  const LintContext ctx(doc, profile);
  std::uint64_t expected = kafka_catalog::behaviour_changes("log.segment.bytes");
  {
    const ReleaseLog facts;
    kafka_fact::zookeeper_mode_removed.holds_in({4, 3});
    expected |= facts.asked().changes;
  }
  REQUIRE(expected != 0);
  {
    const ReleaseLog first_rule;
    ctx.model<SegmentModel>();
    CHECK(first_rule.asked().changes == expected);
  }
  const ReleaseLog second_rule;  // reads the model the first one built
  ctx.model<SegmentModel>();
  CHECK(second_rule.asked().changes == expected);
}
