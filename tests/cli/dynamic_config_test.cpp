// The file a zoo.cfg's dynamicConfigFile names is read when it sits beside the zoo.cfg
// (dynamic-config-contents, ZKL443): on disk by the command line, and by lint_text from the files
// given as beside it.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <functional>

#include "cli_support.hpp"
#include "zklint/lint/engine.hpp"
#include "zklint/lint/rule.hpp"

using namespace zklint;

namespace {

constexpr const char* static_cfg =
    "tickTime=2000\ndataDir=/var/lib/zookeeper\ninitLimit=10\nsyncLimit=5\ndynamicConfigFile=/etc/zookeeper/zoo.cfg.dynamic.100000000\n";
constexpr const char* members = "server.1=zk1:2888:3888;2181\nserver.2=zk2:2888:3888;2181\nserver.3=zk3:2888:3888;2181\n";

// The findings of one rule, in the engine's order (position, then message).
std::vector<Diagnostic> of_rule(const std::vector<Diagnostic>& all, std::string_view code) {
  std::vector<Diagnostic> out;
  for (const Diagnostic& d : all) {
    if (d.rule->meta().code == code) out.push_back(d);
  }
  return out;
}

std::vector<Diagnostic> lint_beside(const std::string& cfg, const std::string& dynamic, const std::string& dynamic_name = "zoo.cfg.dynamic.100000000") {
  SingleFileOptions options;
  options.file_name = "zoo.cfg";
  options.beside.push_back({dynamic_name, dynamic});
  return lint_text(cfg, options).diagnostics;
}

}  // namespace

TEST_CASE("dynamic config: each key ZooKeeper refuses in the dynamic file, at dynamicConfigFile, pointing at its line") {
  const auto found = of_rule(lint_beside(static_cfg, std::string(members) + "clientPort=2181\nversion=100000000\n"), "ZKL443");
  REQUIRE(found.size() == 2);
  CHECK(found[0].severity == Severity::error);
  CHECK(found[0].range.begin.line == 5);
  CHECK(found[0].message.find("has a version line: ZooKeeper refuses to start (dynamic file shouldn't have version inside)") != std::string::npos);
  REQUIRE(found[0].related.size() == 1);
  CHECK(found[0].related[0].path == "zoo.cfg.dynamic.100000000");
  CHECK(found[0].related[0].range.begin.line == 5);
  CHECK(found[1].message.find("sets 'clientPort', which belongs in zoo.cfg: ZooKeeper refuses to start (Unrecognised parameter: clientPort)") !=
        std::string::npos);
  REQUIRE(found[1].related.size() == 1);
  CHECK(found[1].related[0].range.begin.line == 4);
}

TEST_CASE("dynamic config: unreadable members and an ensemble zoo.cfg cannot run") {
  CHECK(of_rule(lint_beside(static_cfg, members), "ZKL443").empty());
  const auto two_fields = of_rule(lint_beside(static_cfg, "server.1=zk1:2888:3888\nserver.2=zk2:2888\nserver.3=zk3:2888:3888\n"), "ZKL443");
  REQUIRE(two_fields.size() == 1);
  CHECK(two_fields[0].message.find("server.2 cannot be read") != std::string::npos);
  CHECK(two_fields[0].related[0].range.begin.line == 2);
  // Blanks after a port are read as part of it; after the type they are trimmed (QuorumServer).
  CHECK(of_rule(lint_beside(static_cfg, "server.1=zk1:2888:3888 \nserver.2=zk2:2888:3888\nserver.3=zk3:2888:3888\n"), "ZKL443").size() == 1);
  CHECK(of_rule(lint_beside(static_cfg, "server.1=zk1:2888:3888:participant \nserver.2=zk2:2888:3888\nserver.3=zk3:2888:3888\n"), "ZKL443").empty());
  const auto observers = of_rule(lint_beside(static_cfg, "server.1=zk1:2888:3888:observer\n"), "ZKL443");
  REQUIRE(observers.size() == 1);
  CHECK(observers[0].message.find("Observers w/o participants") != std::string::npos);
  const std::string no_init = "tickTime=2000\ndataDir=/var/lib/zookeeper\nsyncLimit=5\ndynamicConfigFile=zoo.cfg.dynamic.100000000\n";
  const auto limits = of_rule(lint_beside(no_init, members), "ZKL443");
  REQUIRE(limits.size() == 1);
  CHECK(limits[0].message.find("zoo.cfg does not set initLimit (initLimit is not set)") != std::string::npos);
  const auto zero = of_rule(lint_beside("tickTime=2000\ndataDir=/var/lib/zookeeper\ninitLimit=0\nsyncLimit=5\ndynamicConfigFile=zoo.cfg.dynamic.100000000\n", members), "ZKL443");
  REQUIRE(zero.size() == 1);
  CHECK(zero[0].message.find("zoo.cfg sets initLimit=0 (initLimit is not set)") != std::string::npos);
  // One participant runs standalone: no limits needed.
  CHECK(of_rule(lint_beside(no_init, "server.1=zk1:2888:3888;2181\n"), "ZKL443").empty());
}

