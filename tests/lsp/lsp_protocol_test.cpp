// `zklint lsp` driven through a pipe: lifecycle, diagnostics and positions, code actions, hover,
// completion, clusters and configs, and every kind of bad input.
#include <fstream>
#include <sstream>

#include "../cli/cli_support.hpp"
#include "lsp_client.hpp"

namespace zklint::test {
namespace {

std::string fixture_base(const std::string& name) {
  std::ifstream in(std::filesystem::path(ZKLINT_SOURCE_DIR) / "rules" / "fixture-bases" / name, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// A ZooKeeper-mode broker that starts, with `extra` lines after the base's.
std::string broker(const std::string& extra = "") { return fixture_base("zk-broker.properties") + extra; }

// The ZooKeeper ensemble the broker base connects to (zk1-zk3 on 2181), as one member's config.
std::string ensemble() { return fixture_base("zoo.cfg") + "initLimit=10\nsyncLimit=5\nserver.1=zk1:2888:3888\nserver.2=zk2:2888:3888\nserver.3=zk3:2888:3888\n"; }

// A broker and a member of the ZooKeeper ensemble it connects to, side by side: one cluster.
struct ClusterFiles {
  Scratch dir;
  std::string kafka = broker(), zoo = ensemble();
  std::filesystem::path broker_file = dir.write("server.properties", kafka), zoo_file = dir.write("zookeeper.properties", zoo);
};

std::string uri_of(const std::filesystem::path& p) { return "file://" + p.string(); }

std::vector<json> with_code(const json& diagnostics, const std::string& code) {
  std::vector<json> out;
  for (const json& d : diagnostics["diagnostics"]) {
    if (d["code"] == code) out.push_back(d);
  }
  return out;
}

json position(int line, int character) { return {{"line", line}, {"character", character}}; }
json text_document(const std::string& uri) { return {{"uri", uri}}; }

// `text` after the edits of one document (LSP TextEdits on UTF-16 positions of ASCII text).
std::string apply_edits(std::string text, json edits) {
  const auto offset = [&](const json& p) {
    std::size_t at = 0;
    for (int line = 0; line < p["line"].get<int>(); ++line) at = text.find('\n', at) + 1;
    return at + p["character"].get<std::size_t>();
  };
  std::sort(edits.begin(), edits.end(), [&](const json& a, const json& b) { return offset(a["range"]["start"]) > offset(b["range"]["start"]); });
  for (const json& e : edits) {
    const std::size_t begin = offset(e["range"]["start"]), end = offset(e["range"]["end"]);
    text.replace(begin, end - begin, e["newText"].get<std::string>());
  }
  return text;
}

const json* find_action(const json& actions, const std::string& title_part) {
  for (const json& a : actions) {
    if (a["title"].get<std::string>().find(title_part) != std::string::npos) return &a;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("lsp: initialize, diagnostics on open, shutdown and exit") {
  Scratch dir;
  const auto file = dir.write("server.properties", broker("port=9092\nlog.retention.hours=abc\n"));
  // Kafka 3.0 removed `port`: a file that sets it is guessed to be for 2.0-2.8, where it is valid,
  // so the release is chosen.
  LspServer server(dir.path(), {"--kafka-version", "3.9"});
  const json init = server.initialize();
  CHECK(init["result"]["capabilities"]["positionEncoding"] == "utf-16");
  CHECK(init["result"]["capabilities"]["textDocumentSync"]["change"] == 2);
  CHECK(init["result"]["serverInfo"]["name"] == "zklint");

  server.open(uri_of(file), dir.read("server.properties"));
  const json published = server.diagnostics(uri_of(file));
  CHECK(published["version"] == 1);
  const auto removed = with_code(published, "ZKL203");
  REQUIRE(removed.size() == 1);
  CHECK(removed[0]["severity"] == 2);
  CHECK(removed[0]["source"] == "zklint");
  CHECK(removed[0]["tags"] == json::array({2}));  // deprecated: a removed key
  CHECK(removed[0]["range"] == json{{"start", position(5, 0)}, {"end", position(5, 4)}});
  CHECK(removed[0]["codeDescription"]["href"].get<std::string>().find("rules/README.md#zkl203-removed-key") != std::string::npos);
  const auto invalid = with_code(published, "ZKL204");
  REQUIRE(invalid.size() == 1);
  CHECK(invalid[0]["severity"] == 1);  // an error, as the CLI reports it

  CHECK(server.request("shutdown", nullptr)["result"].is_null());
  const json after = server.request("textDocument/hover", {{"textDocument", text_document(uri_of(file))}, {"position", position(0, 0)}});
  CHECK(after["error"]["code"] == -32600);  // only exit after shutdown
  server.notify("exit", nullptr);
  CHECK(server.wait_exit(false) == 0);
}

TEST_CASE("lsp: exit without shutdown, and the end of input, exit with 1") {
  Scratch dir;
  {
    LspServer server(dir.path());
    server.initialize();
    server.notify("exit", nullptr);
    CHECK(server.wait_exit(false) == 1);
  }
  LspServer server(dir.path());
  server.initialize();
  CHECK(server.wait_exit(true) == 1);
}

TEST_CASE("lsp: columns in UTF-16 by default and in UTF-8 when the client offers it") {
  Scratch dir;
  // ZKL108 points at 'abc'; before it on the line: 'ü' (1 UTF-16 unit, 2 UTF-8 bytes) or '😀'
  // (2 UTF-16 units, 4 UTF-8 bytes).
  const std::string umlaut = "zookeeper.connect=zk\xC3\xBC" "1:2181,zk2:abc\n";
  const std::string emoji = "zookeeper.connect=zk\xF0\x9F\x98\x80" "1:2181,zk2:abc\n";
  const std::string base = "broker.id=1\nlog.dirs=/var/lib/kafka/data\n";
  struct Case {
    std::string line;
    json capabilities;
    int column;
  };
  const json utf8 = {{"general", {{"positionEncodings", {"utf-8", "utf-16"}}}}};
  for (const Case& c : {Case{umlaut, json::object(), 32}, Case{umlaut, utf8, 33}, Case{emoji, json::object(), 33}, Case{emoji, utf8, 35}}) {
    CAPTURE(c.line);
    CAPTURE(c.capabilities.dump());
    const auto file = dir.write("server.properties", base + c.line);
    LspServer server(dir.path());
    const json init = server.initialize(c.capabilities);
    CHECK(init["result"]["capabilities"]["positionEncoding"] == (c.capabilities.empty() ? "utf-16" : "utf-8"));
    server.open(uri_of(file), base + c.line);
    const auto port = with_code(server.diagnostics(uri_of(file)), "ZKL108");
    REQUIRE(port.size() == 1);
    CHECK(port[0]["range"]["start"] == position(2, c.column));
    CHECK(port[0]["range"]["end"] == position(2, c.column + 3));
  }
}

TEST_CASE("lsp: a Latin-1 file and \\u escapes put findings in the editor's columns") {
  Scratch dir;
  const std::string base = "broker.id=1\nlog.dirs=/var/lib/kafka/data\n";
  // On disk: Latin-1 byte 0xFC; the editor decodes it and holds 'ü'. Java reads one byte.
  const auto file = dir.write("server.properties", base + "zookeeper.connect=zk\xFC" "1:2181,zk2:abc\n");
  for (const bool utf8 : {false, true}) {
    LspServer server(dir.path());
    server.initialize(utf8 ? json{{"general", {{"positionEncodings", {"utf-8"}}}}} : json::object());
    server.open(uri_of(file), base + "zookeeper.connect=zk\xC3\xBC" "1:2181,zk2:abc\n");
    const json published = server.diagnostics(uri_of(file));
    CHECK(with_code(published, "ZKL005").empty());  // Java reads Latin-1 here, not UTF-8 text
    const auto port = with_code(published, "ZKL108");
    REQUIRE(port.size() == 1);
    CHECK(port[0]["range"]["start"] == position(2, utf8 ? 33 : 32));
  }
  const auto escaped = dir.write("escaped/server.properties", base + "zookeeper.connect=zk\\u00fc1:2181,zk2:abc\n");
  LspServer server(dir.path());
  server.initialize();
  server.open(uri_of(escaped), dir.read("escaped/server.properties"));
  const auto port = with_code(server.diagnostics(uri_of(escaped)), "ZKL108");
  REQUIRE(port.size() == 1);
  CHECK(port[0]["range"]["start"] == position(2, 37));  // the escape is six characters in the editor
}

TEST_CASE("lsp: incremental and full changes are linted, bursts once") {
  Scratch dir;
  const auto file = dir.write("server.properties", broker());
  const std::string uri = uri_of(file);
  LspServer server(dir.path(), {"--kafka-version", "3.9"});  // where `port` is removed
  server.initialize();
  server.open(uri, broker());
  CHECK(server.diagnostics(uri)["diagnostics"].empty());

  // Insert "port=9092\n" at the start of line 2 (incremental).
  const json insert = {{"range", {{"start", position(2, 0)}, {"end", position(2, 0)}}}, {"text", "port=9092\n"}};
  server.notify("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", 2}}}, {"contentChanges", {insert}}});
  json published = server.diagnostics(uri);
  CHECK(published["version"] == 2);
  const auto removed = with_code(published, "ZKL203");
  REQUIRE(removed.size() == 1);
  CHECK(removed[0]["range"]["start"] == position(2, 0));

  // Full text (a change without a range), then a burst of edits in one write.
  server.notify("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", 3}}}, {"contentChanges", {{{"text", broker()}}}}});
  CHECK(server.diagnostics(uri)["diagnostics"].empty());
  std::string burst;
  for (int v = 4; v <= 13; ++v) {
    const json typed = {{"range", {{"start", position(5, 0)}, {"end", position(5, 0)}}}, {"text", "x"}};
    const json params = {{"textDocument", {{"uri", uri}, {"version", v}}}, {"contentChanges", json::array({typed})}};
    burst += LspServer::framed({{"jsonrpc", "2.0"}, {"method", "textDocument/didChange"}, {"params", params}});
  }
  server.send_raw(burst);
  std::vector<json> publications;
  for (const json& m : server.drain(1500ms)) {
    if (m.value("method", "") == "textDocument/publishDiagnostics") publications.push_back(m["params"]);
  }
  REQUIRE(!publications.empty());
  CHECK(publications.size() < 10);  // debounced: not one lint per keystroke
  CHECK(publications.back()["version"] == 13);
  const auto unknown = with_code(publications.back(), "ZKL201");
  REQUIRE(unknown.size() == 1);
  CHECK(unknown[0]["message"].get<std::string>().find("'xxxxxxxxxx'") != std::string::npos);
}

