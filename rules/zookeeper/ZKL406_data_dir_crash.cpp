// ZKL406 data-dir-crash: an empty or one-character relative dataDir/dataLogDir crashes ZooKeeper.
#include "support/zookeeper_reporting.hpp"
#include "zklint/lint/rule.hpp"

ZKL_RULE(DataDirCrash)

namespace zklint::rules {

const RuleMeta& DataDirCrash::meta() const {
  static const RuleMeta m{
      .code = "ZKL406",
      .name = "data-dir-crash",
      .severity = Severity::error,
      .applies_to = FileKinds::zookeeper(),
      .summary = "dataDir or dataLogDir is empty or a one-character relative path, which crashes ZooKeeper",
      .doc = R"md(
Before it uses `dataDir` and `dataLogDir`, ZooKeeper checks whether the path is relative
so that it can log a warning. That check looks at the first two characters of the path
and has no case for shorter ones: an empty value (`dataDir=`), `.`, `./`, or any other
relative path of one character (`d`, `d/`) makes it throw
`StringIndexOutOfBoundsException: begin 0, end 2, length 1` and ZooKeeper dies at startup
with a stack trace instead of a configuration error. (`java.io.File` drops a trailing `/`,
so `a/` counts as one character.)

Use an absolute path.
)md",
      .bad = {{.text = "tickTime=2000\ndataDir=.\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n"}},
      .good = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n"}},
  };
  return m;
}

void DataDirCrash::check(const LintContext& ctx, Reporter& out) const {
  for (const std::string_view key : {"dataDir", "dataLogDir"}) {
    const Entry* e = ctx.find(key);
    if (e == nullptr || support::placeholder_value(ctx, *e)) continue;
    const std::string path = support::java_file_path(java_trim(e->value));
    if (path.size() >= 2 || support::absolute_path(path)) continue;
    const std::string what = path.empty() ? std::string(key) + " is empty" : std::string(key) + " " + quoted(java_trim(e->value)) + " is a one-character relative path";
    support::report_trimmed_value(out, *e, what + ": ZooKeeper crashes at startup with StringIndexOutOfBoundsException while checking the path")
        .help("use an absolute path such as /var/lib/zookeeper");
  }
}

}  // namespace zklint::rules
