// The settings of one node that an operator or a Helm chart configures: the ones it writes itself
// (pointing at the resource or values key they come from) and the user's, in the order the config
// file gets them, each with where it came from for `zklint dump`.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "compose.hpp"
#include "zklint/lint/context.hpp"
#include "zklint/yaml.hpp"

namespace zklint::deploy {

/// The node at `keys` below `node` (merge keys resolved), or null when one is missing.
inline const yaml::Node* value_at(const yaml::Node* node, std::initializer_list<std::string_view> keys) {
  for (std::string_view key : keys) {
    if (node == nullptr || !node->is_mapping()) return nullptr;
    node = yaml::find(*node, key);
  }
  return node;
}

/// The text of a scalar node; empty for a missing node or a collection.
inline std::string scalar_text(const yaml::Node* node) { return node != nullptr && node->is_scalar() ? node->text : std::string(); }

/// A setting the operator or chart writes itself. Its value is theirs, never the user's to fix, so
/// the checks take it as given (template text) unless `judged`.
struct MadeSetting {
  std::string key, value;
  bool judged = false;
};

class NodeSettings {
 public:
  /// Made settings point at `anchor` (a scalar of the file, or a collection's start).
  NodeSettings(const SourceFile& source, const yaml::Node& anchor) : source_(source), anchor_(anchor) {}

  void add_made(const std::vector<MadeSetting>& made, const std::string& how) {
    for (const MadeSetting& m : made) {
      DerivedSetting s;
      s.key = m.key;
      s.value = m.value;
      s.key_begin = s.value_begin = s.separator_offset = anchor_.begin;
      s.key_end = s.value_end = anchor_.is_scalar() ? anchor_.end : anchor_.begin;
      s.value_pieces = {{0, s.value_begin, static_cast<std::uint32_t>(s.value.size()), s.value_end - s.value_begin}};
      settings_.push_back(std::move(s));
      origins_.push_back({"", how});
      flags_.push_back(m.judged ? 0 : LintContext::template_in_value);
    }
  }

  /// The user's settings; a value with a template (`{{ }}` or `${ }`) is taken as given.
  void add_user(const std::vector<DerivedSetting>& user, const std::string& how) {
    for (const DerivedSetting& s : user) {
      settings_.push_back(s);
      origins_.push_back({s.key, how});
      const bool templated = s.value.find("{{") != std::string::npos || s.value.find("${") != std::string::npos;
      flags_.push_back(templated ? LintContext::template_in_value : 0);
    }
  }

  bool has(std::string_view key) const {
    for (const DerivedSetting& s : settings_) {
      if (s.key == key) return true;
    }
    return false;
  }

  /// Adds `node` with these settings to the load (its origins are set here).
  void finish(DeployedNode node, ComposeModel& model, ComposeLoad& load) {
    node.origins = std::move(origins_);
    ServiceDocument doc;
    doc.doc = std::make_unique<Document>(Document::derive(SourceFile(source_.path(), std::string(source_.bytes())), settings_, node.service_range));
    doc.template_flags = std::move(flags_);
    doc.node = model.nodes.size();
    model.nodes.push_back(std::move(node));
    load.services.push_back(std::move(doc));
  }

 private:
  const SourceFile& source_;
  const yaml::Node& anchor_;
  std::vector<DerivedSetting> settings_;
  std::vector<SettingOrigin> origins_;
  std::vector<std::uint8_t> flags_;
};

}  // namespace zklint::deploy
