#include "kafka_releases.hpp"

#include "kafka_catalog.hpp"
#include "zklint/lint/release_questions.hpp"

namespace zklint::kafka_fact {
namespace {

struct BundledClient {
  KafkaVersion since;
  std::string_view client;
};
// gradle/dependencies.gradle `zookeeper:` at 2.2.0, 2.3.0, 2.8.2, 3.5.2 and 3.9.0 (the newest
// patch of each line that changed it): 3.4.13, 3.4.14, 3.5.9, 3.6.4, 3.8.4.
constexpr std::array<BundledClient, 5> bundled_clients = {{
    {{0, 0}, "3.4.13"}, {{2, 3}, "3.4.14"}, {{2, 4}, "3.5.9"}, {{3, 0}, "3.6.4"}, {{3, 6}, "3.8.4"}}};

std::size_t bundled_client_index(KafkaVersion kafka) {
  std::size_t i = 0;
  while (i + 1 < bundled_clients.size() && bundled_clients[i + 1].since <= kafka) ++i;
  return i;
}

// Bit i: `answer` differs between catalog lines i-1 and i (see ReleaseQuestions).
template <typename Answer>
std::uint64_t changes_of(Answer answer) {
  return answer_changes(kafka_catalog::versions(), answer);
}

void note(std::uint64_t changes) {
  if (ReleaseLog* log = ReleaseLog::current()) log->note(changes);
}

}  // namespace

std::string_view bundled_zookeeper_client(KafkaVersion kafka) {
  static const std::uint64_t changes = changes_of(bundled_client_index);
  note(changes);
  return bundled_clients[bundled_client_index(kafka)].client;
}

}  // namespace zklint::kafka_fact

namespace zklint {

template <>
bool ReleaseFactOf<KafkaVersion>::holds_in(KafkaVersion v) const {
  using namespace kafka_fact;
  static const std::array<std::uint64_t, release_facts.size()> changes = [] {
    std::array<std::uint64_t, release_facts.size()> out{};
    for (std::size_t i = 0; i < release_facts.size(); ++i) out[i] = changes_of([&](KafkaVersion line) { return release_facts[i].covers(line); });
    return out;
  }();
  note(changes[static_cast<std::size_t>(this - release_facts.data())]);
  return covers(v);
}

}  // namespace zklint
