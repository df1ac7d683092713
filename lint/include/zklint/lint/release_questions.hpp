// What code asked about the Kafka or ZooKeeper release under judgement: the catalog keys it looked
// up and the release facts it consulted (rules/data/kafka_catalog.hpp, kafka_releases.hpp and
// zookeeper_releases.hpp note them), kept as
// the release lines where one of those answers changes. When the
// version of a file is a guess, the engine judges each rule once per class of releases that answer
// alike what that rule asked. A shared model notes for its readers what the parts they read asked
// (questions_of below), so that a rule is judged again only where the answers it used differ.
#pragma once

#include <cstdint>
#include <cstddef>

namespace zklint {

struct ReleaseQuestions {
  /// Bit i: something asked is answered differently by release line i of the Kafka catalog and the
  /// line before it (kafka_catalog::versions() numbers the lines). Two lines with no such bit
  /// between them answer alike everything that was asked.
  std::uint64_t changes = 0;
  /// The same for the ZooKeeper release lines (zookeeper_fact::lines() numbers them).
  std::uint64_t zookeeper_changes = 0;

  void add(const ReleaseQuestions& other) {
    changes |= other.changes;
    zookeeper_changes |= other.zookeeper_changes;
  }
  /// Whether Kafka catalog lines `a` and `b` (indexes) answer alike everything asked.
  bool same_answers(std::size_t a, std::size_t b) const { return no_change_between(changes, a, b); }
  /// Whether ZooKeeper release lines `a` and `b` (indexes) answer alike everything asked.
  bool same_zookeeper_answers(std::size_t a, std::size_t b) const { return no_change_between(zookeeper_changes, a, b); }

 private:
  static bool no_change_between(std::uint64_t changes, std::size_t a, std::size_t b) {
    const std::size_t lo = a < b ? a : b, hi = a < b ? b : a;
    const std::uint64_t between = (hi >= 63 ? ~std::uint64_t{0} : (std::uint64_t{1} << (hi + 1)) - 1) & ~((std::uint64_t{1} << (lo + 1)) - 1);
    return (changes & between) == 0;
  }
};

/// While a ReleaseLog lives, it notes what the code on its thread asks about the release. Logs
/// nest: when an inner one ends, what it noted is noted in the outer one too.
class ReleaseLog {
 public:
  ReleaseLog();
  ~ReleaseLog();
  ReleaseLog(const ReleaseLog&) = delete;
  ReleaseLog& operator=(const ReleaseLog&) = delete;

  /// The innermost log of this thread, or null.
  static ReleaseLog* current();
  const ReleaseQuestions& asked() const { return asked_; }
  /// Notes a question whose answer changes at the lines whose bits are set (see ReleaseQuestions).
  void note(std::uint64_t changes) { asked_.changes |= changes; }
  /// The same for a question about the ZooKeeper release line.
  void note_zookeeper(std::uint64_t changes) { asked_.zookeeper_changes |= changes; }
  void note(const ReleaseQuestions& questions) { asked_.add(questions); }

  /// While it lives, nothing is noted: what is asked then does not depend on the release under
  /// judgement (a cluster model reads each member file as its own version).
  class Paused {
   public:
    Paused();
    ~Paused();
    Paused(const Paused&) = delete;
    Paused& operator=(const Paused&) = delete;

   private:
    ReleaseLog* paused_;
  };

 private:
  ReleaseQuestions asked_;
  ReleaseLog* outer_;
};

/// Notes `questions` in the innermost log of this thread, if any.
inline void note_release_questions(const ReleaseQuestions& questions) {
  if (ReleaseLog* log = ReleaseLog::current()) log->note(questions);
}

/// Runs `compute` under a log of its own and returns what it asked about the release. A shared
/// model computes each part this way and notes the part's questions whenever the part is read:
/// a rule that reads only a model's mode is not judged again where only its listeners differ.
template <typename Compute>
ReleaseQuestions questions_of(Compute&& compute) {
  const ReleaseLog log;
  compute();
  return log.asked();
}

}  // namespace zklint
