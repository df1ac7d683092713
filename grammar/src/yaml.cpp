#include "zklint/yaml.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "zklint/text.hpp"

namespace zklint::yaml {

bool Node::is_null() const {
  if (kind == NodeKind::null) return true;
  if (kind != NodeKind::scalar || style != ScalarStyle::plain) return false;
  return text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL";
}

namespace {

struct Abort {};  // thrown by the handler when a budget runs out; the issue is already recorded

// Where a scalar's text sits in the source, given the offset the parser marks it at (which is
// before any anchor or tag and, for quoted scalars, at the quote).
class ScalarLocator {
 public:
  explicit ScalarLocator(std::string_view bytes) : bytes_(bytes) {}

  void locate(Node& node, std::uint32_t mark, bool in_flow) const {
    std::size_t p = skip_properties(mark);
    if (p >= bytes_.size()) {
      node.begin = node.end = static_cast<std::uint32_t>(bytes_.size());
      return;
    }
    const char c = bytes_[p];
    if (c == '"' || c == '\'') {
      node.style = c == '"' ? ScalarStyle::double_quoted : ScalarStyle::single_quoted;
      set(node, p + 1, closing_quote(p));
    } else if ((c == '|' || c == '>') && node.style != ScalarStyle::plain) {
      node.style = ScalarStyle::block;
      const auto [first, last] = first_content_line(p);
      set(node, first, last);
    } else {
      node.style = ScalarStyle::plain;
      if (bytes_.compare(p, node.text.size(), node.text) == 0) set(node, p, p + node.text.size());
      else set(node, p, plain_end(p, in_flow));
    }
  }

 private:
  void set(Node& node, std::size_t begin, std::size_t end) const {
    end = std::max(begin, std::min(end, bytes_.size()));
    node.begin = static_cast<std::uint32_t>(begin);
    node.end = static_cast<std::uint32_t>(end);
    node.verbatim = bytes_.substr(begin, end - begin) == node.text;
  }

  // `&anchor` and `!tag` come before the content, each followed by blanks.
  std::size_t skip_properties(std::size_t p) const {
    while (p < bytes_.size() && (bytes_[p] == '&' || bytes_[p] == '!')) {
      while (p < bytes_.size() && !is_blank_or_break(bytes_[p])) ++p;
      while (p < bytes_.size() && is_blank_or_break(bytes_[p])) ++p;
    }
    return p;
  }

  std::size_t closing_quote(std::size_t open) const {
    const char q = bytes_[open];
    std::size_t i = open + 1;
    while (i < bytes_.size()) {
      if (q == '"' && bytes_[i] == '\\') {
        i += 2;
      } else if (bytes_[i] == q) {
        if (q == '\'' && i + 1 < bytes_.size() && bytes_[i + 1] == '\'') i += 2;
        else return i;
      } else {
        ++i;
      }
    }
    return bytes_.size();
  }

  // The first non-blank line after a block scalar's indicator line, without its indentation.
  std::pair<std::size_t, std::size_t> first_content_line(std::size_t indicator) const {
    std::size_t i = bytes_.find('\n', indicator);
    while (i != std::string_view::npos) {
      std::size_t start = i + 1;
      while (start < bytes_.size() && (bytes_[start] == ' ' || bytes_[start] == '\t')) ++start;
      const std::size_t eol = std::min(bytes_.find('\n', start), bytes_.size());
      if (start < eol && bytes_[start] != '\r') return {start, eol > start && bytes_[eol - 1] == '\r' ? eol - 1 : eol};
      i = eol < bytes_.size() ? eol : std::string_view::npos;
    }
    return {indicator, indicator + 1};
  }

  // A plain scalar that does not match its text byte for byte spans lines: point at its first.
  std::size_t plain_end(std::size_t p, bool in_flow) const {
    std::size_t i = p;
    while (i < bytes_.size() && bytes_[i] != '\n' && bytes_[i] != '\r') {
      if (in_flow && (bytes_[i] == ',' || bytes_[i] == ']' || bytes_[i] == '}')) break;
      if (bytes_[i] == '#' && i > p && (bytes_[i - 1] == ' ' || bytes_[i - 1] == '\t')) break;
      ++i;
    }
    while (i > p && (bytes_[i - 1] == ' ' || bytes_[i - 1] == '\t')) --i;
    return i;
  }

