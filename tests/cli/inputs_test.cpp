// Inputs: standard input, directory walking, files that are not files, binary and foreign files.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli_support.hpp"

using zklint::test::Scratch;

TEST_CASE("standard input with --stdin-filename") {
  Scratch s;
  const auto r = s.zklint("--stdin-filename conf/app.properties -", zklint::test::duplicate_key_file);
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("conf/app.properties:1:1: warning:") != std::string::npos);
  const auto plain = s.zklint("-", "k=v\n");
  CHECK(plain.exit_code == 0);
}

TEST_CASE("directories are walked for Kafka and ZooKeeper config names, skipping VCS and build folders") {
  Scratch s;
  s.write("cluster/kafka/server.properties", "broker.id=1\nbroker.id=2\n");
  s.write("cluster/zk/zoo1.cfg", "tickTime=2000\ntickTime=3000\n");
  s.write("cluster/kafka/log4j.properties", "log4j.rootLogger=INFO\nlog4j.rootLogger=WARN\n");  // not a broker config
  s.write("cluster/app/application.properties", zklint::test::duplicate_key_file);          // not ours
  s.write(".git/server.properties", "broker.id=1\nbroker.id=2\n");
  s.write("build/zoo.cfg", "tickTime=2000\ntickTime=3000\n");
  ::symlink(".", (s.path() / "cluster/loop").c_str());  // a symlink loop must not hang the walk
  const auto r = s.zklint("--format json --select duplicate-key .");
  CHECK(r.out.find("cluster/kafka/server.properties") != std::string::npos);
  CHECK(r.out.find("cluster/zk/zoo1.cfg") != std::string::npos);
  CHECK(r.out.find("log4j") == std::string::npos);
  CHECK(r.out.find("application.properties") == std::string::npos);
  CHECK(r.out.find(".git/") == std::string::npos);
  CHECK(r.out.find("build/") == std::string::npos);
  CHECK(r.out.find("loop/") == std::string::npos);
}

TEST_CASE("directories, FIFOs, devices and binary files given as files get a clear message and exit 2") {
  Scratch s;
  s.write("dir/x", "");
  ::mkfifo((s.path() / "fifo.properties").c_str(), 0600);
  s.write("binary.properties", std::string("k=v\0\x01\x02", 6));
  s.write("utf16.properties", std::string("\xFF\xFEk\0=\0v\0", 8));
  const auto fifo = s.zklint("fifo.properties");
  CHECK(fifo.exit_code == 2);
  CHECK(fifo.out.find("is a FIFO") != std::string::npos);
  CHECK(s.zklint("dump dir").err.find("is a directory") != std::string::npos);
  CHECK(s.zklint("/dev/null").out.find("character device") != std::string::npos);
  CHECK(s.zklint("binary.properties").out.find("NUL bytes") != std::string::npos);
  CHECK(s.zklint("utf16.properties").out.find("UTF-16") != std::string::npos);
  CHECK(s.zklint("binary.properties").exit_code == 2);
}

TEST_CASE("a server.properties that is not Kafka's gets one info note and nothing else") {
  Scratch s;
  s.write("server.properties", "server-port=25565\nmotd=A Minecraft Server\nlevel-name=world\nlevel-name=world\n");
  const auto r = s.zklint("server.properties");
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("ZKL905 not-a-kafka-config") != std::string::npos);
  CHECK(r.out.find("ZKL002") == std::string::npos);
}

TEST_CASE("template placeholders are never reported as typos or syntax errors") {
  Scratch s;
  s.write("app.properties", "{% if tls %}\nmode={{ mode }}\n{% else %}\nmode=${MODE}\n{% endif %}\n{{ key }}={{ value }}\nk\\u{{ x }}=1\n");
  const auto r = s.zklint("app.properties");
  CHECK(r.out.find("ZKL002") == std::string::npos);
  CHECK(r.out.find("ZKL009") == std::string::npos);
  CHECK(r.out.find("ZKL001") == std::string::npos);
}

TEST_CASE("dump shows what Java loads, and exits 1 when Java would refuse the file") {
  Scratch s;
  s.write("a.properties", "k = v \\\n   w\n");
  const auto ok = s.zklint("dump a.properties");
  CHECK(ok.exit_code == 0);
  CHECK(ok.out.find("\"k\": \"v w\"") != std::string::npos);
  s.write("bad.properties", "a=1\nb=\\u12\n");
  const auto bad = s.zklint("dump bad.properties");
  CHECK(bad.exit_code == 1);
  CHECK(bad.out.find("Malformed \\\\uxxxx encoding.") != std::string::npos);
}
