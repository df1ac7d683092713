// A parsed Kafka config with its lint context, for tests of the models rules share
// (KafkaModel, KraftNode): what a rule sees, without running the engine.
#pragma once

#include <optional>
#include <string>

#include "zklint/lint/context.hpp"
#include "zklint/lint/profile.hpp"
#include "zklint/parse.hpp"

namespace zklint::test {

struct KafkaFileContext {
  Document doc;
  LintContext ctx;
  /// `version`: the Kafka version to assume, or nullopt for auto-detection.
  KafkaFileContext(std::string text, std::optional<KafkaVersion> version)
      : doc(parse(SourceFile("server.properties", std::move(text)))), ctx(doc, profile(doc, version)) {}

 private:
  static FileProfile profile(const Document& doc, std::optional<KafkaVersion> version) {
    ProfileSettings settings;
    settings.kind = FileKind::kafka;
    settings.kafka_version = version;
    return make_profile(doc, settings);
  }
};

}  // namespace zklint::test