TEST_CASE("dynamic config: only the file of the name dynamicConfigFile gives is read") {
  CHECK(of_rule(lint_beside(static_cfg, "clientPort=2181\n", "zoo.cfg.dynamic.200000000"), "ZKL443").empty());
  const std::string templated = "tickTime=2000\ndataDir=/var/lib/zookeeper\ndynamicConfigFile={{ zk_dynamic_file }}\n";
  CHECK(of_rule(lint_beside(templated, "clientPort=2181\n", "{{ zk_dynamic_file }}"), "ZKL443").empty());
}

TEST_CASE("dynamic config: the command line reads the file beside zoo.cfg, and reports nothing without it") {
  const test::Scratch s;
  s.write("conf/zoo.cfg", static_cfg);
  s.write("conf/zoo.cfg.dynamic.100000000", std::string(members) + "clientPort=2181\n");
  const test::Run r = s.zklint("--select ZKL443 conf/zoo.cfg");
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("conf/zoo.cfg:5:") != std::string::npos);
  CHECK(r.out.find("Unrecognised parameter: clientPort") != std::string::npos);
  CHECK(r.out.find("note: set here at conf/zoo.cfg.dynamic.100000000:4:1\n") != std::string::npos);
  // The dynamic file is read, not reported on: only zoo.cfg was asked about.
  CHECK(r.out.find("conf/zoo.cfg.dynamic.100000000:4:1: ") == std::string::npos);
  std::filesystem::remove(s.path() / "conf/zoo.cfg.dynamic.100000000");
  const test::Run without = s.zklint("--select ZKL443 conf/zoo.cfg");
  CHECK(without.exit_code == 0);
}

TEST_CASE("dynamic config: a file of that name zklint cannot read is named in an info finding, and zoo.cfg is still linted") {
  const std::string dynamic = "conf/zoo.cfg.dynamic.100000000";
  const auto unreadable = [&](const std::function<void(const test::Scratch&)>& make, const std::string& why) {
    const test::Scratch s;
    s.write("conf/zoo.cfg", static_cfg);
    make(s);
    const test::Run r = s.zklint("--select ZKL443 conf/zoo.cfg");
    CHECK(r.exit_code == 0);  // info: nothing ZooKeeper is known to refuse
    CHECK(r.out.find("conf/zoo.cfg:5:") != std::string::npos);
    CHECK(r.out.find("info: the file beside it that dynamicConfigFile names was not checked: " + dynamic + " " + why) != std::string::npos);
  };
  unreadable([&](const test::Scratch& s) { s.write(dynamic, std::string("server.1=zk1:2888:3888\0\x01\x02", 25)); }, "contains NUL bytes");
  unreadable([&](const test::Scratch& s) { std::filesystem::create_directories(s.path() / dynamic); }, "is a directory, not a file");
  unreadable([&](const test::Scratch& s) { CHECK(::mkfifo((s.path() / dynamic).c_str(), 0644) == 0); }, "is a FIFO");
  // A sparse file over the 1 GiB cap: refused by its size, never read.
  unreadable([&](const test::Scratch& s) { std::filesystem::resize_file(s.write(dynamic, ""), (std::uintmax_t{1} << 30) + 1); }, "is larger than 1 GiB");
}

