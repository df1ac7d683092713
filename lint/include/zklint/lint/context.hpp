// What a rule sees of a file: the Document, its profile (kind, versions, templates), the cluster
// it belongs to for cross-node checks, and lazily built shared models.
#pragma once

#include <concepts>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "zklint/document.hpp"
#include "zklint/lint/cluster.hpp"
#include "zklint/lint/deployment.hpp"
#include "zklint/lint/file_kind.hpp"
#include "zklint/lint/release_line.hpp"
#include "zklint/lint/observation.hpp"
#include "zklint/lint/release_questions.hpp"

namespace zklint {

/// What LintContext::kafka_version_text() returns while the engine judges one class of a guessed
/// range of releases; replaced in the findings by the release lines they hold on.
inline constexpr std::string_view kafka_version_placeholder = "\x1fkafka-version\x1f";
/// The same for LintContext::zookeeper_version_text().
inline constexpr std::string_view zookeeper_version_placeholder = "\x1fzookeeper-version\x1f";

/// A shared model (LintContext::model()) whose parts note, when read, what computing them asked
/// about the release (questions_of, note_release_questions); `questions_of_every_read()` is what
/// every reader depends on (the parts it exposes as plain fields).
template <typename Model>
concept NotesOwnReleaseQuestions = requires(const Model& m) {
  { m.questions_of_every_read() } -> std::convertible_to<ReleaseQuestions>;
};

/// Facts decided about a file before any rule runs.
struct FileProfile {
  FileKind kind = FileKind::unknown;
  std::string kind_reason;  ///< why: "--kind", "file name; Kafka score 3, ZooKeeper score 0", ...
  bool kind_forced = false;  ///< set by --kind or the config file rather than detected
  /// The release line the rules judge the file as. When the version is a guess, the engine judges
  /// each rule once per class of the lines in kafka_versions, in a context judged_as() each line.
  KafkaVersion kafka_version;
  /// The release lines the file may be for, oldest first: the one chosen, or when the version is a
  /// guess, every catalog line whose keys agree best with the file's.
  std::vector<KafkaVersion> kafka_versions;
  std::string kafka_version_reason;  ///< "--kafka-version", ".zklint.json", "auto: ...": why these lines
  /// No --kafka-version or config chose the version: auto-detection guessed it from the keys.
  bool kafka_version_guessed = false;
  /// How messages name the release under judgement (see LintContext::kafka_version_text()).
  std::string kafka_version_text;
  /// The same for the ZooKeeper release line a ZooKeeper file is judged as (3.5-3.9): chosen by
  /// --zookeeper-version or the config file, or guessed from the keys.
  ZooKeeperVersion zookeeper_version;
  std::vector<ZooKeeperVersion> zookeeper_versions;
  std::string zookeeper_version_reason;
  bool zookeeper_version_guessed = false;
  std::string zookeeper_version_text;
  /// Per entry (index = Entry::index): bit 1 = the key or line holds template syntax ({{ }}, {% %},
  /// ${ }, <%= %>, %VAR%); bit 2 = the value does; bit 4 = a template control line ({% if %}).
  std::vector<std::uint8_t> entry_template_flags;
  bool templated = false;  ///< the file holds any template syntax
  /// A deployment file (kind deployment) and each of its services: what the file defines.
  std::shared_ptr<const ComposeModel> compose;
  /// A service of a deployment file: its index in compose->nodes.
  std::optional<std::size_t> node;
  const DeployedNode* deployed() const { return compose && node ? &compose->nodes[*node] : nullptr; }
};

class LintContext {
 public:
  LintContext(const Document& doc, FileProfile profile) : doc_(doc), profile_(std::move(profile)) {}
  LintContext(const LintContext&) = delete;
  LintContext& operator=(const LintContext&) = delete;

  const Document& doc() const { return doc_; }
  const SourceFile& source() const { return doc_.source(); }
  const FileProfile& profile() const { return profile_; }
  FileKind kind() const { return profile_.kind; }
  KafkaVersion kafka_version() const { return profile_.kafka_version; }
  /// The release under judgement as messages should name it ("Kafka " + kafka_version_text()):
  /// "3.9" for a chosen version; for a guessed range, a placeholder that the engine replaces with
  /// the lines a finding holds on once it has judged every class of the range.
  const std::string& kafka_version_text() const { return profile_.kafka_version_text; }
  /// The ZooKeeper release line under judgement, and how messages name it ("ZooKeeper " +
  /// zookeeper_version_text()), as for Kafka.
  ZooKeeperVersion zookeeper_version() const { return profile_.zookeeper_version; }
  const std::string& zookeeper_version_text() const { return profile_.zookeeper_version_text; }

  /// The entry Java keeps for `key` (the last one), or null.
  const Entry* find(std::string_view key) const { return doc_.find(key); }

