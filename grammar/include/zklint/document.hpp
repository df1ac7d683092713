// The parsed view of a .properties file: every logical line in file order, with exact positions.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "zklint/arena.hpp"
#include "zklint/grammar/comment_lines.hpp"
#include "zklint/key_index.hpp"
#include "zklint/source.hpp"

namespace zklint {

/// How the key of an entry is separated from its value.
enum class Separator : std::uint8_t {
  none,    ///< `key` alone: the value is ""
  equals,  ///< `key=value` (blanks around `=` allowed)
  colon,   ///< `key:value`
  blank,   ///< `key value`: a space, tab or form feed ends the key
};

/// One piece of a position map: decoded bytes [decoded, decoded + decoded_length) come from source
/// bytes [source, source + source_length). A piece is either a verbatim run (equal lengths, mapped
/// byte for byte) or one atomic unit: an escape such as `\t` or `\u00e9`, or a Latin-1 byte that
/// became two UTF-8 bytes.
struct MapPiece {
  std::uint32_t decoded = 0;
  std::uint32_t source = 0;
  std::uint32_t decoded_length = 0;
  std::uint32_t source_length = 0;
  bool verbatim() const { return decoded_length == source_length; }
};

/// Maps byte offsets in a decoded key or value back to byte offsets in the source file, through
/// escapes, Latin-1 decoding and continuation lines. An empty piece list means the decoded text is
/// the source text starting at `origin`, byte for byte.
class PositionMap {
 public:
  PositionMap() = default;
  /// `pieces` must outlive the map (the Document's arena keeps them).
  PositionMap(std::uint32_t origin, std::span<const MapPiece> pieces)
      : origin_(origin), size_(static_cast<std::uint32_t>(pieces.size())), pieces_(pieces.data()) {}

  /// Source offset of the first byte of the decoded character at `decoded`.
  std::uint32_t source_begin(std::uint32_t decoded) const;
  /// Source offset just past the decoded character that ends at `decoded_end` (exclusive).
  std::uint32_t source_end(std::uint32_t decoded_end) const;
  bool identity() const { return size_ == 0; }
  std::span<const MapPiece> pieces() const { return {pieces_, size_}; }

 private:
  // 16 bytes, trivially copyable: an Entry holds two and a big file holds a million Entries.
  std::uint32_t origin_ = 0;
  std::uint32_t size_ = 0;
  const MapPiece* pieces_ = nullptr;
};

/// A key/value line. `key` and `value` are exactly what Java's Properties.load produces, encoded as
/// UTF-8 (unpaired surrogates from `\uD800`-style escapes use the 3-byte generalized UTF-8 form).
struct Entry {
  std::string_view key;
  std::string_view value;
  /// Source ranges of the raw (escaped) key and value text. A key or value that spans continuation
  /// lines has a range that spans them too. An empty key or value has an empty range where it would be.
  Range key_range;
  Range value_range;
  Separator separator = Separator::none;
  /// Byte offset of the `=` or `:`, when `separator` is equals or colon.
  std::uint32_t separator_offset = 0;
  PositionMap key_map;
  PositionMap value_map;
  /// The last physical line of the logical line (differs from key_range.begin.line when continued).
  std::uint32_t last_line = 0;
  /// Index of this entry in Document::entries().
  std::uint32_t index = 0;
  /// The logical line was continued with a trailing backslash at least once.
  bool continued = false;
  /// The logical line ended with a backslash at end of file, which Java silently drops.
  bool dropped_backslash_at_eof = false;
  /// The entry is the empty key/value pair Java creates from a lone `\` at the very end of the file.
  bool from_lone_backslash = false;
  /// A later entry has the same key, so Java replaced this value (Document::find gives that entry).
  bool overridden = false;