TEST_CASE("lsp: code actions: fixes, suppressions and fix-all, as edits only") {
  Scratch dir;
  const std::string text = "broker.id=1\nlog.dirs=\"/var/lib/kafka/data\"\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\nlog.retention.hour=168\n";
  const auto file = dir.write("server.properties", text);
  const std::string uri = uri_of(file);
  LspServer server(dir.path());
  server.initialize();
  server.open(uri, text);
  server.diagnostics(uri);

  const auto actions_at = [&](int line, json only = nullptr) {
    json context = {{"diagnostics", json::array()}};
    if (!only.is_null()) context["only"] = only;
    return server.request("textDocument/codeAction", {{"textDocument", text_document(uri)}, {"range", {{"start", position(line, 0)}, {"end", position(line, 0)}}}, {"context", context}})["result"];
  };
  const json quoted = actions_at(1);
  const json* unquote = find_action(quoted, "ZKL225: remove the quotes");
  REQUIRE(unquote != nullptr);
  CHECK((*unquote)["kind"] == "quickfix");
  CHECK((*unquote)["isPreferred"] == true);  // a safe fix
  CHECK((*unquote)["diagnostics"][0]["code"] == "ZKL225");
  CHECK(apply_edits(text, (*unquote)["edit"]["changes"][uri]) == "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\nlog.retention.hour=168\n");

  const json typo = actions_at(3);
  const json* rename = find_action(typo, "rename to log.retention.hours");
  REQUIRE(rename != nullptr);
  CHECK((*rename)["isPreferred"] == false);  // unsafe: offered, never preferred
  const json* line = find_action(typo, "Suppress ZKL201 on this line");
  REQUIRE(line != nullptr);
  CHECK(apply_edits(text, (*line)["edit"]["changes"][uri]).find("zookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n# zklint: disable-next-line ZKL201\nlog.retention.hour=168\n") != std::string::npos);
  const json* whole = find_action(typo, "Suppress ZKL201 in this file");
  REQUIRE(whole != nullptr);
  CHECK(apply_edits(text, (*whole)["edit"]["changes"][uri]) == "# zklint: disable-file ZKL201\n" + text);

  // The suppression really silences the finding.
  server.notify("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", 2}}}, {"contentChanges", {{{"text", apply_edits(text, (*line)["edit"]["changes"][uri])}}}}});
  CHECK(with_code(server.diagnostics(uri), "ZKL201").empty());
  server.notify("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", 3}}}, {"contentChanges", {{{"text", text}}}}});
  server.diagnostics(uri);

  // source.fixAll.zklint: the safe fixes only, as `zklint --fix` writes them.
  const json fix_all = actions_at(0, json::array({"source.fixAll"}));
  REQUIRE(fix_all.size() == 1);
  CHECK(fix_all[0]["kind"] == "source.fixAll.zklint");
  const std::string fixed = apply_edits(text, fix_all[0]["edit"]["changes"][uri]);
  CHECK(fixed == "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\nlog.retention.hour=168\n");
  CHECK(actions_at(3, json::array({"source.fixAll"})).size() == 1);
  CHECK(find_action(actions_at(3, json::array({"quickfix"})), "fix all") == nullptr);

  // The server never writes: the file on disk is as it was, and nothing new appeared.
  CHECK(dir.read("server.properties") == text);
  CHECK(std::distance(std::filesystem::directory_iterator(dir.path()), std::filesystem::directory_iterator()) == 1);
}

