// The CI gate: a run that finds nothing to lint fails, reports land in the file meant for them,
// and what is printed can be narrowed without changing the exit code.
#include <doctest/doctest.h>

#include "cli_support.hpp"

using zklint::test::Scratch;

namespace {
constexpr const char* broker_with_error = "broker.id=1\nlog.dirs=/var/lib/kafka\nzookeeper.connect=zk1:2181 zk2:2181/kafka\n";
}  // namespace

TEST_CASE("a run that finds no config fails unless --allow-empty") {
  Scratch s;
  s.write("docs/readme.md", "nothing here\n");
  const auto empty = s.zklint("docs");
  CHECK(empty.exit_code == 2);
  CHECK(empty.err.find("zklint: no Kafka or ZooKeeper config found under docs") != std::string::npos);
  CHECK(s.zklint("--allow-empty docs").exit_code == 0);
  // Everything excluded is nothing found, too.
  s.write("conf/server.properties", "broker.id=1\n");
  s.write(".zklint.json", R"({"exclude": ["conf"]})");
  CHECK(s.zklint("conf").exit_code == 2);
  // The SARIF of an empty run records the failure.
  const auto sarif = s.zklint("--format sarif docs");
  CHECK(sarif.exit_code == 2);
  CHECK(sarif.out.find("\"executionSuccessful\": false") != std::string::npos);
}

TEST_CASE("--output FORMAT=FILE, the positional form, and the mistakes both can make") {
  Scratch s;
  s.write("server.properties", broker_with_error);
  // The issue's case: the positional -o belongs to the first -f (json), but the name says SARIF.
  const auto mismatch = s.zklint("-f json -f sarif -o x.sarif server.properties");
  CHECK(mismatch.exit_code == 2);
  CHECK(mismatch.err.find("--output x.sarif would receive the json report") != std::string::npos);
  CHECK(mismatch.err.find("--output sarif=x.sarif") != std::string::npos);
  CHECK(!std::filesystem::exists(s.path() / "x.sarif"));
  CHECK(s.zklint("-f text -o r.json server.properties").exit_code == 2);

  // The explicit form writes each report where it is named, whatever the order.
  const auto explicit_form = s.zklint("-o sarif=x.sarif --output json=r.json -f concise server.properties");
  CHECK(explicit_form.exit_code == 1);
  CHECK(s.read("x.sarif").find("\"version\": \"2.1.0\"") != std::string::npos);
  CHECK(s.read("r.json").find("\"schema_version\": 1") != std::string::npos);
  CHECK(explicit_form.out.find("server.properties:3:19: error:") != std::string::npos);

  // The old positional pairing still works when the names agree.
  CHECK(s.zklint("-f sarif -o old.sarif -f json -o old.json server.properties").exit_code == 1);
  CHECK(s.read("old.sarif").find("\"version\": \"2.1.0\"") != std::string::npos);
  CHECK(s.read("old.json").find("\"schema_version\": 1") != std::string::npos);
  CHECK(s.zklint("-f json -o report.out server.properties").exit_code == 1);  // an extension that says nothing

  // One file, two reports: refused, also through another spelling of the same path.
  const auto twice = s.zklint("-o json=r.json -o sarif=./r.json server.properties");
  CHECK(twice.exit_code == 2);
  CHECK(twice.err.find("would receive two reports") != std::string::npos);
  CHECK(s.zklint("-o extra.json server.properties").exit_code == 2);  // no --format for it
  CHECK(s.zklint("-f json -f sarif server.properties").exit_code == 2);  // two on standard output
}

TEST_CASE("--format concise prints one line per finding") {
  Scratch s;
  s.write("server.properties", broker_with_error);
  const auto r = s.zklint("--format concise server.properties");
  CHECK(r.exit_code == 1);
  CHECK(r.out.rfind("server.properties:3:19: error: ", 0) == 0);
  CHECK(r.out.find(" [ZKL103]\n") != std::string::npos);
  for (std::size_t start = 0, end; (end = r.out.find('\n', start)) != std::string::npos; start = end + 1) {
    CHECK(r.out.compare(start, 18, "server.properties:") == 0);  // no snippets, no help lines
  }
}