  /// The source range of decoded value bytes [begin, end).
  Range value_source_range(const SourceFile& source, std::uint32_t begin, std::uint32_t end) const;
  Range key_source_range(const SourceFile& source, std::uint32_t begin, std::uint32_t end) const;
  /// Range from the start of the key to the end of the value: the whole logical line.
  Range line_range() const { return {key_range.begin, value_range.end}; }
};

/// A comment line: first non-blank character `#` or `!`. Comments never continue. In a derived
/// Document, the source's comments (YAML's may follow a value on its line).
struct Comment {
  Range range;            ///< from the marker to the end of the line
  std::string_view text;  ///< raw bytes after the marker
  char marker = '#';
  bool own_line = true;   ///< nothing but blanks before the marker on its line
};

/// A syntax problem the grammar stage finds. Java accepts almost every byte sequence; the one thing
/// it rejects is a malformed `\uXXXX` escape, which aborts the whole load.
struct SyntaxIssue {
  enum class Kind : std::uint8_t { malformed_unicode_escape };
  Kind kind;
  Range range;
  std::uint32_t entry_index = 0;
};

/// Which kind of logical line an item of Document::lines() is.
struct LineItem {
  enum class Kind : std::uint8_t { entry, comment, blank };
  Kind kind;
  std::uint32_t index;  ///< into entries() or comments(); for blank: the physical line number
};

/// A setting written in another syntax than .properties (an environment variable of a
/// docker-compose service, a key of a Kubernetes resource), as the software will read it, with
/// where its key and value are written. Offsets are source bytes.
struct DerivedSetting {
  std::string key;
  std::string value;
  std::uint32_t key_begin = 0, key_end = 0;
  std::uint32_t value_begin = 0, value_end = 0;
  Separator separator = Separator::colon;
  std::uint32_t separator_offset = 0;
  /// How value bytes map to source bytes (decoded offsets from 0, absolute source offsets). Empty:
  /// byte for byte from value_begin when the source there is the value, else the whole value is
  /// one unit mapped to [value_begin, value_end).
  std::vector<MapPiece> value_pieces;
};

/// A parsed file. Owns its source bytes and all decoded text; cheap to move, not copyable.
class Document {
 public:
  explicit Document(SourceFile source);
  Document(Document&&) noexcept = default;
  Document& operator=(Document&&) noexcept = default;
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  const SourceFile& source() const { return *source_; }
  const std::vector<Entry>& entries() const { return entries_; }
  const std::vector<Comment>& comments() const { return comments_; }
  const std::vector<LineItem>& lines() const { return lines_; }
  const std::vector<SyntaxIssue>& syntax_issues() const { return issues_; }

  /// The entry Java keeps for `key`: the last one in the file. Null when absent.
  const Entry* find(std::string_view key) const;
  /// The value Java keeps for `key`, or nullopt.
  std::optional<std::string_view> get(std::string_view key) const;
  /// Index of the entry whose key/value Java fails on, if the load aborts; entries before it are
  /// what a Properties object holds when the exception propagates.
  std::optional<std::uint32_t> load_failure_entry() const;

  /// The settings come from another syntax (see DerivedSetting): the checks of .properties syntax
  /// do not apply, and the source is not a .properties file.
  bool derived() const { return derived_; }
  /// A Document of settings that `source` writes in another syntax, in the order given (the last
  /// of a key wins, as in a .properties file). Keys and values are copied. `anchor` is where
  /// findings about the settings as a whole point (the service that has them). `comments` are the
  /// source's own comments, where zklint's directives may sit.
  static Document derive(SourceFile source, const std::vector<DerivedSetting>& settings, std::optional<Range> anchor = std::nullopt,
                         const std::vector<grammar::CommentSpan>& comments = {});
  /// For a derived Document: where findings about the settings as a whole point.
  const std::optional<Range>& file_anchor() const { return file_anchor_; }

 private:
  friend class DocumentBuilder;
  bool derived_ = false;
  std::optional<Range> file_anchor_;
  std::unique_ptr<SourceFile> source_;  // stable address: entries point into its bytes
  Arena arena_;  // decoded text that differs from the source bytes, and position maps
  std::vector<Entry> entries_;
  std::vector<Comment> comments_;
  std::vector<LineItem> lines_;
  std::vector<SyntaxIssue> issues_;
  KeyIndex last_by_key_;
};

}  // namespace zklint