TEST_CASE("lsp: versioned edits when the client supports documentChanges") {
  Scratch dir;
  const std::string text = "broker.id=1\nlog.dirs=\"/var/lib/kafka/data\"\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n";
  const auto file = dir.write("server.properties", text);
  LspServer server(dir.path());
  server.initialize({{"workspace", {{"workspaceEdit", {{"documentChanges", true}}}}}});
  server.open(uri_of(file), text, 7);
  server.diagnostics(uri_of(file));
  const json actions = server.request("textDocument/codeAction", {{"textDocument", text_document(uri_of(file))}, {"range", {{"start", position(1, 0)}, {"end", position(1, 5)}}}, {"context", {{"diagnostics", json::array()}}}})["result"];
  const json* unquote = find_action(actions, "remove the quotes");
  REQUIRE(unquote != nullptr);
  const json& change = (*unquote)["edit"]["documentChanges"][0];
  CHECK(change["textDocument"] == json{{"uri", uri_of(file)}, {"version", 7}});
  CHECK(apply_edits(text, change["edits"]).find("log.dirs=/var/lib/kafka/data\n") != std::string::npos);
}

TEST_CASE("lsp: hover on keys and on the hosts of zookeeper.connect and controller.quorum.voters") {
  Scratch dir;
  const std::string kafka = broker("log.retention.hours=168\nport=9092\n");
  const auto broker_file = dir.write("zk/server.properties", kafka);
  const std::string kraft = fixture_base("kraft.properties");
  const auto kraft_file = dir.write("kraft/server.properties", kraft);
  const std::string zoo = fixture_base("zoo.cfg");
  const auto zoo_file = dir.write("zoo/zoo.cfg", zoo);
  LspServer server(dir.path(), {"--kafka-version", "3.9"});
  server.initialize();
  server.open(uri_of(broker_file), kafka);
  server.open(uri_of(kraft_file), kraft);
  server.open(uri_of(zoo_file), zoo);
  const auto hover = [&](const std::filesystem::path& file, int line, int character) {
    const json r = server.request("textDocument/hover", {{"textDocument", text_document(uri_of(file))}, {"position", position(line, character)}});
    REQUIRE(r.contains("result"));
    return r["result"].is_null() ? std::string() : r["result"]["contents"]["value"].get<std::string>();
  };
  const std::string retention = hover(broker_file, 5, 4);
  CHECK(retention.find("log.retention.hours") != std::string::npos);
  CHECK(retention.find("Kafka 3.9 broker setting") != std::string::npos);
  CHECK(retention.find("since Kafka 2.0 or earlier, still in Kafka") != std::string::npos);
  CHECK(retention.find("type: `int`") != std::string::npos);
  CHECK(retention.find("default: `168`") != std::string::npos);
  CHECK(retention.find("importance: high") != std::string::npos);
  CHECK(retention.find("update mode: read-only") != std::string::npos);
  const std::string port = hover(broker_file, 6, 1);
  CHECK(port.find("removed in Kafka 3.0, so Kafka 3.9 ignores it") != std::string::npos);
  const std::string connect_key = hover(broker_file, 4, 2);
  CHECK(connect_key.find("since Kafka 2.0 or earlier, removed in Kafka 4.0") != std::string::npos);
  const std::string hosts = hover(broker_file, 4, 25);
  CHECK(hosts.find("host `zk1`, port 2181") != std::string::npos);
  CHECK(hosts.find("host `zk3`, port 2181") != std::string::npos);
  CHECK(hosts.find("chroot `/kafka`") != std::string::npos);
  const std::string voters = hover(kraft_file, 4, 30);
  CHECK(voters.find("voter id 1: host `kafka1`, port 9093") != std::string::npos);
  const std::string roles = hover(kraft_file, 2, 3);
  CHECK(roles.find("valid values: `[broker, controller]`") != std::string::npos);
  const std::string tick = hover(zoo_file, 2, 2);
  CHECK(tick.find("ZooKeeper server setting") != std::string::npos);
  CHECK(tick.find("type: int") != std::string::npos);
  CHECK(hover(broker_file, 0, 3).empty());  // a comment
}

