// --fix and --diff: apply fixes, lint the result again, and repeat until nothing is left to fix
// (bounded), all in memory. Writing the files is the caller's business.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "zklint/lint/engine.hpp"

namespace zklint {

struct FixOptions {
  bool unsafe = false;       ///< also apply fixes rules mark unsafe (--unsafe-fixes)
  unsigned max_passes = 10;  ///< a fix that keeps producing new fixes is a zklint bug; stop there
  /// Why a file must not be changed (nullopt: it may). Asked once, for files that have fixes.
  std::function<std::optional<std::string>(const FileResult&)> refuse;
};

/// A file whose text the fixes changed.
struct FixedFile {
  std::string path;                 ///< as shown in reports
  std::filesystem::path location;   ///< what was read ("-" for stdin)
  std::string original;
  std::string fixed;
};

struct FixRun {
  std::optional<RunResult> before;  ///< the first lint, when fixes changed anything
  RunResult after;                  ///< the lint of the fixed texts; FileResult::fixed lists the repairs
  std::vector<FixedFile> changed;   ///< sorted by path
  std::vector<std::pair<std::string, std::string>> refused;  ///< files with fixes left alone, and why
  bool settled = true;              ///< false when fixes still applied after max_passes
  const RunResult& original() const { return before ? *before : after; }
};

FixRun fix_until_stable(RunOptions options, const FixOptions& fix);

}  // namespace zklint
