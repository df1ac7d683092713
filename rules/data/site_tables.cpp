#include "site_tables.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <nlohmann/json.hpp>
#include <tao/pegtl.hpp>

namespace zklint::data::site {
namespace {

namespace pegtl = tao::pegtl;

// --- HTML as a flat stream of tags and text ----------------------------------------------------
// Enough of HTML for generated pages: comments, declarations, the raw text of <script> and
// <style>, tags with quoted or unquoted attributes, and text. A '<' that starts no tag is text.
namespace html {
using namespace pegtl;
struct comment : seq<string<'<', '!', '-', '-'>, until<string<'-', '-', '>'>>> {};
struct declaration : seq<one<'<'>, one<'!', '?'>, until<one<'>'>>> {};
struct tag_name : seq<alpha, star<ranges<'a', 'z', 'A', 'Z', '0', '9', '-', '-'>>> {};
struct quoted : sor<seq<one<'"'>, until<one<'"'>>>, seq<one<'\''>, until<one<'\''>>>> {};
struct attributes : star<sor<quoted, not_one<'>'>>> {};
struct open_tag : seq<one<'<'>, tag_name, attributes, one<'>'>> {};
struct close_tag : seq<string<'<', '/'>, tag_name, star<not_one<'>'>>, one<'>'>> {};
template <char... Name>
struct raw_text_element
    : seq<one<'<'>, istring<Name...>, attributes, one<'>'>, until<seq<string<'<', '/'>, istring<Name...>, one<'>'>>>> {};
struct script : raw_text_element<'s', 'c', 'r', 'i', 'p', 't'> {};
struct style : raw_text_element<'s', 't', 'y', 'l', 'e'> {};
struct text : plus<not_one<'<'>> {};
struct stray_angle : one<'<'> {};
struct document : seq<star<sor<comment, declaration, script, style, close_tag, open_tag, text, stray_angle>>, eof> {};
}  // namespace html

struct Token {
  enum class Kind { open, close, text } kind;
  std::string name;   // lower-case tag name; empty for text
  std::string value;  // attributes of an open tag, or the text
};

struct TokenState {
  std::vector<Token> tokens;
  std::string name, attributes;
};

std::string lower(std::string_view s) {
  std::string out(s);
  std::ranges::transform(out, out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

template <typename Rule>
struct token_action : pegtl::nothing<Rule> {};
template <>
struct token_action<html::tag_name> {
  template <typename Input>
  static void apply(const Input& in, TokenState& s) { s.name = lower(in.string_view()); }
};
template <>
struct token_action<html::attributes> {
  template <typename Input>
  static void apply(const Input& in, TokenState& s) { s.attributes = in.string(); }
};
template <>
struct token_action<html::open_tag> {
  template <typename Input>
  static void apply(const Input&, TokenState& s) { s.tokens.push_back({Token::Kind::open, s.name, s.attributes}); }
};
template <>
struct token_action<html::close_tag> {
  template <typename Input>
  static void apply(const Input&, TokenState& s) { s.tokens.push_back({Token::Kind::close, s.name, {}}); }
};
template <>
struct token_action<html::text> {
  template <typename Input>
  static void apply(const Input& in, TokenState& s) { s.tokens.push_back({Token::Kind::text, {}, in.string()}); }
};
template <>
struct token_action<html::stray_angle> : token_action<html::text> {};

std::vector<Token> tokenize(std::string_view page) {
  TokenState state;
  pegtl::memory_input in(page.data(), page.size(), "page");
  if (!pegtl::parse<html::document, token_action>(in, state)) throw ShapeError("the page is not HTML");
  return std::move(state.tokens);
}

// --- cell text ---------------------------------------------------------------------------------
std::string decode_entities(std::string_view text) {
  static const std::map<std::string, std::string, std::less<>> named = {
      {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", " "}};
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const std::size_t semicolon = text[i] == '&' ? text.find(';', i) : std::string_view::npos;
    if (semicolon == std::string_view::npos || semicolon - i > 8) {
      out += text[i];
      continue;
    }
    const std::string_view entity = text.substr(i + 1, semicolon - i - 1);
    unsigned code = 0;
    const bool hex = entity.starts_with("#x") || entity.starts_with("#X");
    if (entity.starts_with('#')) {
      const std::string_view digits = entity.substr(hex ? 2 : 1);
      const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), code, hex ? 16 : 10);
      if (error != std::errc{} || end != digits.data() + digits.size() || code == 0 || code > 0x7f) {
        out += text[i];  // outside ASCII: kept as written rather than guessed
        continue;
      }
      out += static_cast<char>(code);
    } else if (const auto it = named.find(entity); it != named.end()) {
      out += it->second;
    } else {
      out += text[i];
      continue;
    }
    i = semicolon;
  }
  return out;
}

std::string trim(std::string_view s) {
  const auto blank = [](unsigned char c) { return std::isspace(c) != 0; };
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  return std::string(s);
}

// --- entries from the token stream ------------------------------------------------------------
enum class Field { type, default_value, valid_values, importance, update_mode, name, description };

std::optional<Field> field_of(std::string label) {
  if (label.ends_with(':')) label.pop_back();
  static const std::map<std::string, Field, std::less<>> labels = {
      {"Name", Field::name},
      {"Description", Field::description},
      {"Type", Field::type},
      {"Default", Field::default_value},
      {"Valid Values", Field::valid_values},
      {"Importance", Field::importance},
      {"Update Mode", Field::update_mode},
      {"Dynamic Update Mode", Field::update_mode}};
  const auto it = labels.find(trim(label));
  if (it == labels.end()) return std::nullopt;
  return it->second;
}

bool has_class(const std::string& attributes, std::string_view name) {
  const std::string quoted = "class=\"" + std::string(name) + "\"";
  const std::string bare = "class=" + std::string(name);
  return attributes.find(quoted) != std::string::npos ||
         (attributes.find(bare) != std::string::npos &&
          (attributes.size() == attributes.find(bare) + bare.size() ||
           std::isspace(static_cast<unsigned char>(attributes[attributes.find(bare) + bare.size()]))));
}

// A key being filled in: which fields the page gave, in the order it gave them.
struct PendingEntry {
  std::string name;
  std::map<Field, std::string> fields;
};

class Extractor {
 public:
  VersionTable finish() && {
    close_entry();
    if (table_.empty()) throw ShapeError("no broker-config entry found");
    return std::move(table_);
  }

  void feed(const Token& token) {
    switch (token.kind) {
      case Token::Kind::text:
        if (capture_) *capture_ += token.value;
        if (!trim(token.value).empty()) after_li_ = false;
        break;
      case Token::Kind::open:
        open(token);
        after_li_ = token.name == "li";
        break;
      case Token::Kind::close:
        close(token.name);
        break;
    }
  }

 private:
  void open(const Token& token) {
    const std::string& tag = token.name;
    if (tag == "ul") lists_.push_back(has_class(token.value, "config-list")         ? List::entries
                                      : has_class(token.value, "horizontal-list") ? List::fields
                                                                                    : List::other);
    if (tag == "h4") begin(Capture::name);
    // 2.4: the key is the <b> that opens its <li>; a <b> later in the description is prose.
    if (tag == "b" && after_li_ && !lists_.empty() && lists_.back() == List::entries) begin(Capture::name);
    if (tag == "b" && !lists_.empty() && lists_.back() == List::fields) begin(Capture::label);
    if (tag == "th") begin(Capture::label);
    if (tag == "td" && (label_ || !header_.empty())) begin(Capture::value);
    if (tag == "tr") row_.clear();
  }

  void close(const std::string& tag) {
    if (tag == "ul" && !lists_.empty()) lists_.pop_back();
    if ((tag == "h4" || tag == "b") && what_ == Capture::name) return start_entry(trim(end_capture()));
    if (tag == "b" && what_ == Capture::label) {
      label_ = label_field(end_capture());
      return begin(Capture::value);  // "<b>Type</b>: int</li>": the value runs to the </li>
    }
    if (tag == "li" && what_ == Capture::value && label_) {
      std::string value = end_capture();
      if (value.starts_with(':')) value.erase(0, 1);
      return set_field(*std::exchange(label_, std::nullopt), value);
    }
    if (tag == "th" && what_ == Capture::label) return header_cell(end_capture());
    if (tag == "td" && what_ == Capture::value) return value_cell(end_capture());
    if (tag == "tr" && !row_.empty()) row_entry();
  }

  enum class Capture { none, name, label, value };
  enum class List { entries, fields, other };

  void begin(Capture what) {
    what_ = what;
    text_.clear();
    capture_ = &text_;
  }
  std::string end_capture() {
    what_ = Capture::none;
    capture_ = nullptr;
    return decode_entities(text_);
  }

  static Field label_field(const std::string& label) {
    const auto field = field_of(label);
    if (!field) throw ShapeError("unknown field label '" + trim(label) + "'");
    return *field;
  }

  // "<th>Type:</th>" labels the next cell; "<th>Type</th>" without the colon is a column header.
  void header_cell(const std::string& text) {
    if (trim(text).ends_with(':')) {
      label_ = label_field(text);
    } else {
      if (header_done_) header_.clear(), header_done_ = false;
      header_.push_back(label_field(text));
    }
  }

  void value_cell(const std::string& text) {
    if (label_) return set_field(*std::exchange(label_, std::nullopt), text);
    header_done_ = true;
    row_.push_back(trim(text));
  }

  // A data row of the one-table shape: its cells in the header's column order.
  void row_entry() {
    if (row_.size() != header_.size()) throw ShapeError("a table row has " + std::to_string(row_.size()) +
                                                        " cells under " + std::to_string(header_.size()) + " headers");
    for (std::size_t i = 0; i < row_.size(); ++i) {
      if (header_[i] == Field::name) start_entry(row_[i]);
    }
    for (std::size_t i = 0; i < row_.size(); ++i) set_field(header_[i], row_[i]);
    row_.clear();
  }

  void start_entry(std::string name) {
    close_entry();
    current_ = PendingEntry{std::move(name), {}};
  }

  void set_field(Field field, const std::string& value) {
    if (field == Field::name || field == Field::description) return;
    if (!current_) throw ShapeError("a field comes before any key");
    if (!current_->fields.emplace(field, trim(value)).second)
      throw ShapeError("key " + current_->name + " gives a field twice");
  }

  // A heading without any field is not a key (page titles); a key missing a field is a new shape.
  void close_entry() {
    if (!current_) return;
    PendingEntry entry = std::move(*std::exchange(current_, std::nullopt));
    if (entry.fields.empty()) return;
    const auto field = [&](Field f) {
      const auto it = entry.fields.find(f);
      if (it == entry.fields.end()) throw ShapeError("key " + entry.name + " lacks a field");
      return it->second;
    };
    ConfigEntry config{field(Field::type), field(Field::default_value), field(Field::valid_values),
                       field(Field::importance), std::nullopt};
    if (entry.fields.contains(Field::update_mode)) config.update_mode = field(Field::update_mode);
    if (!table_.emplace(entry.name, std::move(config)).second)
      throw ShapeError("key " + entry.name + " is listed twice");
  }

  VersionTable table_;
  std::optional<PendingEntry> current_;
  std::vector<List> lists_;
  std::vector<Field> header_;
  bool header_done_ = false;
  bool after_li_ = false;
  std::vector<std::string> row_;
  std::optional<Field> label_;
  Capture what_ = Capture::none;
  std::string text_;
  std::string* capture_ = nullptr;
};

std::vector<int> version_numbers(const std::string& version) {
  std::vector<int> numbers;
  std::size_t begin = 0;
  while (begin <= version.size()) {
    const std::size_t dot = std::min(version.find('.', begin), version.size());
    int n = 0;
    std::from_chars(version.data() + begin, version.data() + dot, n);
    numbers.push_back(n);
    begin = dot + 1;
  }
  return numbers;
}

std::string quoted(const std::string& s) { return nlohmann::json(s).dump(); }

std::string entry_json(const ConfigEntry& e) {
  return "{\"type\": " + quoted(e.type) + ", \"default\": " + quoted(e.default_value) +
         ", \"valid_values\": " + quoted(e.valid_values) + ", \"importance\": " + quoted(e.importance) +
         ", \"update_mode\": " + (e.update_mode ? quoted(*e.update_mode) : "null") + "}";
}

// The catalog's own header: where it comes from and how to read its cells.
constexpr const char* catalog_source =
    "apache/kafka-site generated/kafka_config.html (2.0-4.1); NN/configuration/broker-configs/index.html of the "
    "Hugo-built site (4.2+)";
constexpr const char* conventions =
    "{\"default\": \"raw Default cell text: '' = no default (required key), 'null' = null default, '\\\"\\\"' = "
    "empty string/list default; newer tables append a unit such as ' (7 days)' to .ms/.bytes defaults\", "
    "\"valid_values\": \"raw Valid Values cell text; '' = no validator shown\", \"update_mode\": \"read-only | "
    "per-broker | cluster-wide; null where the table has no such column\"}";

}  // namespace

VersionTable parse_broker_configs(std::string_view html) {
  Extractor extractor;
  for (const Token& token : tokenize(html)) extractor.feed(token);
  return std::move(extractor).finish();
}

bool version_less(const std::string& a, const std::string& b) { return version_numbers(a) < version_numbers(b); }

std::string catalog_json(const Catalog& catalog) {
  std::string out = "{\n \"source\": " + quoted(catalog_source) + ",\n \"version_sources\": {";
  const char* separator = "";
  for (const auto& [version, source] : catalog.version_sources) {
    out += std::exchange(separator, ", ") + quoted(version) + ": " + quoted(source);
  }
  out += "},\n \"conventions\": " + std::string(conventions) + ",\n \"versions\": {\n";
  separator = "";
  for (const auto& [version, table] : catalog.versions) {
    out += std::string(std::exchange(separator, ",\n")) + "  " + quoted(version) + ": {\n";
    const char* entry_separator = "";
    for (const auto& [key, entry] : table) {
      out += std::string(std::exchange(entry_separator, ",\n")) + "   " + quoted(key) + ": " + entry_json(entry);
    }
    out += "\n  }";
  }
  return out + "\n }\n}\n";
}

}  // namespace zklint::data::site
