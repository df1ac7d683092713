// Fixes in deployment files. A rule writes its fix as edits of the setting's value, in .properties
// terms; a setting of a docker-compose file, a Strimzi resource or an env file is written in YAML
// or env-file syntax instead. A fix is kept only where the same bytes mean the same value there:
// every edit lies inside a value written as it is read, and the file, re-read with its own syntax
// after the edits, differs from before in exactly the values the fix aims at.
#pragma once

#include <string_view>
#include <vector>

#include "zklint/document.hpp"
#include "zklint/lint/diagnostic.hpp"

namespace zklint::deploy {

/// Whether `edits` change the deployment file `source` in exactly the values they edit, as its own
/// syntax reads it (YAML scalars, or env-file values), and nothing else: a value written with
/// interpolation (`$`), escapes, block or multi-line scalars, or shared through a YAML alias is left
/// alone, and so is an edit that would change how the line parses (a `,` in a flow mapping, a `"`
/// in a double-quoted scalar, ` #` in a plain one).
bool edits_keep_syntax(const SourceFile& source, const std::vector<TextEdit>& edits);

/// Drops the fixes of `diagnostics` (found on `doc`, a Document derived from a deployment file)
/// whose edits do not hold in the file's own syntax (see edits_keep_syntax), or that touch
/// anything but a value written as it is read: a key (an environment variable's name), an image
/// default, a value rewritten by an image script.
void keep_fixes_true_to_source(const Document& doc, std::vector<Diagnostic>& diagnostics);

}  // namespace zklint::deploy