  static constexpr std::uint8_t template_in_key = 1, template_in_value = 2, template_control = 4;
  bool key_templated(const Entry& e) const { return flags(e) & (template_in_key | template_control); }
  bool value_templated(const Entry& e) const { return flags(e) & (template_in_value | template_control); }
  bool templated(const Entry& e) const { return flags(e) != 0; }
  bool template_control_line(const Entry& e) const { return flags(e) & template_control; }

  /// The file its dynamicConfigFile names, read because it sits beside this one (ZooKeeper reads
  /// its server.N lines at startup, QuorumPeerConfig.parse @3.8), or null.
  const LintContext* dynamic_config() const { return dynamic_config_.get(); }
  void set_dynamic_config(std::unique_ptr<LintContext> companion) { dynamic_config_ = std::move(companion); }
  /// Why a file of that name beside this one could not be read (binary, too large, not a regular
  /// file, permission denied), path first; empty when it was read or is not there.
  const std::string& dynamic_config_unreadable() const { return dynamic_config_unreadable_; }
  void set_dynamic_config_unreadable(std::string why) { dynamic_config_unreadable_ = std::move(why); }

  /// The cluster this file is a member of (see cluster.hpp), or null when it was linted alone.
  const Cluster* cluster() const { return cluster_; }
  void set_cluster(const Cluster* cluster) { cluster_ = cluster; }

  /// What `zklint probe` saw of the systems this file names, or null in a plain lint run (the
  /// rules of rules/live/ read nothing else).
  const Observations* observed() const { return observed_.get(); }
  void set_observed(std::shared_ptr<const Observations> observed) { observed_ = std::move(observed); }

  /// The same file judged as release line `version` (named `version_text` in messages): the same
  /// document, cluster and observations, with models of its own.
  std::unique_ptr<LintContext> judged_as(KafkaVersion version, std::string version_text) const {
    FileProfile profile = profile_;
    profile.kafka_version = version;
    profile.kafka_version_text = std::move(version_text);
    return with_profile(std::move(profile));
  }
  std::unique_ptr<LintContext> judged_as(ZooKeeperVersion version, std::string version_text) const {
    FileProfile profile = profile_;
    profile.zookeeper_version = version;
    profile.zookeeper_version_text = version_text;
    auto other = with_profile(std::move(profile));
    // ZooKeeper reads the dynamic file as the same release, so rules see it judged alike.
    if (dynamic_config_) other->dynamic_config_ = dynamic_config_->judged_as(version, std::move(version_text));
    return other;
  }

  /// A shared analysis of this file (for example, the parsed listeners), built on first use from
  /// `Model(const LintContext&)` and kept for the other rules. Contexts are used by one thread.
  /// Every reader depends on what building the model asked about the release
  /// (release_questions.hpp): a model that notes its own questions part by part says what every
  /// reader depends on (NotesOwnReleaseQuestions); for any other model, what its construction
  /// asked is kept with it and noted again for every later reader.
  template <typename Model>
  const Model& model() const {
    static const char tag = 0;  // one address per Model type
    for (const CachedModel& m : models_) {
      if (m.tag != &tag) continue;
      const Model& cached = *static_cast<const Model*>(m.model.get());
      if constexpr (NotesOwnReleaseQuestions<Model>) note_release_questions(cached.questions_of_every_read());
      else note_release_questions(m.asked);
      return cached;
    }
    std::shared_ptr<const Model> built;
    ReleaseQuestions asked;
    if constexpr (NotesOwnReleaseQuestions<Model>) {
      {
        const ReleaseLog::Paused paused;  // each part keeps its own questions
        built = std::make_shared<const Model>(*this);
      }
      note_release_questions(built->questions_of_every_read());
    } else {
      const ReleaseLog log;  // noted in the reader's log too when it ends
      built = std::make_shared<const Model>(*this);
      asked = log.asked();
    }
    const Model& ref = *built;
    models_.push_back({&tag, std::move(built), std::move(asked)});
    return ref;
  }

 private:
  std::unique_ptr<LintContext> with_profile(FileProfile profile) const {
    auto other = std::make_unique<LintContext>(doc_, std::move(profile));
    other->cluster_ = cluster_;
    other->observed_ = observed_;
    other->dynamic_config_ = dynamic_config_;
    other->dynamic_config_unreadable_ = dynamic_config_unreadable_;
    return other;
  }
  std::uint8_t flags(const Entry& e) const {
    return e.index < profile_.entry_template_flags.size() ? profile_.entry_template_flags[e.index] : 0;
  }

  const Document& doc_;
  FileProfile profile_;
  const Cluster* cluster_ = nullptr;
  std::shared_ptr<const LintContext> dynamic_config_;
  std::string dynamic_config_unreadable_;
  std::shared_ptr<const Observations> observed_;
  struct CachedModel {
    const void* tag;
    std::shared_ptr<const void> model;
    ReleaseQuestions asked;
  };
  mutable std::vector<CachedModel> models_;
};

}  // namespace zklint
