#include <CLI/CLI.hpp>
#include <iostream>

#include "zklint/lint/dump.hpp"
#include "zklint/lint/input.hpp"
#include "zklint/lint/version.hpp"
#include "zklint/parse.hpp"

int main(int argc, char** argv) {
  CLI::App app{"zklint: a linter for Apache Kafka and ZooKeeper configuration"};
  app.set_version_flag("--version", std::string("zklint ") + zklint::version);
  auto* dump = app.add_subcommand("dump", "Print what Java's Properties.load sees in FILE, as JSON");
  std::vector<std::string> files;
  dump->add_option("files", files, "files to dump ('-' for standard input)")->required();
  CLI11_PARSE(app, argc, argv);
  int rc = 0;
  for (const auto& f : files) {
    auto r = zklint::read_input(f, f == "-" ? "<stdin>" : f);
    if (r.error) { std::cerr << "zklint: " << r.error->path << ": " << r.error->message << "\n"; rc = 2; continue; }
    auto doc = zklint::parse(std::move(*r.source));
    const auto j = zklint::dump_document(doc);
    std::cout << (files.size() == 1 ? j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) : j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)) << "\n";
  }
  return rc;
}
