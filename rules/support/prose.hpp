// A line of prose that lost its '#': `Licensed to the Apache Software Foundation ...` reads as the
// key `Licensed`. prose-line (ZKL009) reports such lines; key rules skip them so that one line
// gets one finding.
#pragma once

#include "zklint/lint/context.hpp"

namespace zklint::support {

/// The key is a plain word that no Kafka or ZooKeeper setting uses, separated from a value of
/// several words by a blank.
bool looks_like_prose(const LintContext& ctx, const Entry& e);

}  // namespace zklint::support
