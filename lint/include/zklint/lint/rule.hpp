// The plug-in interface for rules: metadata, examples, and check().
//
// A rule is one file under rules/<family>/. It starts with ZKL_RULE(ClassName), defines meta()
// and check(), and nothing else has to change: the registry is generated from the ZKL_RULE lines.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "zklint/lint/context.hpp"
#include "zklint/lint/diagnostic.hpp"
#include "zklint/lint/file_kind.hpp"
#include "zklint/lint/reporter.hpp"
#include "zklint/lint/suppression.hpp"

namespace zklint {

/// A small file a rule's documentation shows and the test suite runs.
struct Example {
  std::string_view text;
  /// File name the example is linted as; empty picks server.properties, zoo.cfg or example.properties
  /// from the rule's applies_to.
  std::string_view file_name = {};
  /// For cross-node rules: another member of the example's cluster (a ZooKeeper config for a Kafka
  /// example, or the reverse).
  std::string_view companion = {};
  std::string_view companion_name = {};
  /// A file beside the example that it names and ZooKeeper reads with it (its dynamicConfigFile).
  std::string_view beside = {};
  std::string_view beside_name = {};
  /// Kafka version to assume ("3.9"); empty means auto-detection.
  std::string_view kafka_version = {};
  /// ZooKeeper version to assume ("3.5"); empty means auto-detection.
  std::string_view zookeeper_version = {};
  /// For the rules of rules/live/: what `zklint probe` saw, as the JSON of observation_json.hpp.
  std::string_view observed = {};
  /// For bad examples of fixable rules: the text after `zklint --fix`.
  std::string_view fixed = {};
};

/// How an editor shows a rule's findings besides their severity (LSP DiagnosticTag): faded as
/// code that does nothing, or struck through as something a release removed.
enum class FindingTag : std::uint8_t { none, unnecessary, deprecated };

/// Rule metadata, written with designated initializers in the order below.
struct RuleMeta {
  std::string_view code;     ///< stable id "ZKLnnn"; the hundreds digit is the family's block
  std::string_view name;     ///< kebab-case, accepted wherever a code is
  Severity severity = Severity::warning;
  FileKinds applies_to = FileKinds::any();
  std::string_view summary;  ///< one line
  std::string_view doc;      ///< Markdown: why it matters, what Kafka/ZooKeeper do, how to fix
  std::vector<Example> bad;   ///< each must raise this rule, and only this rule
  std::vector<Example> good;  ///< each must raise nothing at all
  /// Set when the rule offers a fix; `safe` fixes are applied by --fix.
  std::optional<FixSafety> fix = std::nullopt;
  /// Rules off by default run only when selected or enabled in .zklint.json.
  bool enabled_by_default = true;
  FindingTag tag = FindingTag::none;
};

class Rule {
 public:
  virtual ~Rule() = default;
  virtual const RuleMeta& meta() const = 0;
  /// Inspects one file. Never throws on user input; reports through `out`.
  virtual void check(const LintContext& ctx, Reporter& out) const = 0;
  /// Meta rules only: called after suppressions were applied, with what became of the directives.
  virtual void check_suppressions(const LintContext&, const SuppressionReport&, Reporter&) const {}
  /// The folder under rules/ this rule lives in (its family), set by the registry.
  std::string_view family() const { return family_; }

 private:
  friend class RuleRegistry;
  std::string_view family_;
};

}  // namespace zklint

/// Declares a rule class and the factory the generated registry calls.
#define ZKL_RULE(ClassName)                                                          \
  namespace zklint::rules {                                                          \
  class ClassName final : public ::zklint::Rule {                                    \
   public:                                                                           \
    const ::zklint::RuleMeta& meta() const override;                                 \
    void check(const ::zklint::LintContext& ctx, ::zklint::Reporter& out) const override; \
  };                                                                                 \
  std::unique_ptr<::zklint::Rule> make_##ClassName() { return std::make_unique<ClassName>(); } \
  }

/// Declares a meta rule: it reports on the suppression comments after the other rules ran, in
/// check_suppressions(), and has nothing to check before that.
#define ZKL_META_RULE(ClassName)                                                     \
  namespace zklint::rules {                                                          \
  class ClassName final : public ::zklint::Rule {                                    \
   public:                                                                           \
    const ::zklint::RuleMeta& meta() const override;                                 \
    void check(const ::zklint::LintContext&, ::zklint::Reporter&) const override {}  \
    void check_suppressions(const ::zklint::LintContext& ctx, const ::zklint::SuppressionReport& report, \
                            ::zklint::Reporter& out) const override;                 \
  };                                                                                 \
  std::unique_ptr<::zklint::Rule> make_##ClassName() { return std::make_unique<ClassName>(); } \
  }
