#include "zookeeper_releases.hpp"

#include <algorithm>

#include "zklint/lint/release_questions.hpp"

namespace zklint::zookeeper_fact {
namespace {

constexpr std::array<ZooKeeperVersion, 5> known_lines = {{{3, 5}, {3, 6}, {3, 7}, {3, 8}, {3, 9}}};

// Bit i: `answer` differs between lines i-1 and i (see ReleaseQuestions::zookeeper_changes).
template <typename Answer>
std::uint64_t changes_of(Answer answer) {
  return answer_changes(lines(), answer);
}

void note(std::uint64_t changes) {
  if (ReleaseLog* log = ReleaseLog::current()) log->note_zookeeper(changes);
}

/// The release line reads from `since` on: when that is the oldest line, no line tells it apart.
bool read_since(ZooKeeperVersion since, ZooKeeperVersion v) {
  note(changes_of([&](ZooKeeperVersion line) { return since <= line; }));
  return since <= v;
}

}  // namespace

std::span<const ZooKeeperVersion> lines() { return known_lines; }

std::size_t line_index(ZooKeeperVersion v) {
  return static_cast<std::size_t>(std::find(known_lines.begin(), known_lines.end(), v) - known_lines.begin());
}

bool reads_key(const zookeeper_keys::Key& key, ZooKeeperVersion v) { return read_since(key.since, v); }
bool reads_key(const zookeeper_keys::Family& family, ZooKeeperVersion v) { return read_since(family.since, v); }

}  // namespace zklint::zookeeper_fact

namespace zklint {

template <>
bool ReleaseFactOf<ZooKeeperVersion>::holds_in(ZooKeeperVersion v) const {
  using zookeeper_fact::release_facts;
  static const std::array<std::uint64_t, release_facts.size()> changes = [] {
    std::array<std::uint64_t, release_facts.size()> out{};
    for (std::size_t i = 0; i < release_facts.size(); ++i) {
      out[i] = answer_changes(zookeeper_fact::lines(), [&](ZooKeeperVersion line) { return release_facts[i].covers(line); });
    }
    return out;
  }();
  if (ReleaseLog* log = ReleaseLog::current()) log->note_zookeeper(changes[static_cast<std::size_t>(this - release_facts.data())]);
  return covers(v);
}

}  // namespace zklint
