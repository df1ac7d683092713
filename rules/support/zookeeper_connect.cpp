#include "support/zookeeper_connect.hpp"

#include <algorithm>

#include "kafka_catalog.hpp"
#include "kafka_releases.hpp"
#include "zklint/lint/strings.hpp"

namespace zklint::support {

namespace {

constexpr std::string_view session_key = "zookeeper.session.timeout.ms";
constexpr std::string_view connection_key = "zookeeper.connection.timeout.ms";

// Whether two client lines read a value alike: everything but the line itself.
bool same_reading(const connect_string::ConnectString& a, const connect_string::ConnectString& b) {
  return a.value == b.value && a.commas == b.commas && a.entries == b.entries && a.chroot == b.chroot;
}

bool is_true(const Entry* e) { return e != nullptr && iequals(java_trim(e->value), "true"); }

// Kafka reads an int config as Integer.parseInt of the trimmed value (ConfigDef.java parseType @3.9).
std::optional<std::int64_t> kafka_int(std::string_view value) { return connect_string::java_parse_int(java_trim(value)); }

TimeoutSetting explicit_setting(const LintContext& ctx, std::string_view key, const Entry& e) {
  TimeoutSetting t;
  t.key = key;
  t.origin = SettingOrigin::file;
  t.entry = &e;
  t.templated = ctx.value_templated(e);
  if (!t.templated) t.ms = kafka_int(e.value);
  t.origin_text = std::string(key) + "=" + std::string(java_trim(e.value)) + " (line " + std::to_string(e.key_range.begin.line) + ")";
  return t;
}

TimeoutSetting session_setting(const LintContext& ctx) {
  if (const Entry* e = ctx.find(session_key)) return explicit_setting(ctx, session_key, *e);
  TimeoutSetting t;
  t.key = session_key;
  t.origin = SettingOrigin::version_default;
  const kafka_catalog::KeySpec* spec = kafka_catalog::find(ctx.kafka_version(), session_key);
  if (spec != nullptr) t.ms = kafka_int(spec->default_value);
  t.origin_text = "the Kafka " + ctx.kafka_version_text() + " default" + (t.ms ? ", " + std::to_string(*t.ms) : std::string());
  return t;
}

TimeoutSetting connection_setting(const LintContext& ctx, const TimeoutSetting& session) {
  if (const Entry* e = ctx.find(connection_key)) return explicit_setting(ctx, connection_key, *e);
  TimeoutSetting t;
  t.key = connection_key;
  t.origin = SettingOrigin::session_fallback;
  t.templated = session.templated;
  t.ms = session.ms;
  t.origin_text = "unset, so the session timeout" + (t.ms ? ", " + std::to_string(*t.ms) : std::string());
  return t;
}

}  // namespace

ZooKeeperClientSettings::ZooKeeperClientSettings(const LintContext& ctx) {
  kafka_version = ctx.kafka_version();
  kafka_version_text = ctx.kafka_version_text();
  client_version_asked_ = questions_of([&] { client_version_ = kafka_fact::bundled_zookeeper_client(kafka_version); });
  client_line_asked_ = questions_of([&] {
    client_line_ = kafka_fact::zookeeper_client_3_5.holds_in(kafka_version) ? connect_string::ClientLine::zk35 : connect_string::ClientLine::zk34;
  });
  fields_asked_ = questions_of([&] { read_connect(ctx); });
  if (!uses_zookeeper) return;
  timeouts_asked_ = questions_of([&] {
    session_timeout_ = session_setting(ctx);
    connection_timeout_ = connection_setting(ctx, session_timeout_);
  });
}

void ZooKeeperClientSettings::read_connect(const LintContext& ctx) {
  if (ctx.kind() != FileKind::kafka) return;
  // The file first: a KRaft node that does not migrate uses no ZooKeeper in any release, so the
  // release is asked only when the file would use it (release_questions.hpp).
  const Entry* roles = ctx.find("process.roles");
  const bool roles_set = roles != nullptr && (ctx.value_templated(*roles) || !java_trim(roles->value).empty());
  if (roles_set && !is_true(ctx.find("zookeeper.metadata.migration.enable"))) return;
  if (kafka_fact::zookeeper_mode_removed.holds_in(kafka_version)) return;
  zookeeper_mode = !roles_set;
  uses_zookeeper = true;

  connect = ctx.find("zookeeper.connect");
  if (connect == nullptr) return;
  connect_templated = ctx.value_templated(*connect);
  if (connect_templated) return;
  const std::string_view value = connect->value;
  parsed = connect_string::parse(value, client_line_);
  // Most values read alike on both client lines; only where they do not does the line matter.
  const auto other_line = client_line_ == connect_string::ClientLine::zk35 ? connect_string::ClientLine::zk34 : connect_string::ClientLine::zk35;
  if (!same_reading(*parsed, connect_string::parse(value, other_line))) note_release_questions(client_line_asked_);
  chroot = parsed->chroot_path(value);
  for (const connect_string::HostEntry* e : parsed->hosts()) {
    if (e->error != connect_string::EntryError::none) continue;
    ZooKeeperServer s;
    s.host = e->host.of(value);
    s.port = e->port;
    s.port_written = e->port_form == connect_string::PortForm::given;
    s.range = connect->value_source_range(ctx.source(), e->element.begin, e->element.end);
    s.element = e;
    servers.push_back(s);
  }
}

std::string_view ZooKeeperClientSettings::connect_value() const { return connect != nullptr ? connect->value : std::string_view{}; }

}  // namespace zklint::support