TEST_CASE("lsp: hover on a file whose release is guessed names the releases each answer holds for") {
  Scratch dir;
  const std::string kafka = broker("port=9092\n");  // `port` exists in Kafka 2.0-2.8 only
  const auto broker_file = dir.write("server.properties", kafka);
  LspServer server(dir.path());
  server.initialize();
  server.open(uri_of(broker_file), kafka);
  const auto hover = [&](int line, int character) {
    const json r = server.request("textDocument/hover", {{"textDocument", text_document(uri_of(broker_file))}, {"position", position(line, character)}});
    REQUIRE(r.contains("result"));
    return r["result"].is_null() ? std::string() : r["result"]["contents"]["value"].get<std::string>();
  };
  const std::string port = hover(5, 1);
  CHECK(port.find("Kafka 2.0\u20132.8 broker setting") != std::string::npos);
  CHECK(port.find("assumed versions: Kafka 2.0\u20132.8 (guessed from the keys: port") != std::string::npos);
  // The ZooKeeper client Kafka bundles changed within the range: one answer per client.
  const std::string hosts = hover(4, 25);
  CHECK(hosts.find("as the ZooKeeper 3.5.9 client of Kafka 2.4\u20132.8 reads it") != std::string::npos);
  CHECK(hosts.find("as the ZooKeeper 3.4.14 client of Kafka 2.3 reads it") != std::string::npos);
  CHECK(hosts.find("as the ZooKeeper 3.4.13 client of Kafka 2.0\u20132.2 reads it") != std::string::npos);
  CHECK(hosts.find("host `zk1`, port 2181") != std::string::npos);
}

