// Unit tests of what code asks about the release under judgement (release_questions.hpp): logs
// nest, a cached model's questions reach every rule that reads it, not only the first, and a model
// that notes its own questions passes on only those of the parts a rule reads.

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

namespace {

// A model that notes its own questions part by part (NotesOwnReleaseQuestions): the segment spec
// and the voter syntax are computed under logs of their own and note them when read.
class PartedModel {
 public:
  explicit PartedModel(const LintContext& ctx) {
    segment_asked_ = questions_of([&] { spec_ = kafka_catalog::find(ctx.kafka_version(), "log.segment.bytes"); });
    strict_asked_ = questions_of([&] { strict_voters_ = kafka_fact::quorum_addresses_strict.holds_in(ctx.kafka_version()); });
  }
  const kafka_catalog::KeySpec* spec() const {
    note_release_questions(segment_asked_);
    return spec_;
  }
  bool strict_voters() const {
    note_release_questions(strict_asked_);
    return strict_voters_;
  }
  ReleaseQuestions questions_of_every_read() const { return {}; }

 private:
  const kafka_catalog::KeySpec* spec_ = nullptr;
  bool strict_voters_ = false;
  ReleaseQuestions segment_asked_, strict_asked_;
};
static_assert(NotesOwnReleaseQuestions<PartedModel>);
static_assert(!NotesOwnReleaseQuestions<SegmentModel>);

}  // namespace

TEST_CASE("a model that notes its own questions: a reader depends only on the parts it reads") {
  const Document doc = parse(SourceFile("server.properties", "process.roles=broker\nlog.segment.bytes=1000\n"));
  FileProfile profile;
  profile.kind = FileKind::kafka;
  profile.kafka_version = {4, 3};
  const LintContext ctx(doc, profile);
  std::uint64_t strict_changes = 0;
  {
    const ReleaseLog facts;
    kafka_fact::quorum_addresses_strict.holds_in({4, 3});
    strict_changes = facts.asked().changes;
  }
  REQUIRE(strict_changes != 0);
  REQUIRE((strict_changes & ~kafka_catalog::behaviour_changes("log.segment.bytes")) != 0);  // 3.8 against 4.0
  {
    const ReleaseLog building_rule;  // builds the model, reads nothing of it
    ctx.model<PartedModel>();
    CHECK(building_rule.asked().changes == 0);
  }
  {
    const ReleaseLog voters_rule;
    CHECK(ctx.model<PartedModel>().strict_voters());
    CHECK(voters_rule.asked().changes == strict_changes);
  }
  const ReleaseLog segment_rule;
  CHECK(ctx.model<PartedModel>().spec() != nullptr);
  CHECK(segment_rule.asked().changes == kafka_catalog::behaviour_changes("log.segment.bytes"));
}
