// The YAML front end: deployment files (docker-compose, Kubernetes manifests, Helm values) as a
// tree whose every scalar knows the exact source bytes it came from. Built on libyaml-cpp's event
// parser, never on its node API: aliases stay references (an alias bomb costs nothing until it is
// walked, and walks are budgeted), anchors and merge keys are resolved here, and every problem
// becomes an Issue with a byte offset rather than an exception.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "zklint/source.hpp"

namespace zklint::yaml {

enum class NodeKind : std::uint8_t { null, scalar, sequence, mapping };

/// How a scalar was written. Only `plain` scalars are YAML's untyped words (null, true, 5).
enum class ScalarStyle : std::uint8_t { plain, single_quoted, double_quoted, block };

struct Node {
  NodeKind kind = NodeKind::null;
  ScalarStyle style = ScalarStyle::plain;
  /// The scalar as YAML decodes it (escapes, quotes, folding done).
  std::string text;
  /// Source bytes of the node: for a quoted scalar, inside the quotes; for a block scalar, its
  /// first content line; for a collection or null, where it starts (empty range).
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  /// The source bytes [begin, end) are exactly `text` (a plain or quoted scalar without escapes on
  /// one line): offsets into the text are offsets into the file.
  bool verbatim = false;
  std::vector<const Node*> items;                          ///< sequence items
  std::vector<std::pair<const Node*, const Node*>> pairs;  ///< mapping entries, in file order, `<<` kept

  bool is_scalar() const { return kind == NodeKind::scalar; }
  bool is_mapping() const { return kind == NodeKind::mapping; }
  bool is_sequence() const { return kind == NodeKind::sequence; }
  /// A scalar that YAML reads as null (`~`, `null`, empty) or a null node.
  bool is_null() const;
};

/// Something about the file that a user must hear about. The parse never throws on user input.
struct Issue {
  enum class Kind : std::uint8_t {
    syntax,         ///< not YAML: the parser's message
    invalid_utf8,   ///< YAML text must be Unicode; the first bad byte
    too_large,      ///< over the size or node budget: the rest is not read
    too_deep,       ///< nesting deeper than any deployment file needs
    alias_cycle,    ///< an alias inside the node it names
  };
  Kind kind;
  std::string message;
  std::uint32_t offset = 0;
};

/// Limits that keep a hostile file from taking the run down.
struct Limits {
  std::size_t max_bytes = std::size_t{16} << 20;
  std::size_t max_nodes = 1'000'000;
  std::size_t max_depth = 256;
};

/// A parsed YAML stream: one root per document (`---`), in order.
class Tree {
 public:
  Tree() = default;
  Tree(Tree&&) noexcept = default;
  Tree& operator=(Tree&&) noexcept = default;
  Tree(const Tree&) = delete;
  Tree& operator=(const Tree&) = delete;

  const std::vector<const Node*>& documents() const { return documents_; }
  const std::vector<Issue>& issues() const { return issues_; }
  /// The stream failed to parse: the documents before the failure are kept.
  bool failed() const { return failed_; }

 private:
  friend class TreeBuilder;
  friend Tree parse(const SourceFile& source, const Limits& limits);
  std::deque<Node> nodes_;  // stable addresses
  std::vector<const Node*> documents_;
  std::vector<Issue> issues_;
  bool failed_ = false;
};

/// Parses `source` as a YAML stream. Never throws on user input.
Tree parse(const SourceFile& source, const Limits& limits = {});

/// The entries of a mapping with merge keys (`<<: *base`, `<<: [*a, *b]`) resolved as YAML 1.1
/// and docker-compose do: the mapping's own keys win over merged ones, earlier merged mappings over
/// later ones. Walks at most `budget` merged entries (alias chains are shared, not copied).
std::vector<std::pair<const Node*, const Node*>> entries(const Node& mapping, std::size_t budget = 100'000);

/// The value of `key` in `mapping` (merge keys resolved), or null.
const Node* find(const Node& mapping, std::string_view key);

}  // namespace zklint::yaml
