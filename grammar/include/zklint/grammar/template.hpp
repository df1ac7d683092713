// Template syntax inside .properties files (Jinja, Go templates, ERB, shell, sed placeholders).
// A quarter of real configs are templates; checks that need a concrete value skip them.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace zklint::grammar {

/// True if `raw` holds a template placeholder or tag: {{ }}, {% %}, {# #}, <% %>, ${...}, $VAR,
/// %VAR%, @VAR@, {VAR}, Python str.format's {0} or <placeholder>.
bool contains_template(std::string_view raw);

/// One placeholder or tag in a text: bytes [begin, end).
struct TemplateSpan {
  std::size_t begin = 0, end = 0;
};

/// The placeholders and tags of `raw`, in order and not overlapping. A tag opened but not closed
/// on this text ({{ ... continuing on the next line) runs to the end.
std::vector<TemplateSpan> template_spans(std::string_view raw);

/// `raw` with every byte of a placeholder or tag replaced by `fill`: the same length and offsets,
/// for the checks whose verdict does not depend on what a placeholder expands to (a blank or a
/// '#' between two placeholders is there whatever they become).
std::string mask_templates(std::string_view raw, char fill = '_');

/// True when [begin, end) overlaps a placeholder or tag of `spans`.
bool overlaps_template(const std::vector<TemplateSpan>& spans, std::size_t begin, std::size_t end);

/// True if a template control line can emit setting lines of its own: an expression alone on
/// its line ({{ extra_config }}), an include, import, macro call or block. Pure control flow
/// ({% if %}, {% else %}, {% for %}, {% endif %}, {% set %}, {# comment #}, <% if ... %>, <% end %>)
/// emits only the lines written inside it.
bool template_line_may_emit_settings(std::string_view raw_line);

/// True if the line is template control flow rather than a key/value line: it starts with a block
/// tag ({% ... %}, {# ... #}, <% ... %> without '=') or is a single {{ ... }} tag.
bool is_template_control(std::string_view raw_line);

}  // namespace zklint::grammar