TEST_CASE("lsp: completion of keys by kind and version, and of values after '='") {
  Scratch dir;
  const std::string kafka = broker("\nsecurity.inter.broker.protocol=SA\nlog.cleanup.policy=compact,\n");
  const auto file = dir.write("server.properties", kafka);
  const std::string zoo = fixture_base("zoo.cfg") + "\n";
  const auto zoo_file = dir.write("zoo.cfg", zoo);
  LspServer server(dir.path());
  server.initialize();
  server.open(uri_of(file), kafka);
  server.open(uri_of(zoo_file), zoo);
  const auto complete = [&](const std::filesystem::path& f, int line, int character) {
    const json r = server.request("textDocument/completion", {{"textDocument", text_document(uri_of(f))}, {"position", position(line, character)}});
    std::map<std::string, json> items;
    for (const json& i : r["result"]["items"]) items[i["label"]] = i;
    return items;
  };
  const auto keys = complete(file, 5, 0);
  REQUIRE(keys.count("log.retention.hours") == 1);
  CHECK(keys.count("port") == 0);  // removed in 3.0: not offered for 3.9
  REQUIRE(keys.count("zookeeper.connect") == 1);
  CHECK(keys.at("zookeeper.connect")["tags"] == json::array({1}));  // deprecated: removed in 4.0
  CHECK(keys.at("zookeeper.connect")["detail"].get<std::string>().find("removed in Kafka 4.0") != std::string::npos);
  CHECK(keys.at("log.retention.hours").count("tags") == 0);

  const auto protocols = complete(file, 6, 33);
  CHECK(protocols.count("SASL_SSL") == 1);
  CHECK(protocols.count("PLAINTEXT") == 1);
  CHECK(protocols.at("SASL_SSL")["textEdit"]["range"] == json{{"start", position(6, 31)}, {"end", position(6, 33)}});
  const auto policies = complete(file, 7, 27);
  CHECK(policies.count("delete") == 1);
  CHECK(policies.at("delete")["textEdit"]["range"]["start"] == position(7, 27));  // the list item after the comma

  const auto zookeeper = complete(zoo_file, 7, 0);
  CHECK(zookeeper.count("tickTime") == 1);
  CHECK(zookeeper.count("initLimit") == 1);
  CHECK(zookeeper.count("log.retention.hours") == 0);
}

