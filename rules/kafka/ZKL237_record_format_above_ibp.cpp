// ZKL237 record-format-above-ibp: log.message.format.version, or zstd for the offsets topic,
// needs a newer record format than inter.broker.protocol.version allows.
#include "kafka_releases.hpp"
#include "support/kafka_model.hpp"
#include "support/protocol_version.hpp"
#include "zklint/lint/rule.hpp"
#include "zklint/lint/strings.hpp"

ZKL_RULE(KafkaRecordFormatAboveIbp)

namespace zklint::rules {

namespace {

// kafka_fact::message_format_ignorable: from Kafka 3.0, with IBP 3.0-IV1 or later the message
// format is ignored.
bool message_format_ignored(const support::ProtocolVersion& ibp) { return ibp.at_least(3, 0, 1); }
// The zstd check arrived with zstd itself (kafka_fact::zstd_compression); codec id 4 is ZSTD.
constexpr std::int64_t zstd_codec_id = 4;

std::string_view record_format_name(int record_version) {
  switch (record_version) {
    case 0: return "v0 (0.8-0.9)";
    case 1: return "v1 (0.10)";
    default: return "v2 (0.11 and later)";
  }
}

}  // namespace

const RuleMeta& KafkaRecordFormatAboveIbp::meta() const {
  static const RuleMeta m{
      .code = "ZKL237",
      .name = "record-format-above-ibp",
      .severity = Severity::error,
      .applies_to = FileKinds::kafka(),
      .summary = "log.message.format.version, or zstd for the offsets topic, is newer than inter.broker.protocol.version allows: the broker refuses to start",
      .doc = R"md(
A ZooKeeper-mode broker cannot write records in a format its inter-broker protocol does not
know. Record formats are v0 (up to 0.9), v1 (0.10) and v2 (0.11 and later); `KafkaConfig`
compares the newest format of each version while it reads the configuration
(`KafkaConfig.scala` `validateValues`, @2.0 to @3.9.0) and refuses to start:

- `log.message.format.version` (set, or its default, the current release) with a newer
  format than `inter.broker.protocol.version`: `requirement failed: log.message.format.version
  3.0-IV1 can only be used when inter.broker.protocol.version is set to version 0.11.0 or
  higher`. From 3.0, an IBP of 3.0 or later makes the broker ignore the message format.
- `offsets.topic.compression.codec=4` (zstd) with an IBP older than 0.11: `requirement
  failed: offsets.topic.compression.codec zstd can only be used when inter.broker.protocol.version
  is set to version 2.1 or higher` (Kafka 2.1+; the check compares record formats, so any
  IBP from 0.11 on passes despite the wording).

The usual case is an old `inter.broker.protocol.version` kept from a rolling upgrade without
the matching `log.message.format.version`. Set both, or remove both once every broker runs
the new release.
)md",
      .bad = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"
                       "inter.broker.protocol.version=0.10.2\n",
               .kafka_version = "2.8"}},
      .good = {{.text = "broker.id=1\nlog.dirs=/var/lib/kafka/data\nzookeeper.connect=zk1:2181,zk2:2181,zk3:2181/kafka\n"
                        "inter.broker.protocol.version=0.10.2\nlog.message.format.version=0.10.2\n",
                .kafka_version = "2.8"}},
  };
  return m;
}

void KafkaRecordFormatAboveIbp::check(const LintContext& ctx, Reporter& out) const {
  const auto& model = ctx.model<support::KafkaModel>();
  // KRaft 3.x refuses any IBP below 3.0-IV1 before this (ZKL325).
  if (model.mode() != support::KafkaMode::zookeeper) return;
  const Entry* ibp_entry = model.entry("inter.broker.protocol.version");
  if (ibp_entry == nullptr || ctx.value_templated(*ibp_entry)) return;
  const std::string_view ibp_text = java_trim(ibp_entry->value);
  const auto ibp = support::parse_protocol_version(ibp_text);
  if (!ibp) return;
  const std::string ibp_says = "inter.broker.protocol.version " + std::string(ibp_text) + " allows record format " +
                               std::string(record_format_name(ibp->record_version()));

  const Entry* format_entry = model.entry("log.message.format.version");
  const bool format_checked = !(kafka_fact::message_format_ignorable.holds_in(model.version()) && message_format_ignored(*ibp));
  if (format_checked && !model.templated("log.message.format.version") && (format_entry != nullptr || !model.template_structure())) {
    const auto format_value = model.value("log.message.format.version");
    const auto format = format_value ? support::parse_protocol_version(format_value->text.text) : std::nullopt;
    if (format && format->record_version() > ibp->record_version()) {
      const std::string format_says = "log.message.format.version " + std::string(format_value->text.text) +
                                      (format_entry == nullptr ? " (the default)" : "") + " writes record format " +
                                      std::string(record_format_name(format->record_version()));
      const std::string message = format_says + ", but " + ibp_says + ": the broker refuses to start (requirement failed: log.message.format.version "
                                  "can only be used when inter.broker.protocol.version is set to a version that supports it)";
      auto d = format_entry != nullptr ? out.report_value(*format_entry, message) : out.report_value(*ibp_entry, message);
      if (format_entry != nullptr) d.related(ibp_entry->value_range, "inter.broker.protocol.version is set here");
      d.help(format_entry == nullptr ? "set log.message.format.version to " + std::string(ibp_text) + " as well, as a rolling upgrade needs"
                                     : "lower log.message.format.version to at most " + std::string(ibp_text) + ", or raise inter.broker.protocol.version");
    }
  }

  const Entry* codec_entry = model.entry("offsets.topic.compression.codec");
  const auto codec = model.integer("offsets.topic.compression.codec");
  if (codec_entry != nullptr && codec && *codec == zstd_codec_id && kafka_fact::zstd_compression.holds_in(model.version()) && ibp->record_version() < 2) {
    out.report_value(*codec_entry, "offsets.topic.compression.codec=4 is zstd, but " + ibp_says +
                                       ": the broker refuses to start (requirement failed: offsets.topic.compression.codec zstd can only be used when "
                                       "inter.broker.protocol.version is set to version 2.1 or higher)")
        .related(ibp_entry->value_range, "inter.broker.protocol.version is set here")
        .help("use another codec for the offsets topic, or raise inter.broker.protocol.version to 0.11.0 or later");
  }
}

}  // namespace zklint::rules
