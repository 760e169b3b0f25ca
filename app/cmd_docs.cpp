// `stosim docs`: docs/PARAMETERS.md and docs/OUTPUT.md, generated from the declarations.
#include <cstdio>
#include <filesystem>
#include <memory>
#include <ostream>

#include "app/commands.hpp"
#include "run/reference_docs.hpp"
#include "sim/atomic_write.hpp"

namespace stosim::app {

namespace {

struct DocsArgs {
  std::string dir;
};

int docs(const DocsArgs& a) {
  check_output_directory(a.dir);
  std::filesystem::create_directories(a.dir);
  const std::string parameters = (std::filesystem::path(a.dir) / "PARAMETERS.md").string();
  const std::string output = (std::filesystem::path(a.dir) / "OUTPUT.md").string();
  // Both pages or neither.
  write_atomically({text_output(parameters, [](std::ostream& out) { out << parameters_markdown(); }),
                    text_output(output, [](std::ostream& out) { out << output_markdown(); })});
  std::fprintf(stderr, "stosim: wrote %s\nstosim: wrote %s\n", parameters.c_str(), output.c_str());
  return 0;
}

}  // namespace

Command add_docs_command(CLI::App& app) {
  auto a = std::make_shared<DocsArgs>();
  CLI::App* cmd =
      app.add_subcommand("docs", "Regenerate docs/PARAMETERS.md and docs/OUTPUT.md from the code");
  cmd->add_option("DIR", a->dir, "Directory to write into (the repository's docs/)")->required();

  return {cmd, [a] { return docs(*a); }};
}

}  // namespace stosim::app
