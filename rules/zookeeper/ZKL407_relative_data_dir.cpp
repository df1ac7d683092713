// ZKL407 relative-data-dir: dataDir or dataLogDir is relative to whatever directory ZooKeeper starts in.
#include "support/zookeeper_reporting.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(RelativeDataDir)

namespace zklint::rules {

const RuleMeta& RelativeDataDir::meta() const {
  static const RuleMeta m{
      .code = "ZKL407",
      .name = "relative-data-dir",
      .severity = Severity::warning,
      .applies_to = FileKinds::zookeeper(),
      .summary = "dataDir or dataLogDir is a relative path, resolved against the directory ZooKeeper is started from",
      .doc = R"md(
A relative `dataDir` or `dataLogDir` is resolved against the working directory of the
ZooKeeper process, which depends on how it is started (a service manager, `zkServer.sh`
from some directory, a container entrypoint). Started from another directory, ZooKeeper
silently begins with an empty data directory: a standalone server forgets every znode,
and a quorum member either cannot find its `myid` file (`myid file is missing`) or joins
with no data. ZooKeeper itself only logs a warning that the path is relative.

A `~` is not expanded either: `~/zookeeper` is a directory named `~` in the working
directory. Windows paths with a drive letter (`C:/kafka/zookeeper-data`) are absolute.

Use an absolute path. (Empty and one-character relative paths crash ZooKeeper; see
`data-dir-crash`.)
)md",
      .bad = {{.text = "tickTime=2000\ndataDir=data/zookeeper\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n"}},
      .good = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n"}},
  };
  return m;
}

void RelativeDataDir::check(const LintContext& ctx, Reporter& out) const {
  for (const std::string_view key : {"dataDir", "dataLogDir"}) {
    const Entry* e = ctx.find(key);
    if (e == nullptr || support::placeholder_value(ctx, *e)) continue;
    const std::string path = support::java_file_path(java_trim(e->value));
    if (path.size() < 2 || support::absolute_path(path)) continue;  // data-dir-crash, or absolute
    const std::string tilde = path.front() == '~' ? " (Java does not expand '~': it is a directory named '~')" : "";
    support::report_trimmed_value(out, *e, std::string(key) + " " + quoted(path) + " is relative" + tilde +
                                               ": it is resolved against the directory ZooKeeper is started from, so another start directory means an empty data directory")
        .help("use an absolute path");
  }
}

}  // namespace zklint::rules
