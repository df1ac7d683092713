// Suppression directives and what became of them, for the meta rules that report on them.
#pragma once

#include <string>
#include <vector>

#include "zklint/grammar/directive.hpp"
#include "zklint/source.hpp"

namespace zklint {

class Rule;

/// One rule id named by a directive.
struct SuppressionId {
  std::string text;                 ///< as written
  Range range;                      ///< where it is written
  std::vector<const Rule*> rules;   ///< what it names (empty when unknown)
  bool known = false;               ///< a code, name, family or "all"
  bool named_enabled_rule = false;  ///< at least one named rule ran on this file
  std::size_t suppressed = 0;       ///< diagnostics it silenced
};

struct SuppressionDirective {
  grammar::Directive::Kind kind;
  Range range;                  ///< the whole comment line
  std::string reason;
  std::vector<SuppressionId> ids;
  bool unterminated = false;    ///< a `disable` without a later `enable` for some of its ids
  /// For disable-next-line: the lines it covers (0 when no entry follows).
  std::uint32_t first_line = 0, last_line = 0;
};

/// Everything the suppression stage found in one file.
struct SuppressionReport {
  std::vector<SuppressionDirective> directives;
  std::vector<Range> malformed;  ///< comments that start with "zklint:" but do not parse
};

}  // namespace zklint