  static bool is_blank_or_break(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

  std::string_view bytes_;
};

}  // namespace

/// Builds the Tree from yaml-cpp's events.
class TreeBuilder final : public YAML::EventHandler {
 public:
  // A UTF-8 byte order mark is dropped by the parser, and its marks count from after it.
  TreeBuilder(Tree& tree, const SourceFile& source, const Limits& limits)
      : tree_(tree), locator_(source.bytes()), limits_(limits), bom_(source.bytes().starts_with("\xEF\xBB\xBF") ? 3 : 0) {}

  std::uint32_t offset(const YAML::Mark& mark) const { return (mark.pos < 0 ? 0U : static_cast<std::uint32_t>(mark.pos)) + bom_; }


  void OnDocumentStart(const YAML::Mark&) override {
    stack_.clear();
    pending_key_.clear();
    root_ = nullptr;
  }
  void OnDocumentEnd() override { tree_.documents_.push_back(root_ != nullptr ? root_ : &make(NodeKind::null, 0)); }

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Node& node = make(NodeKind::null, offset(mark));
    attach(node, anchor);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const auto it = anchors_.find(anchor);
    if (it == anchors_.end() || open_.count(it->second) != 0) {
      issue(Issue::Kind::alias_cycle, "this alias names a node that contains it; YAML tools that expand aliases never finish", offset(mark));
      attach(make(NodeKind::null, offset(mark)), 0);
      return;
    }
    attach_existing(*it->second);
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor, const std::string& value) override {
    Node& node = make(NodeKind::scalar, offset(mark));
    node.text = value;
    // yaml-cpp tags every quoted or block scalar "!" and leaves plain ones "?".
    node.style = tag == "?" ? ScalarStyle::plain : ScalarStyle::double_quoted;
    locator_.locate(node, offset(mark), in_flow());
    attach(node, anchor);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, YAML::EmitterStyle::value style) override {
    open(make(NodeKind::sequence, offset(mark)), anchor, style);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor, YAML::EmitterStyle::value style) override {
    open(make(NodeKind::mapping, offset(mark)), anchor, style);
  }
  void OnMapEnd() override { close(); }

  void issue(Issue::Kind kind, std::string message, std::uint32_t at) {
    tree_.issues_.push_back({kind, std::move(message), at});
  }

 private:
  struct Open {
    Node* node;
    bool flow;
  };

  Node& make(NodeKind kind, std::uint32_t at) {
    if (tree_.nodes_.size() >= limits_.max_nodes) {
      issue(Issue::Kind::too_large, "the file has more than " + std::to_string(limits_.max_nodes) + " YAML nodes; the rest is not read", at);
      throw Abort{};
    }
    Node& node = tree_.nodes_.emplace_back();
    node.kind = kind;
    node.begin = node.end = at;
    return node;
  }

  bool in_flow() const { return !stack_.empty() && stack_.back().flow; }

  void open(Node& node, YAML::anchor_t anchor, YAML::EmitterStyle::value style) {
    if (stack_.size() >= limits_.max_depth) {
      issue(Issue::Kind::too_deep, "the YAML is nested more than " + std::to_string(limits_.max_depth) + " levels deep; the rest is not read", node.begin);
      throw Abort{};
    }
    attach(node, anchor);
    stack_.push_back({&node, style == YAML::EmitterStyle::Flow || in_flow()});
    open_.insert(&node);
  }

  void close() {
    if (stack_.empty()) return;
    open_.erase(stack_.back().node);
    stack_.pop_back();
  }

  void attach(Node& node, YAML::anchor_t anchor) {
    if (anchor != 0) anchors_[anchor] = &node;
    attach_existing(node);
  }

