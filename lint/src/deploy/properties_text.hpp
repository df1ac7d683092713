// Properties text written inside a YAML scalar: the Bitnami kafka chart's `extraConfig: |` block,
// one `key=value` item of a Confluent for Kubernetes `configOverrides.server` list. The text is
// read as java.util.Properties.load reads the file it ends up in, and every key and value points
// at the exact line and column of the YAML where it is written.
#pragma once

#include <vector>

#include "zklint/document.hpp"
#include "zklint/yaml.hpp"

namespace zklint::deploy {

/// The settings of the properties text `scalar` holds, in order, with source positions in
/// `source`. The lines of a literal block scalar (`|`) and a one-line scalar without escapes map
/// byte for byte; where YAML changed the text (folding `>`, escapes, quotes across lines), a
/// setting points at the whole scalar instead.
std::vector<DerivedSetting> properties_in_scalar(const SourceFile& source, const yaml::Node& scalar);

/// The comment lines of the properties text `scalar` holds, with source positions in `source`,
/// on the lines YAML left as written. To YAML they are content; Properties.load skips them, so
/// they are comments of the file the text ends up in, where zklint's directives may sit. One in a
/// one-line scalar shares its line with the YAML key, so it is not `own_line`.
std::vector<grammar::CommentSpan> comments_in_scalar(const SourceFile& source, const yaml::Node& scalar);

}  // namespace zklint::deploy
