// ZKL105 zk-chroot-invalid: a chroot ZooKeeper's path validation rejects.
#include "support/value_edits.hpp"
#include "support/zookeeper_connect.hpp"
#include "zklint/grammar/connect_string_messages.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(ZkChrootInvalid)

namespace zklint::rules {

const RuleMeta& ZkChrootInvalid::meta() const {
  static const RuleMeta m{
      .code = "ZKL105",
      .name = "zk-chroot-invalid",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "The chroot of zookeeper.connect is not a valid ZooKeeper path",
      .doc = R"md(
The chroot (everything from the first `/` of `zookeeper.connect`) must be a valid
ZooKeeper path. The client validates it when the broker creates its ZooKeeper client and
rejects:

- a trailing `/` (`/kafka/`) — `/` alone is fine and means "no chroot";
- an empty node name (`/kafka//prod`);
- a `.` or `..` segment (`/kafka/../prod`);
- NUL, control characters (U+0001-U+001F, U+007F-U+009F), surrogates and private-use
  characters (U+D800-U+F8FF, which includes every character outside the BMP), and U+FFF0-U+FFFF.

The broker then stops during startup with an `IllegalArgumentException` saying the path
string is invalid and why (or that the path must not end with a `/`). Blanks, commas,
colons and other non-ASCII characters are legal.

The fix removes a trailing `/`; the other cases need a decision about the right path.
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka/\n",
               .kafka_version = "3.9",
               .fixed = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"},
              {.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka/../prod\n", .kafka_version = "3.9"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka/prod-1\n", .kafka_version = "3.9"}},
      .fix = FixSafety::safe,
  };
  return m;
}

void ZkChrootInvalid::check(const LintContext& ctx, Reporter& out) const {
  namespace cs = grammar::connect_string;
  const auto& zk = ctx.model<support::ZooKeeperClientSettings>();
  if (!zk.uses_zookeeper || !zk.parsed || !zk.parsed->chroot) return;
  const cs::Chroot& chroot = *zk.parsed->chroot;
  const std::string_view value = zk.connect_value();
  for (const cs::PathIssue& issue : chroot.issues) {
    auto report = out.report_value_part(*zk.connect, issue.at.begin, issue.at.end,
                                        "invalid chroot " + quoted(chroot.text.of(value)) + ": " + std::string(cs::message(issue.kind)) +
                                            "; the ZooKeeper client throws " + std::string(cs::java_exception(issue.kind)) + " and the broker does not start");
    if (issue.kind != cs::PathError::trailing_slash) continue;
    report.fix("remove the trailing '/'", {support::replace_in_value(*zk.connect, issue.at.begin, issue.at.end, "")});
  }
}

}  // namespace zklint::rules
