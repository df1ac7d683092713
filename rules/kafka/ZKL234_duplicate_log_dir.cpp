// ZKL234 duplicate-log-dir: log.dirs names one directory twice, which LogManager refuses.
#include <string>
#include <vector>

#include "kafka_releases.hpp"
#include "support/kafka_model.hpp"
#include "support/kafka_reporting.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KafkaDuplicateLogDir)

namespace zklint::rules {

namespace {

// From 4.2 (KIP-1161) log.dirs and log.dir are LISTs whose ConfigDef.parseValue drops an item
// repeated letter for letter, with a WARN (kafka_fact::duplicate_list_items_deduplicated).

// What File.getCanonicalPath certainly maps to one path, without looking at the disk: repeated
// and trailing slashes and "." segments go. ".." is left alone: through a symbolic link, "a/.."
// is not where it seems.
std::string same_directory_key(std::string_view dir) {
  std::string out;
  for (const std::string_view segment : split(dir, '/')) {
    if (segment.empty() || segment == ".") continue;
    out += '/';
    out += segment;
  }
  const bool absolute = !dir.empty() && dir.front() == '/';
  if (!absolute) return out.empty() ? "." : out.substr(1);
  return out.empty() ? "/" : out;
}

}  // namespace

const RuleMeta& KafkaDuplicateLogDir::meta() const {
  static const RuleMeta m{
      .code = "ZKL234",
      .name = "duplicate-log-dir",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "log.dirs names one directory twice (/data and /data/ included): the broker refuses to start",
      .doc = R"md(
When the broker starts, `LogManager.createAndValidateLogDirs` takes the canonical path of each
log directory and stops at the first one it has seen before: `KafkaException: Duplicate log
directory found: /data/kafka, /data/kafka/` (`core/src/main/scala/kafka/log/LogManager.scala`,
@2.0 to @4.2). Canonical paths drop a trailing `/`, doubled slashes and `.` segments, so
`/data/kafka` and `/data/kafka/` are the same directory.

From Kafka 4.2 `log.dirs` and `log.dir` are lists that drop an item repeated letter for
letter before anything else sees it (a warning, reported by ZKL323); the same directory
written two ways is still fatal there. When the Kafka version is guessed rather than given,
a letter-for-letter repeat is a warning: it is fatal only before 4.2.

Remove the second entry. Paths that differ by `..` or by a symbolic link are not reported:
whether they meet depends on the disk.
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/data/kafka,/data/kafka/\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n", .kafka_version = "3.9"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/data1/kafka,/data2/kafka\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n", .kafka_version = "3.9"}},
  };
  return m;
}

void KafkaDuplicateLogDir::check(const LintContext& ctx, Reporter& out) const {
  const auto& model = ctx.model<support::KafkaModel>();
  const Entry* e = model.log_dirs_entry();
  if (!model.log_dirs() || e == nullptr) return;
  const auto& dirs = *model.log_dirs();
  const bool repeats_dropped = kafka_fact::duplicate_list_items_deduplicated.holds_in(model.version());
  std::vector<std::string> keys;
  for (std::size_t i = 0; i < dirs.size(); ++i) {
    keys.push_back(same_directory_key(dirs[i].text));
    for (std::size_t j = 0; j < i; ++j) {
      if (keys[j] != keys[i]) continue;
      const bool letter_for_letter = dirs[j].text == dirs[i].text;
      if (letter_for_letter && repeats_dropped) break;
      const std::string first(dirs[j].text), second(dirs[i].text);
      auto d = out.report_value_part(*e, dirs[i].begin, dirs[i].end,
                                     std::string(e->key) + " names the directory " + first + " twice" +
                                         (letter_for_letter ? "" : " (as " + quoted(first) + " and " + quoted(second) + ")") +
                                         ": the broker refuses to start (KafkaException: Duplicate log directory found)");
      d.help("remove the second entry");
      break;
    }
  }
}

}  // namespace zklint::rules
