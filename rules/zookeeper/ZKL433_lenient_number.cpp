// ZKL433 lenient-number: a value ZooKeeper reads with Integer.decode is junk or octal.
#include "support/value_types.hpp"
#include "support/zookeeper_reporting.hpp"
#include "zklint/lint/rule.hpp"
#include "zookeeper_keys.hpp"

ZKL_RULE(LenientNumber)

namespace zklint::rules {

const RuleMeta& LenientNumber::meta() const {
  static const RuleMeta m{
      .code = "ZKL433",
      .name = "lenient-number",
      .severity = Severity::warning,
      .applies_to = FileKinds::zookeeper(),
      .summary = "A number ZooKeeper reads leniently (admin.serverPort, snapCount, ...) is junk and silently replaced by the default, or is read as octal",
      .doc = R"md(
Some settings reach ZooKeeper as JVM properties read with `Integer.getInteger`, which
decodes the text with `Integer.decode` and, when that fails, **silently uses the
default**: `admin.serverPort=80a0` or `admin.serverPort=8080 # admin` gives 8080,
`snapCount=100k` gives 100000, without a word in the log. `Integer.decode` also reads
`0x1F90` and `#1F90` as hexadecimal and a leading `0` as **octal**: `admin.serverPort=08081`
is not a number in octal (8080 is used), `admin.serverPort=0777` means 511.

Affected keys: `admin.serverPort`, `admin.idleTimeout`, `snapCount`,
`globalOutstandingLimit`, `maxCnxns`. Write plain decimal numbers.
)md",
      .bad = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n"
                       "admin.serverPort=9O90\n"}},
      .good = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr\n"
                        "admin.serverPort=9090\n"}},
  };
  return m;
}

void LenientNumber::check(const LintContext& ctx, Reporter& out) const {
  for (const Entry& e : ctx.doc().entries()) {
    if (ctx.find(e.key) != &e || (ctx.key_templated(e) || support::placeholder_value(ctx, e))) continue;
    const zookeeper_keys::Key* key = zookeeper_keys::find(e.key);
    if (key == nullptr || key->type != zookeeper_keys::ValueType::decoded_int || key->handling != zookeeper_keys::Handling::system_property) continue;
    if (!e.continued && support::inline_comment_start(e.value)) continue;  // inline-comment reports it
    const std::string_view t = java_trim(e.value);
    const std::string name(e.key);
    const std::string fallback = key->default_value.empty() ? "its default" : "the default " + std::string(key->default_value);
    const auto decoded = support::java_decode_int(t);
    if (!decoded) {
      support::report_trimmed_value(out, e, quoted(t) + " is not a number Integer.decode accepts: ZooKeeper silently uses " + fallback + " for " + name)
          .help("write a plain decimal number");
      continue;
    }
    const bool octal = t.size() > 1 && (t[0] == '0' || ((t[0] == '-' || t[0] == '+') && t.size() > 2 && t[1] == '0')) &&
                       t.find_first_of("xX") == std::string_view::npos;
    const auto decimal = support::java_int(t);
    if (octal && decimal && *decimal != *decoded) {
      support::report_trimmed_value(out, e, quoted(t) + " starts with 0, so Integer.decode reads it as octal: " + name + " becomes " + std::to_string(*decoded) +
                                                ", not " + std::to_string(*decimal))
          .suggest(name + "=" + std::to_string(*decimal));
    }
  }
}

}  // namespace zklint::rules
