// What a rule reports: a finding with a range, optional related locations and an optional fix.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "zklint/source.hpp"

namespace zklint {

/// How bad a finding is. `error`: Kafka or ZooKeeper rejects the config or will fail.
/// `warning`: accepted, but wrong or dangerous. `info`: advice.
enum class Severity : std::uint8_t { info = 0, warning = 1, error = 2 };

std::string_view to_string(Severity s);
std::optional<Severity> parse_severity(std::string_view text);

/// Replace source bytes [begin, end) with `replacement` (raw bytes, already escaped for .properties).
struct TextEdit {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::string replacement;
};

/// Whether applying a fix can change what the config means beyond the finding it repairs.
enum class FixSafety : std::uint8_t { safe, unsafe };

struct Fix {
  std::string description;
  std::vector<TextEdit> edits;  ///< non-overlapping, all in the diagnostic's file
  FixSafety safety = FixSafety::safe;
};

/// A secondary location, such as "first set here" for a duplicate key. `path` is empty for the
/// diagnostic's own file; cross-file checks name the other file.
struct RelatedLocation {
  std::string path;
  Range range;
  std::string message;
};

class Rule;

struct Diagnostic {
  const Rule* rule = nullptr;
  Severity severity = Severity::warning;
  std::string message;
  Range range;
  std::vector<RelatedLocation> related;
  std::optional<Fix> fix;
  /// Optional extra advice printed under the message ("help: ...").
  std::string help;
  /// Optional corrected text ("did you mean ...?").
  std::string suggestion;
  /// What identifies this finding across edits elsewhere in the file (for baselines and SARIF):
  /// by default the offending entry's key and value. Filled in by the engine when a rule leaves it empty.
  std::string anchor;
};

}  // namespace zklint
