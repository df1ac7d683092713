// What a rule sees of a file: the Document, its profile (kind, versions, templates), the cluster
// it belongs to for cross-node checks, and lazily built shared models.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "zklint/document.hpp"
#include "zklint/lint/cluster.hpp"
#include "zklint/lint/deployment.hpp"
#include "zklint/lint/file_kind.hpp"
#include "zklint/lint/kafka_version.hpp"
#include "zklint/lint/observation.hpp"

namespace zklint {

/// Facts decided about a file before any rule runs.
struct FileProfile {
  FileKind kind = FileKind::unknown;
  std::string kind_reason;  ///< why: "--kind", "file name; Kafka score 3, ZooKeeper score 0", ...
  bool kind_forced = false;  ///< set by --kind or the config file rather than detected
  KafkaVersion kafka_version;
  std::string kafka_version_reason;  ///< "--kafka-version", ".zklint.json", "auto: process.roles is set", ...
  /// No --kafka-version or config chose the version: auto-detection guessed it from the keys, so
  /// rules whose verdict depends on the exact release may stay quiet.
  bool kafka_version_guessed = false;
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

  /// A shared analysis of this file (for example, the parsed listeners), built on first use from
  /// `Model(const LintContext&)` and kept for the other rules. Contexts are used by one thread.
  template <typename Model>
  const Model& model() const {
    static const char tag = 0;  // one address per Model type
    for (const auto& [key, ptr] : models_) {
      if (key == &tag) return *static_cast<const Model*>(ptr.get());
    }
    auto built = std::make_shared<const Model>(*this);
    const Model& ref = *built;
    models_.emplace_back(&tag, std::move(built));
    return ref;
  }

 private:
  std::uint8_t flags(const Entry& e) const {
    return e.index < profile_.entry_template_flags.size() ? profile_.entry_template_flags[e.index] : 0;
  }

  const Document& doc_;
  FileProfile profile_;
  const Cluster* cluster_ = nullptr;
  std::unique_ptr<LintContext> dynamic_config_;
  std::string dynamic_config_unreadable_;
  std::shared_ptr<const Observations> observed_;
  mutable std::vector<std::pair<const void*, std::shared_ptr<const void>>> models_;
};

}  // namespace zklint
