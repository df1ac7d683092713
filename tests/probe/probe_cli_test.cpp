// `zklint probe` without servers: usage errors, nothing to probe, a refused loopback port, and how
// a four-letter-word reply is read. The probe against real ZooKeeper servers is tests/live/.
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <doctest/doctest.h>

#include "../cli/cli_support.hpp"
#include "four_letter_words.hpp"

using zklint::test::Scratch;

namespace {

// A loopback port nothing listens on: bound to find a free one, then released.
int closed_loopback_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t length = sizeof address;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(fd);
  return ntohs(address.sin_port);
}

}  // namespace

TEST_CASE("probe: usage errors exit 2 with a message") {
  Scratch s;
  s.write("server.properties", "broker.id=1\nzookeeper.connect=127.0.0.1:2181\n");
  for (const std::string args : {"--timeout 0", "--timeout abc", "--resolve zk1", "--resolve zk1=not-an-ip", "--max-time -1", "--format nope"}) {
    CAPTURE(args);
    const auto r = s.zklint("probe " + args + " server.properties");
    CHECK(r.exit_code == 2);
    CHECK(!r.err.empty());
  }
}

TEST_CASE("probe: a config that names nothing to connect to is a usage error, not a pass") {
  Scratch s;
  s.write("zoo.cfg", "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\n");
  const auto r = s.zklint("probe zoo.cfg");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("nothing to probe") != std::string::npos);
  CHECK(r.err.find("--local") != std::string::npos);
}

TEST_CASE("probe: a refused loopback port is an error at the host in zookeeper.connect, exit 1") {
  Scratch s;
  const int port = closed_loopback_port();
  s.write("server.properties", "broker.id=1\nzookeeper.connect=127.0.0.1:" + std::to_string(port) + "/kafka\n");
  const auto r = s.zklint("probe --format concise server.properties");
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("server.properties:2:19: error: ZooKeeper server 127.0.0.1:" + std::to_string(port) + " refused the connection") != std::string::npos);
  CHECK(r.out.find("[ZKL602]") != std::string::npos);
  CHECK(r.err.find("refused (127.0.0.1): Connection refused") != std::string::npos);  // the transcript
  const auto quiet = s.zklint("probe -q --format concise server.properties");
  CHECK(quiet.err.empty());
}

TEST_CASE("probe: --resolve answers for a name before the resolver is asked") {
  Scratch s;
  const int port = closed_loopback_port();
  s.write("server.properties", "broker.id=1\nzookeeper.connect=zk-not-in-dns.invalid:" + std::to_string(port) + "\n");
  const auto r = s.zklint("probe --format concise --resolve zk-not-in-dns.invalid=127.0.0.1 server.properties");
  CHECK(r.out.find("[ZKL602]") != std::string::npos);
  CHECK(r.out.find("[ZKL601]") == std::string::npos);
}

TEST_CASE("probe: the lint run never probes (the live rules are off there)") {
  Scratch s;
  s.write("server.properties", "broker.id=1\nzookeeper.connect=127.0.0.1:" + std::to_string(closed_loopback_port()) + "\n");
  const auto r = s.zklint("--select live --format concise server.properties");
  CHECK(r.out.find("ZKL6") == std::string::npos);
}

TEST_CASE("four-letter words: srvr, a word outside the whitelist, ruok, conf, mntr") {
  zklint::ZooKeeperStatus z;
  // Replies as ZooKeeper 3.8.0 (Debian) sends them.
  zklint::probe::read_reply("srvr",
                            "Zookeeper version: 3.8.0-${mvngit.commit.id}, built on ${git.timestamp}\nLatency min/avg/max: 0/0.0/0\nReceived: 3\n"
                            "Sent: 2\nConnections: 1\nOutstanding: 0\nZxid: 0x100000002\nMode: leader\nNode count: 5\n",
                            z);
  zklint::probe::read_reply("ruok", "ruok is not executed because it is not in the whitelist.\n", z);
  zklint::probe::read_reply("conf", "clientPort=2181\nmaxSessionTimeout=40000\n", z);
  zklint::probe::read_reply("mntr", "zk_version\t3.8.0\nzk_server_state\tleader\n", z);
  CHECK(z.srvr_answered);
  CHECK(z.serving);
  CHECK(z.mode == "leader");
  CHECK(z.version == "3.8.0");
  CHECK(z.outstanding == 0);
  CHECK(z.zxid == 0x100000002);
  CHECK(z.blocked == std::vector<std::string>{"ruok"});
  CHECK(z.answered == std::vector<std::string>{"srvr", "conf", "mntr"});
  CHECK(z.conf_value("maxSessionTimeout") == "40000");
  CHECK(z.mntr_value("zk_server_state") == "leader");

  zklint::ZooKeeperStatus idle;
  zklint::probe::read_reply("srvr", "This ZooKeeper instance is not currently serving requests\n", idle);
  CHECK(idle.srvr_answered);
  CHECK(!idle.serving);
}
