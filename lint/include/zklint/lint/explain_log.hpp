// `zklint explain-log`: the failure signatures of a Kafka server.log or a ZooKeeper log, what each
// means, and the setting of a config most likely responsible.
//
// The signatures are the failures of the troubleshooting guide zklint grew from (connection
// refused, unknown host, port in use, connect timeout, session expired, client timeout, node
// already exists) plus KRaft's controller quorum failures, as Kafka and ZooKeeper log them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "zklint/document.hpp"

namespace zklint {

struct LogSignature {
  std::string_view id;       ///< "connect-refused", ... (stable: tests and JSON use it)
  std::string_view title;    ///< "java.net.ConnectException: Connection refused"
  std::string_view meaning;  ///< what it means for the node, one paragraph
  /// The settings most likely responsible, most likely first (Kafka and ZooKeeper keys).
  std::vector<std::string_view> keys;
};

/// The signatures explain-log knows, in the order it checks them.
const std::vector<LogSignature>& log_signatures();

/// One signature found in a log: every line it occurs on with the same subject counts once.
struct LogFinding {
  const LogSignature* signature = nullptr;
  std::uint32_t first_line = 0;  ///< 1-based
  std::uint32_t last_line = 0;
  std::size_t count = 0;
  std::string line;     ///< the first line, trimmed
  /// What the failure is about, when the log says: "localhost:2182", "zk1.example.com", "9092",
  /// "/brokers/ids/1", the voter "kafka-controller-0...:9093".
  std::string subject;
};

/// Scans a log, in line order of first occurrence.
std::vector<LogFinding> scan_log(std::string_view text);

/// The config line most likely responsible for `finding`: the first of the signature's keys that
/// the config sets, preferring one whose value names the finding's subject. `why` says how it was
/// chosen ("names localhost:2182", "the timeout the client waited").
struct ConfigCulprit {
  const Entry* entry = nullptr;
  std::string why;
};
std::optional<ConfigCulprit> find_culprit(const LogFinding& finding, const Document& config);

}  // namespace zklint
