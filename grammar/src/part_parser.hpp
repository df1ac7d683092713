// Parsing one stretch of a file: whole logical lines, from one physical line to another. The whole
// file is one stretch; a big file is parsed as several, in parallel (see parse.cpp).
#pragma once

#include <memory>
#include <vector>

#include "zklint/document.hpp"

namespace zklint {

/// What the grammar found in a stretch. Indices (Entry::index, LineItem::index, entry_index) count
/// from the start of the stretch; positions and offsets are the file's.
struct ParsedPart {
  std::vector<Entry> entries;
  std::vector<Comment> comments;
  std::vector<LineItem> lines;
  std::vector<SyntaxIssue> issues;
  Arena arena;  ///< decoded text that differs from the source, and position maps
};

/// Parses physical lines [first_line, end_line) of `source`, which must start a logical line.
/// `expected_entries` reserves room for that many entries (for the whole file: more than the
/// stretch's own, so that later stretches can be appended without moving it).
ParsedPart parse_part(const SourceFile& source, std::uint32_t first_line, std::uint32_t end_line, std::size_t expected_entries);

/// The likely number of entries on physical lines [first_line, end_line): the lines that are
/// neither blank nor comments (continuation lines count too, so this can be more).
std::size_t likely_entries(const SourceFile& source, std::uint32_t first_line, std::uint32_t end_line);

}  // namespace zklint
