#include "zklint/lint/fixing.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "zklint/lint/fixer.hpp"

namespace zklint {

namespace {

struct Pending {
  std::string key;
  const FileResult* file;
  FixResult result;
};

}  // namespace

FixRun fix_until_stable(RunOptions options, const FixOptions& fix) {
  FixRun run;
  std::map<std::string, std::string> original;  // by content key: the text before any fix
  std::map<std::string, std::vector<FixedFinding>> repaired;
  std::set<std::string> refused;
  RunResult current = run_lint(options);
  for (unsigned pass = 0;; ++pass) {
    std::vector<Pending> pending;
    for (const FileResult& f : current.files) {
      if (!f.doc) continue;
      const std::string key = content_key(f.location);
      const std::string_view text = f.doc->source().bytes();
      if (key == "-") options.contents.try_emplace(key, text);  // standard input can be read only once
      if (refused.count(key)) continue;
      FixResult result = apply_fixes(text, f.diagnostics, fix.unsafe);
      if (result.text == text) continue;
      if (fix.refuse) {
        if (auto why = fix.refuse(f)) {
          refused.insert(key);
          run.refused.emplace_back(f.path, std::move(*why));
          continue;
        }
      }
      pending.push_back({key, &f, std::move(result)});
    }
    if (pending.empty()) break;
    if (pass == fix.max_passes) {
      run.settled = false;
      break;
    }
    for (Pending& p : pending) {
      original.try_emplace(p.key, p.file->doc->source().bytes());
      for (const std::size_t i : p.result.applied_indices) {
        const Diagnostic& d = p.file->diagnostics[i];
        repaired[p.key].push_back({d.rule, d.message, d.fix->description, d.range});
      }
      options.contents[p.key] = std::move(p.result.text);
    }
    RunResult next = run_lint(options);
    if (!run.before) run.before = std::move(current);
    current = std::move(next);
  }

  for (FileResult& f : current.files) {
    if (!f.doc) continue;
    const std::string key = content_key(f.location);
    if (const auto it = repaired.find(key); it != repaired.end()) f.fixed = std::move(it->second);
    if (const auto it = original.find(key); it != original.end() && it->second != f.doc->source().bytes()) {
      run.changed.push_back({f.path, f.location, it->second, std::string(f.doc->source().bytes())});
    }
  }
  std::sort(run.changed.begin(), run.changed.end(), [](const FixedFile& a, const FixedFile& b) { return a.path < b.path; });
  run.after = std::move(current);
  return run;
}

}  // namespace zklint
