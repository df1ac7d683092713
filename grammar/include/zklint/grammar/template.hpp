// Template syntax inside .properties files (Jinja, Go templates, ERB, shell, sed placeholders).
// A quarter of real configs are templates; checks that need a concrete value skip them.
#pragma once

#include <string_view>

namespace zklint::grammar {

/// True if `raw` holds a template placeholder or tag: {{ }}, {% %}, {# #}, <% %>, ${...}, $VAR,
/// %VAR%, @VAR@, {VAR} or <placeholder>.
bool contains_template(std::string_view raw);

/// True if the line is template control flow rather than a key/value line: it starts with a block
/// tag ({% ... %}, {# ... #}, <% ... %> without '=') or is a single {{ ... }} tag.
bool is_template_control(std::string_view raw_line);

}  // namespace zklint::grammar
