#include "zklint/parse.hpp"

#include <exception>
#include <thread>

#include "part_parser.hpp"

namespace zklint {

namespace {

// A big file is parsed in stretches, one per core. Configuration files are never this big; a
// generated or concatenated one can be, and a linter that takes seconds on it is a linter that
// gets switched off.
constexpr std::size_t min_stretch_bytes = std::size_t{8} << 20;

// A physical line that does not end in an odd run of backslashes ends its logical line, whatever
// it is (an entry, a comment, a blank line), so the next line can start a stretch.
bool ends_logical_line(std::string_view line) {
  std::size_t backslashes = 0;
  while (backslashes < line.size() && line[line.size() - 1 - backslashes] == '\\') ++backslashes;
  return backslashes % 2 == 0;
}

// The first physical line of each stretch: {1} for all but big files.
std::vector<std::uint32_t> stretch_starts(const SourceFile& source) {
  std::vector<std::uint32_t> starts{1};
  const std::size_t size = source.bytes().size();
  const std::size_t stretches = std::min<std::size_t>(std::max(1U, std::thread::hardware_concurrency()), size / min_stretch_bytes);
  for (std::size_t k = 1; k < stretches; ++k) {
    std::uint32_t line = source.position_at(static_cast<std::uint32_t>(size / stretches * k)).line + 1;
    while (line <= source.line_count() && !ends_logical_line(source.line_text(line - 1))) ++line;
    if (line > source.line_count() || line <= starts.back()) break;
    starts.push_back(line);
  }
  return starts;
}

}  // namespace

/// Puts the parsed stretches together into the Document, in file order, and indexes the keys.
class DocumentBuilder {
 public:
  static void assemble(Document& doc, std::vector<ParsedPart>& parts) {
    ParsedPart& first = parts.front();
    doc.entries_ = std::move(first.entries);  // reserved for every stretch's entries
    doc.comments_ = std::move(first.comments);
    doc.lines_ = std::move(first.lines);
    doc.issues_ = std::move(first.issues);
    doc.arena_.adopt(std::move(first.arena));
    for (std::size_t p = 1; p < parts.size(); ++p) append(doc, parts[p]);
    doc.last_by_key_.build(doc.entries_);
  }

 private:
  static void append(Document& doc, ParsedPart& part) {
    const auto entry_base = static_cast<std::uint32_t>(doc.entries_.size());
    const auto comment_base = static_cast<std::uint32_t>(doc.comments_.size());
    for (Entry& e : part.entries) {
      e.index += entry_base;
      doc.entries_.push_back(std::move(e));
    }
    doc.comments_.insert(doc.comments_.end(), part.comments.begin(), part.comments.end());
    for (LineItem item : part.lines) {
      if (item.kind == LineItem::Kind::entry) item.index += entry_base;
      if (item.kind == LineItem::Kind::comment) item.index += comment_base;
      doc.lines_.push_back(item);
    }
    for (SyntaxIssue issue : part.issues) {
      issue.entry_index += entry_base;
      doc.issues_.push_back(issue);
    }
    doc.arena_.adopt(std::move(part.arena));
  }
};

Document parse(SourceFile source) {
  Document doc(std::move(source));
  const SourceFile& src = doc.source();
  const std::vector<std::uint32_t> starts = stretch_starts(src);
  const std::uint32_t past_end = src.line_count() + 1;
  std::vector<ParsedPart> parts(starts.size());
  // The first stretch reserves room for the entries of all of them, so that appending the others
  // moves nothing already in place.
  const std::size_t all_entries = likely_entries(src, 1, past_end);
  std::vector<std::thread> workers;
  std::vector<std::exception_ptr> failures(starts.size());
  for (std::size_t k = 1; k < starts.size(); ++k) {
    workers.emplace_back([&, k] {
      try {
        const std::uint32_t end = k + 1 < starts.size() ? starts[k + 1] : past_end;
        parts[k] = parse_part(src, starts[k], end, likely_entries(src, starts[k], end));
      } catch (...) {
        failures[k] = std::current_exception();
      }
    });
  }
  try {
    parts[0] = parse_part(src, 1, starts.size() > 1 ? starts[1] : past_end, all_entries);
  } catch (...) {
    failures[0] = std::current_exception();
  }
  for (std::thread& t : workers) t.join();
  for (const std::exception_ptr& f : failures) {
    if (f) std::rethrow_exception(f);
  }
  DocumentBuilder::assemble(doc, parts);
  return doc;
}

}  // namespace zklint
