#include "view.hpp"

#include "transport.hpp"

namespace zklint::lsp {

LintedView::LintedView(const FileResult& file, std::string uri, bool latin1, PositionEncoding encoding)
    : file_(file), uri_(std::move(uri)), latin1_(latin1), encoding_(encoding), index_(file.doc->source().bytes(), latin1) {}

namespace {
json position_json(const LineIndex& index, std::uint32_t offset, PositionEncoding encoding) {
  const LspPosition p = index.position(offset, encoding);
  return {{"line", p.line}, {"character", p.character}};
}
}  // namespace

json lsp_range(const LineIndex& index, const Range& range, PositionEncoding encoding) {
  return {{"start", position_json(index, range.begin.offset, encoding)}, {"end", position_json(index, range.end.offset, encoding)}};
}

json LintedView::position(std::uint32_t offset) const { return position_json(index_, offset, encoding_); }

json LintedView::range(std::uint32_t begin, std::uint32_t end) const { return {{"start", position(begin)}, {"end", position(end)}}; }

LspPosition read_position(const json& position) {
  const auto number = [&](const char* name) {
    const auto it = position.is_object() ? position.find(name) : position.end();
    if (it == position.end() || !it->is_number_unsigned()) {
      throw RpcError(error_code::invalid_params, std::string("a Position needs a non-negative integer '") + name + "'");
    }
    return static_cast<std::uint32_t>(std::min<std::uint64_t>(it->get<std::uint64_t>(), UINT32_MAX));
  };
  return {number("line"), number("character")};
}

std::uint32_t LintedView::offset(const json& position) const { return index_.offset(read_position(position), encoding_); }

std::string LintedView::client_text(std::string_view bytes) const { return latin1_ ? latin1_to_utf8(bytes) : std::string(bytes); }

json LintedView::text_edit(std::uint32_t begin, std::uint32_t end, std::string_view replacement) const {
  return {{"range", range(begin, end)}, {"newText", client_text(replacement)}};
}

}  // namespace zklint::lsp