TEST_CASE("lsp: a change in one file of a cluster re-publishes the others; .zklint.json reloads") {
  const ClusterFiles c;
  LspServer server(c.dir.path());
  server.initialize();
  server.open(uri_of(c.broker_file), c.kafka);
  CHECK(with_code(server.diagnostics(uri_of(c.broker_file)), "ZKL501").empty());
  server.open(uri_of(c.zoo_file), c.zoo);
  server.diagnostics(uri_of(c.zoo_file));

  // The unsaved buffer of the ZooKeeper config moves the client port: the broker hears of it.
  std::string moved = c.zoo;
  moved.replace(moved.find("2181"), 4, "2182");
  server.notify("textDocument/didChange", {{"textDocument", {{"uri", uri_of(c.zoo_file)}, {"version", 2}}}, {"contentChanges", {{{"text", moved}}}}});
  json mismatch;
  for (int tries = 0; tries < 3 && mismatch.is_null(); ++tries) {
    const auto found = with_code(server.diagnostics(uri_of(c.broker_file)), "ZKL501");
    if (!found.empty()) mismatch = found[0];
  }
  REQUIRE(!mismatch.is_null());
  REQUIRE(mismatch.contains("relatedInformation"));
  bool points_at_zoo = false;
  for (const json& r : mismatch["relatedInformation"]) points_at_zoo = points_at_zoo || r["location"]["uri"] == uri_of(c.zoo_file);
  CHECK(points_at_zoo);

  // A .zklint.json written next to them (by the user, not the server) is read at once.
  c.dir.write(".zklint.json", R"({"rules": {"ZKL501": "warning"}})");
  server.notify("workspace/didChangeWatchedFiles", {{"changes", {{{"uri", uri_of(c.dir.path() / ".zklint.json")}, {"type", 1}}}}});
  const auto warned = with_code(server.diagnostics(uri_of(c.broker_file)), "ZKL501");
  REQUIRE(!warned.empty());
  CHECK(warned[0]["severity"] == 2);

  // A broken one is shown to the user; the file is not linted under it.
  c.dir.write(".zklint.json", R"({"rules": {"ZKL501": "sometimes"}})");
  server.notify("workspace/didChangeWatchedFiles", {{"changes", {{{"uri", uri_of(c.dir.path() / ".zklint.json")}, {"type", 2}}}}});
  const json shown = server.wait_for([](const json& m) { return m.value("method", "") == "window/showMessage" && m["params"]["type"] == 1; }, "the config error");
  CHECK(shown["params"]["message"].get<std::string>().find(".zklint.json") != std::string::npos);
  CHECK(server.diagnostics(uri_of(c.broker_file))["diagnostics"].empty());
}

TEST_CASE("lsp: zoo.cfg is linted with the editor's text of the dynamic file beside it (dynamic-config-contents)") {
  const Scratch dir;
  const std::string zoo = fixture_base("zoo.cfg") + "initLimit=10\nsyncLimit=5\ndynamicConfigFile=/etc/zookeeper/zoo.cfg.dynamic.100000000\n";
  const std::string members = "server.1=zk1:2888:3888;2181\nserver.2=zk2:2888:3888;2181\nserver.3=zk3:2888:3888;2181\n";
  const auto zoo_file = dir.write("zoo.cfg", zoo), dynamic_file = dir.write("zoo.cfg.dynamic.100000000", members);
  LspServer server(dir.path());
  server.initialize();
  server.open(uri_of(zoo_file), zoo);
  CHECK(with_code(server.diagnostics(uri_of(zoo_file)), "ZKL443").empty());

  // An unsaved edit of the dynamic file moves clientPort into it: zoo.cfg hears of it.
  server.open(uri_of(dynamic_file), members);
  server.diagnostics(uri_of(dynamic_file));
  server.notify("textDocument/didChange", {{"textDocument", {{"uri", uri_of(dynamic_file)}, {"version", 2}}}, {"contentChanges", {{{"text", members + "clientPort=2181\n"}}}}});
  json refused;
  for (int tries = 0; tries < 3 && refused.is_null(); ++tries) {
    const auto found = with_code(server.diagnostics(uri_of(zoo_file)), "ZKL443");
    if (!found.empty()) refused = found[0];
  }
  REQUIRE(!refused.is_null());
  CHECK(refused["severity"] == 1);
  CHECK(refused["message"].get<std::string>().find("Unrecognised parameter: clientPort") != std::string::npos);
  REQUIRE(refused.contains("relatedInformation"));
  CHECK(refused["relatedInformation"][0]["location"]["uri"] == uri_of(dynamic_file));
  CHECK(refused["relatedInformation"][0]["location"]["range"]["start"]["line"] == 3);

  // Closed without saving: zoo.cfg reads the clean file on disk again.
  server.notify("textDocument/didClose", {{"textDocument", text_document(uri_of(dynamic_file))}});
  json now;
  for (int tries = 0; tries < 3 && (now.is_null() || !with_code(now, "ZKL443").empty()); ++tries) now = server.diagnostics(uri_of(zoo_file));
  CHECK(with_code(now, "ZKL443").empty());
}

