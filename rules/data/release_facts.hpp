// What the Kafka and the ZooKeeper release-fact tables (kafka_releases.hpp, zookeeper_releases.hpp)
// share: a fact that holds from one release line on (and, for a few, up to a last one), with the
// upstream source that shows it, looked up by name at compile time, and the release lines where
// an answer changes, as a ReleaseLog notes them (zklint/lint/release_questions.hpp).
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

#include "zklint/lint/release_line.hpp"

namespace zklint {

template <typename Version>
struct ReleaseFactOf {
  std::string_view name;
  Version since;               ///< the first release line where it holds
  Version until{99, 99};       ///< the last release line where it holds
  std::string_view source;     ///< the upstream source that shows it
  /// Whether it holds in release line `v`; notes the question in the thread's ReleaseLog (each
  /// product defines it, since each numbers its lines its own way).
  bool holds_in(Version v) const;
  constexpr bool covers(Version v) const { return since <= v && v <= until; }
};

/// The fact named `name` of `facts`; a misspelt name does not compile.
template <typename Fact, std::size_t N>
consteval const Fact& fact_named(const std::array<Fact, N>& facts, std::string_view name) {
  for (const Fact& f : facts) {
    if (f.name == name) return f;
  }
  throw "no such release fact";
}

/// Bit i: `answer` differs between `lines[i - 1]` and `lines[i]` (see ReleaseQuestions).
template <typename Version, typename Answer>
std::uint64_t answer_changes(std::span<const Version> lines, Answer answer) {
  std::uint64_t mask = 0;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    if (answer(lines[i - 1]) != answer(lines[i])) mask |= std::uint64_t{1} << i;
  }
  return mask;
}

}  // namespace zklint
