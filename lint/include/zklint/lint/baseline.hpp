// Baselines, for adopting zklint on an existing estate: --write-baseline records the current
// findings, --baseline hides them. A finding is matched by file (relative to the baseline file),
// rule and fingerprint of the offending setting, never by line, so findings survive edits
// elsewhere in the file; editing the offending setting itself makes the finding new again.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "zklint/lint/engine.hpp"

namespace zklint {

struct Baseline {
  std::filesystem::path file;
  std::vector<BaselineEntry> entries;
};

/// Reads a baseline file. On failure returns nullopt and sets `error` ("FILE: why").
std::optional<Baseline> load_baseline(const std::filesystem::path& file, std::string& error);

/// The findings of `run` as a baseline to be written to `file` (JSON text, deterministic).
std::string baseline_text(const RunResult& run, const std::filesystem::path& file);

/// Removes the findings the baseline has from `run` (counted in FileResult::baselined) and sets
/// run.baseline, with the entries of linted files that no longer match anything as fixed.
void apply_baseline(RunResult& run, const Baseline& baseline, const std::string& label);

}  // namespace zklint
