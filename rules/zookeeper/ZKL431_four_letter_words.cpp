// ZKL431 four-letter-words: health checks like `echo ruok | nc` get no answer by default.
#include <algorithm>
#include <array>

#include "support/zookeeper_reporting.hpp"
#include "zklint/lint/rule.hpp"
#include "zookeeper_releases.hpp"

ZKL_RULE(FourLetterWords)

namespace zklint::rules {
namespace {

// The words every line 3.5-3.9 knows (FourLetterCommands @release-3.5.10 to @release-3.9.5);
// `hash` came in 3.6 (zookeeper_releases.hpp).
constexpr std::array<std::string_view, 17> known_words = {"conf", "cons", "crst", "dirs", "dump", "envi", "gtmk", "isro", "mntr",
                                                          "ruok", "srst", "srvr", "stat", "stmk", "wchc", "wchp", "wchs"};

bool known(std::string_view w, ZooKeeperVersion v) {
  if (w == "hash") return zookeeper_fact::four_letter_word_hash.holds_in(v);
  return std::find(known_words.begin(), known_words.end(), w) != known_words.end();
}

}  // namespace

const RuleMeta& FourLetterWords::meta() const {
  static const RuleMeta m{
      .code = "ZKL431",
      .name = "four-letter-words",
      .severity = Severity::info,
      .applies_to = FileKinds::zookeeper(),
      .summary = "No 4lw.commands.whitelist (only 'srvr' answers), or the whitelist names words ZooKeeper does not know",
      .doc = R"md(
Health checks and monitoring often talk to ZooKeeper with four-letter words over the
client port: `echo ruok | nc zk1 2181` (expects `imok`), `echo mntr | nc ...` for
metrics, `stat` for the connected clients. Since ZooKeeper 3.5.3 only `srvr` (and `isro`
when read-only mode is on) is enabled unless `4lw.commands.whitelist` lists more
(`FourLetterCommands.isEnabled` @3.8); any other word only gets the reply `... is not
executed because it is not in the whitelist.`, and a runbook or probe waiting for `imok`
sees a failure on a healthy server.

- No whitelist: info, suggesting `4lw.commands.whitelist=srvr,ruok,mntr`.
- A word ZooKeeper does not know (`RUOK`: the list is case-sensitive; `health`) is
  ignored: a warning. `*` enables every word. `hash` exists from ZooKeeper 3.6 on
  (`FourLetterCommands.java` @release-3.6.0); 3.5 ignores it.

The admin server (`http://host:8080/commands`) offers the same information over HTTP.
)md",
      .bad = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nautopurge.purgeInterval=24\n"},
              {.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr, RUOK, mntr\n"},
              {.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr,hash\n",
               .zookeeper_version = "3.5"}},
      .good = {{.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr, ruok, mntr\n"},
               {.text = "tickTime=2000\ndataDir=/var/lib/zookeeper\nclientPort=2181\nautopurge.purgeInterval=24\n4lw.commands.whitelist=srvr,ruok,mntr,hash\n",
                .zookeeper_version = "3.6"}},
  };
  return m;
}

void FourLetterWords::check(const LintContext& ctx, Reporter& out) const {
  const auto& zk = ctx.model<support::ZookeeperModel>();
  if (zk.dynamic_file) return;
  const Entry* e = ctx.find("4lw.commands.whitelist");
  if (e == nullptr) {
    if (zk.template_structure) return;
    out.report_file("4lw.commands.whitelist is not set, so ZooKeeper runs only 'srvr' (and 'isro' in read-only mode): 'echo ruok | nc host 2181' "
                    "health checks and 'mntr' monitoring get 'not executed because it is not in the whitelist' instead of an answer")
        .help("add 4lw.commands.whitelist=srvr,ruok,mntr");
    return;
  }
  if (support::placeholder_value(ctx, *e)) return;
  // FourLetterCommands splits on ',' and trims each word.
  std::size_t start = 0;
  const std::string_view value = e->value;
  while (start <= value.size()) {
    std::size_t comma = value.find(',', start);
    if (comma == std::string_view::npos) comma = value.size();
    const std::string_view item = value.substr(start, comma - start);
    const std::string_view word = java_trim(item);
    if (!word.empty() && word != "*" && !known(word, ctx.zookeeper_version())) {
      const auto begin = static_cast<std::uint32_t>(word.data() - value.data());
      const std::string lower = to_lower(word);
      const bool case_slip = lower != word && known(lower, ctx.zookeeper_version());
      auto d = out.report_value_part(*e, begin, begin + static_cast<std::uint32_t>(word.size()),
                                     quoted(word) + " is not a four-letter word ZooKeeper " + ctx.zookeeper_version_text() + " knows" +
                                         (case_slip ? " (the list is case-sensitive)" : "") + ": it is ignored, and the command it was meant for stays disabled")
                   .severity(Severity::warning);
      if (case_slip) d.suggest(lower);
    }
    start = comma + 1;
  }
}

}  // namespace zklint::rules