TEST_CASE("lsp: save, close, files not on disk, and file watching") {
  const ClusterFiles c;
  LspServer server(c.dir.path(), {"--kafka-version", "3.9"});  // where `port` is removed
  server.initialize({{"workspace", {{"didChangeWatchedFiles", {{"dynamicRegistration", true}}}}}});
  // The server asks to be told about .zklint.json and config files changing on disk.
  const json registration = server.wait_for([](const json& m) { return m.value("method", "") == "client/registerCapability"; }, "a registration");
  CHECK(registration["params"]["registrations"][0]["method"] == "workspace/didChangeWatchedFiles");
  CHECK(registration["params"]["registrations"][0]["registerOptions"]["watchers"].dump().find("**/.zklint.json") != std::string::npos);
  server.send({{"jsonrpc", "2.0"}, {"id", registration["id"]}, {"result", nullptr}});

  server.open(uri_of(c.broker_file), c.kafka);
  CHECK(server.diagnostics(uri_of(c.broker_file))["diagnostics"].empty());
  // The ZooKeeper config changes on disk, not in the editor: the open broker is linted again.
  std::string moved = c.zoo;
  moved.replace(moved.find("clientPort=2181"), 15, "clientPort=2182");
  c.dir.write("zookeeper.properties", moved);
  server.notify("workspace/didChangeWatchedFiles", {{"changes", {{{"uri", uri_of(c.zoo_file)}, {"type", 2}}}}});
  CHECK(with_code(server.diagnostics(uri_of(c.broker_file)), "ZKL501").size() == 3);

  // Opened, edited back in the editor, closed without saving: the broker sees the disk again.
  server.open(uri_of(c.zoo_file), moved);
  server.diagnostics(uri_of(c.zoo_file));
  server.notify("textDocument/didChange", {{"textDocument", {{"uri", uri_of(c.zoo_file)}, {"version", 2}}}, {"contentChanges", {{{"text", c.zoo}}}}});
  json broker_now;
  for (int tries = 0; tries < 3 && (broker_now.is_null() || !with_code(broker_now, "ZKL501").empty()); ++tries) broker_now = server.diagnostics(uri_of(c.broker_file));
  CHECK(with_code(broker_now, "ZKL501").empty());
  server.notify("textDocument/didClose", {{"textDocument", text_document(uri_of(c.zoo_file))}});
  const json cleared = server.wait_for([&](const json& m) { return m.value("method", "") == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri_of(c.zoo_file) && !m["params"].contains("version"); }, "the cleared diagnostics of a closed file");
  CHECK(cleared["params"]["diagnostics"].empty());
  CHECK(with_code(server.diagnostics(uri_of(c.broker_file)), "ZKL501").size() == 3);
  CHECK(server.request("textDocument/hover", {{"textDocument", text_document(uri_of(c.zoo_file))}, {"position", position(0, 0)}})["error"]["code"] == -32602);

  // Saving a .zklint.json opened in the editor reloads the configuration of every open file.
  const auto config = c.dir.write(".zklint.json", R"({"rules": {"ZKL501": "off", "ZKL203": "error"}})");
  server.open(uri_of(config), c.dir.read(".zklint.json"));
  server.notify("textDocument/didSave", {{"textDocument", text_document(uri_of(config))}});
  CHECK(with_code(server.diagnostics(uri_of(c.broker_file)), "ZKL501").empty());
  // Saving a config publishes its diagnostics again, under the new settings.
  server.notify("textDocument/didChange", {{"textDocument", {{"uri", uri_of(c.broker_file)}, {"version", 2}}}, {"contentChanges", {{{"text", broker("port=9092\n")}}}}});
  server.notify("textDocument/didSave", {{"textDocument", text_document(uri_of(c.broker_file))}});
  const auto removed = with_code(server.diagnostics(uri_of(c.broker_file)), "ZKL203");
  REQUIRE(removed.size() == 1);
  CHECK(removed[0]["severity"] == 1);

  // A new file not saved yet, and a buffer without a file, are linted from the editor's text.
  const std::string unsaved = uri_of(c.dir.path() / "new" / "server.properties");
  server.open(unsaved, broker("port=9092\n"));
  CHECK(with_code(server.diagnostics(unsaved), "ZKL203").size() == 1);
  server.open("untitled:Untitled-1", "a=1\na=2\n");
  CHECK(with_code(server.diagnostics("untitled:Untitled-1"), "ZKL002").size() == 1);
  CHECK(!std::filesystem::exists(c.dir.path() / "new"));
}