  void attach_existing(const Node& node) {
    if (stack_.empty()) {
      root_ = &node;
      return;
    }
    Node& parent = *stack_.back().node;
    if (parent.kind == NodeKind::sequence) {
      parent.items.push_back(&node);
    } else if (const auto it = pending_key_.find(&parent); it == pending_key_.end()) {
      pending_key_[&parent] = &node;
    } else {
      parent.pairs.emplace_back(it->second, &node);
      pending_key_.erase(it);
    }
  }

  Tree& tree_;
  ScalarLocator locator_;
  const Limits& limits_;
  std::uint32_t bom_;
  std::vector<Open> stack_;
  std::set<const Node*> open_;
  std::map<const Node*, const Node*> pending_key_;  // a mapping whose key came, waiting for its value
  std::map<YAML::anchor_t, const Node*> anchors_;
  const Node* root_ = nullptr;
};

Tree parse(const SourceFile& source, const Limits& limits) {
  Tree tree;
  TreeBuilder builder(tree, source, limits);
  const std::string_view bytes = source.bytes();
  if (bytes.size() > limits.max_bytes) {
    builder.issue(Issue::Kind::too_large, "the file is larger than " + std::to_string(limits.max_bytes >> 20) + " MiB; that is not a deployment file", 0);
    tree.failed_ = true;
    return tree;
  }
  if (const std::size_t valid = valid_utf8_prefix(bytes); valid < bytes.size()) {
    builder.issue(Issue::Kind::invalid_utf8, "the file is not UTF-8 text (the byte here is not valid UTF-8); YAML tools refuse it", static_cast<std::uint32_t>(valid));
    tree.failed_ = true;
    return tree;
  }
  std::istringstream in{std::string(bytes)};
  try {
    YAML::Parser parser(in);
    while (parser.HandleNextDocument(builder)) {
    }
  } catch (const Abort&) {
    tree.failed_ = true;
  } catch (const YAML::DeepRecursion& e) {
    builder.issue(Issue::Kind::too_deep, "the YAML is nested too deeply to read", builder.offset(e.mark));
    tree.failed_ = true;
  } catch (const YAML::Exception& e) {
    builder.issue(Issue::Kind::syntax, "not valid YAML: " + e.msg, builder.offset(e.mark));
    tree.failed_ = true;
  } catch (const std::exception& e) {
    builder.issue(Issue::Kind::syntax, std::string("not valid YAML: ") + e.what(), 0);
    tree.failed_ = true;
  }
  for (Issue& i : tree.issues_) i.offset = std::min<std::uint32_t>(i.offset, static_cast<std::uint32_t>(bytes.size()));
  return tree;
}

namespace {

bool is_merge_key(const Node& key) { return key.is_scalar() && key.style == ScalarStyle::plain && key.text == "<<"; }

// Scalar keys by text, other keys by identity.
struct SeenKeys {
  std::set<std::string_view> texts;
  std::set<const Node*> nodes;
  bool insert(const Node& key) { return key.is_scalar() ? texts.insert(key.text).second : nodes.insert(&key).second; }
};

void collect(const Node& mapping, std::vector<std::pair<const Node*, const Node*>>& out, SeenKeys& seen, std::size_t& budget, std::size_t depth) {
  for (const auto& [key, value] : mapping.pairs) {
    if (budget == 0) return;
    --budget;
    if (!is_merge_key(*key) && seen.insert(*key)) out.emplace_back(key, value);
  }
  if (depth > 64) return;
  for (const auto& [key, value] : mapping.pairs) {
    if (!is_merge_key(*key)) continue;
    if (value->is_mapping()) collect(*value, out, seen, budget, depth + 1);
    for (const Node* item : value->items) {
      if (item->is_mapping()) collect(*item, out, seen, budget, depth + 1);
    }
  }
}

}  // namespace

std::vector<std::pair<const Node*, const Node*>> entries(const Node& mapping, std::size_t budget) {
  std::vector<std::pair<const Node*, const Node*>> out;
  SeenKeys seen;
  collect(mapping, out, seen, budget, 0);
  return out;
}

const Node* find(const Node& mapping, std::string_view key) {
  for (const auto& [k, v] : entries(mapping)) {
    if (k->is_scalar() && k->text == key) return v;
  }
  return nullptr;
}

}  // namespace zklint::yaml