TEST_CASE("dynamic config: group/weight lines of the dynamic file, at dynamicConfigFile, pointing at the exact place in the file") {
  // The related location is where to look in the dynamic file: "line:column-end column".
  const auto place = [](const Diagnostic& d) {
    REQUIRE_FALSE(d.related.empty());
    const Range& r = d.related[0].range;
    CHECK(d.related[0].path == "zoo.cfg.dynamic.100000000");
    CHECK(r.begin.line == r.end.line);
    return std::to_string(r.begin.line) + ":" + std::to_string(r.begin.column) + "-" + std::to_string(r.end.column);
  };
  const auto groups = of_rule(lint_beside(static_cfg, std::string(members) + "server.4=zk4:2888:3888:observer\ngroup.1=1:4:2\n"), "ZKL437");
  REQUIRE(groups.size() == 2);
  for (const Diagnostic& d : groups) CHECK(d.range.begin.line == 5);  // dynamicConfigFile
  CHECK(groups[0].message.find("zoo.cfg.dynamic.100000000: server 3 votes but is in no group: ZooKeeper refuses to start (Server 3 is not in a group)") !=
        std::string::npos);
  CHECK(place(groups[0]) == "3:1-9");  // the key server.3
  CHECK(groups[0].help == "add 3 to one group.N line");
  CHECK(groups[1].message.find("server 4 is not a voting server.N and has no weight") != std::string::npos);
  CHECK(place(groups[1]) == "5:11-12");  // the 4 in group.1=1:4:2

  const auto syntax = of_rule(lint_beside(static_cfg, std::string(members) + "group.1=1:2\ngroup.2=2:x3\nweight.1=1 \n"), "ZKL437");
  REQUIRE(syntax.size() == 3);
  // In the engine's order: same position, so by message.
  CHECK(syntax[0].message.find("'x3' is not a server id") != std::string::npos);
  CHECK(place(syntax[0]) == "5:11-13");
  CHECK(syntax[1].message.find("server 2 is already in group.1") != std::string::npos);
  CHECK(place(syntax[1]) == "5:9-10");
  REQUIRE(syntax[1].related.size() == 2);
  CHECK(syntax[1].related[1].message == "the other group");
  CHECK(syntax[1].related[1].range.begin.line == 4);
  // Read untrimmed in the dynamic file, where nothing else reports the blank.
  CHECK(syntax[2].message.find("the weight '1 ' is not a number") != std::string::npos);
  CHECK(place(syntax[2]) == "6:10-12");

  // Weighted groups count their participants like any ensemble (parseDynamicConfig).
  const auto observers = of_rule(lint_beside(static_cfg, "server.1=zk1:2888:3888\nserver.2=zk2:2888:3888:observer\ngroup.1=1:2\nweight.2=1\n"), "ZKL443");
  REQUIRE(observers.size() == 1);
  CHECK(observers[0].message.find("Observers w/o quorum") != std::string::npos);
}

TEST_CASE("dynamic config: groups split between zoo.cfg and the dynamic file") {
  // ZooKeeper refuses zoo.cfg's group line beside dynamicConfigFile, and reads the groups of the
  // dynamic file alone: server 3 is in none there, and the advice is to move zoo.cfg's line.
  const auto found = lint_beside(std::string(static_cfg) + "group.2=3\n", std::string(members) + "group.1=1:2\n");
  const auto refused = of_rule(found, "ZKL436");
  REQUIRE(refused.size() == 1);
  CHECK(refused[0].range.begin.line == 6);
  const auto groups = of_rule(found, "ZKL437");
  REQUIRE(groups.size() == 1);
  CHECK(groups[0].message.find("server 3 votes but is in no group") != std::string::npos);
  CHECK(groups[0].help == "move 'group.2' from zoo.cfg (line 6) into the dynamic file: ZooKeeper reads groups and weights from the dynamic file only");
  // With the line moved there, nothing is left.
  const auto moved = lint_beside(static_cfg, std::string(members) + "group.1=1:2\ngroup.2=3\n");
  CHECK(of_rule(moved, "ZKL436").empty());
  CHECK(of_rule(moved, "ZKL437").empty());
  CHECK(of_rule(moved, "ZKL443").empty());
}