TEST_CASE("lsp: the command line chooses the version, kind, rules and config, as for a lint run") {
  Scratch dir;
  const auto file = dir.write("server.properties", broker("port=9092\n"));
  {
    LspServer server(dir.path(), {"--kafka-version", "4.0", "--ignore", "ZKL203"});
    server.initialize();
    server.open(uri_of(file), broker("port=9092\n"));
    const json published = server.diagnostics(uri_of(file));
    CHECK(!with_code(published, "ZKL322").empty());  // Kafka 4.0 has no ZooKeeper mode
    CHECK(with_code(published, "ZKL203").empty());
  }
  LspServer server(dir.path(), {"--select", "no-such-rule"});
  CHECK(server.wait_exit(false) == 2);
}

TEST_CASE("lsp: bad input gets JSON-RPC errors, never a crash") {
  Scratch dir;
  const auto file = dir.write("server.properties", broker());
  LspServer server(dir.path());
  CHECK(server.request("textDocument/hover", {{"textDocument", text_document(uri_of(file))}, {"position", position(0, 0)}})["error"]["code"] == -32002);
  server.initialize();
  CHECK(server.request("initialize", {{"capabilities", json::object()}})["error"]["code"] == -32600);

  server.send_raw("Content-Length: 9\r\n\r\n{not json");
  CHECK(server.wait_for([](const json& m) { return m.contains("error") && m["id"].is_null(); }, "a parse error")["error"]["code"] == -32700);
  server.send_raw("Content-Length: nine\r\n\r\n");
  CHECK(server.wait_for([](const json& m) { return m.contains("error") && m["id"].is_null(); }, "a header error")["error"]["code"] == -32700);
  server.send_raw(LspServer::framed(json::array({1, 2})));
  CHECK(server.wait_for([](const json& m) { return m.contains("error"); }, "an invalid request")["error"]["code"] == -32600);
  server.send({{"jsonrpc", "2.0"}, {"id", 99}, {"method", 5}});
  CHECK(server.response(99)["error"]["code"] == -32600);

  CHECK(server.request("workspace/symbol", {{"query", ""}})["error"]["code"] == -32601);
  server.notify("zklint/unknownNotification", json::object());  // ignored
  CHECK(server.request("textDocument/hover", {{"textDocument", text_document(uri_of(dir.path() / "other.properties"))}, {"position", position(0, 0)}})["error"]["code"] == -32602);
  CHECK(server.request("textDocument/hover", {{"position", position(0, 0)}})["error"]["code"] == -32602);
  server.open(uri_of(file), broker());
  server.diagnostics(uri_of(file));
  CHECK(server.request("textDocument/hover", {{"textDocument", text_document(uri_of(file))}, {"position", {{"line", -1}}}})["error"]["code"] == -32602);
  CHECK(server.request("textDocument/codeAction", {{"textDocument", text_document(uri_of(file))}})["error"]["code"] == -32602);
  // Positions beyond the text are clamped, as LSP says; a change to an unopened document is logged.
  CHECK(server.request("textDocument/hover", {{"textDocument", text_document(uri_of(file))}, {"position", position(999, 999)}}).contains("result"));
  server.notify("textDocument/didChange", {{"textDocument", {{"uri", "file:///nowhere.properties"}, {"version", 2}}}, {"contentChanges", json::array()}});
  CHECK(server.wait_for([](const json& m) { return m.value("method", "") == "window/logMessage"; }, "a log message")["params"]["type"] == 1);

  // A request cancelled before it ran is answered as cancelled.
  const std::string pair = LspServer::framed({{"jsonrpc", "2.0"}, {"id", 500}, {"method", "textDocument/hover"}, {"params", {{"textDocument", text_document(uri_of(file))}, {"position", position(3, 0)}}}}) +
                           LspServer::framed({{"jsonrpc", "2.0"}, {"method", "$/cancelRequest"}, {"params", {{"id", 500}}}});
  server.send_raw(pair);
  CHECK(server.response(500)["error"]["code"] == -32800);

  // Still serving.
  CHECK(server.request("textDocument/hover", {{"textDocument", text_document(uri_of(file))}, {"position", position(3, 0)}})["result"]["contents"]["value"].get<std::string>().find("log.dirs") != std::string::npos);
  CHECK(server.request("shutdown", nullptr)["result"].is_null());
  server.notify("exit", nullptr);
  CHECK(server.wait_exit(false) == 0);
}

}  // namespace zklint::test