TEST_CASE("--statistics counts findings per rule, most frequent first") {
  Scratch s;
  s.write("server.properties", "broker.id=1\nlog.dirs=/data\nzookeeper.connect=zk1:2181\nlog.retention.hourz=1\nnum.partitionz=3\nlog.dirs=/x\n");
  const auto r = s.zklint("--statistics --select ZKL201,ZKL002 server.properties");
  CHECK(r.exit_code == 1);
  CHECK(r.out == "2  ZKL201  unknown-key\n1  ZKL002  duplicate-key\n");
}

TEST_CASE("--show-severity filters what is printed, not the exit code") {
  Scratch s;
  s.write("server.properties", "broker.id=1\nlog.dirs=/data\nzookeeper.connect=zk1:2181 zk2:2181\nlog.dirs=/x\n");
  const auto all = s.zklint("--format concise server.properties");
  REQUIRE(all.out.find(": warning: ") != std::string::npos);
  const auto errors = s.zklint("--format concise --show-severity error server.properties");
  CHECK(errors.exit_code == 1);
  CHECK(errors.out.find(": error: ") != std::string::npos);
  CHECK(errors.out.find(": warning: ") == std::string::npos);
  CHECK(errors.out.find(": info: ") == std::string::npos);
  CHECK(errors.err.find("not shown") != std::string::npos);
  // Only warnings and infos: nothing printed, and still exit 1 under the default --fail-on warning.
  s.write("warn.properties", "broker.id=1\nlog.dirs=/data\nzookeeper.connect=zk1:2181\nlog.dirs=/x\n");
  const auto hidden = s.zklint("--format concise --show-severity error warn.properties");
  CHECK(hidden.exit_code == 1);
  CHECK(hidden.out.empty());
}

TEST_CASE("colors follow --color, NO_COLOR and FORCE_COLOR") {
  Scratch s;
  s.write("server.properties", broker_with_error);
  const std::string escape = "\x1b[";
  CHECK(s.zklint("server.properties").out.find(escape) == std::string::npos);  // not a terminal
  CHECK(s.zklint("server.properties", "", "FORCE_COLOR=1 ").out.find(escape) != std::string::npos);
  CHECK(s.zklint("server.properties", "", "FORCE_COLOR=1 NO_COLOR=1 ").out.find(escape) == std::string::npos);
  CHECK(s.zklint("--color always server.properties", "", "NO_COLOR=1 ").out.find(escape) != std::string::npos);
  CHECK(s.zklint("--color never server.properties", "", "FORCE_COLOR=1 ").out.find(escape) == std::string::npos);
}

TEST_CASE("--select and --ignore suggest the nearest code, name or family") {
  Scratch s;
  s.write("server.properties", broker_with_error);
  CHECK(s.zklint("--select ZLK103 server.properties").err.find("did you mean 'ZKL103'?") != std::string::npos);
  CHECK(s.zklint("--ignore zk-clinet server.properties").err.find("did you mean 'zk-client'?") != std::string::npos);
  CHECK(s.zklint("--ignore duplicat-key server.properties").err.find("did you mean 'duplicate-key'?") != std::string::npos);
}

TEST_CASE("SARIF messages are punctuated sentences, with Markdown apart from the text, and help at the release's docs") {
  Scratch s;
  s.write("server.properties", "broker.id=1\nlog.dirs=/data\nzookeeper.connect=zk1:2181/kafka,zk2:2181\n");
  const auto r = s.zklint("--format sarif server.properties");
  CHECK(r.out.find("the broker only connects to one host. Did you mean: zookeeper.connect=zk1:2181,zk2:2181/kafka\"") != std::string::npos);
  CHECK(r.out.find("one host. Did you mean `zookeeper.connect=zk1:2181,zk2:2181/kafka`?\"") != std::string::npos);
  CHECK(r.out.find("one host Did you mean") == std::string::npos);
  const std::string version_line = s.zklint("--version").out;  // "zklint X.Y.Z\n"
  const std::string version = version_line.substr(7, version_line.find('\n') - 7);
  CHECK(r.out.find("/blob/v" + version + "/rules/README.md#zkl104-zk-chroot-not-last") != std::string::npos);
  CHECK(r.out.find("/blob/main/") == std::string::npos);
}
