// `stosim docs`: docs/PARAMETERS.md, docs/OUTPUT.md and the channel table of docs/ODD.md,
// generated from the declarations.
#include <cstdio>
#include <filesystem>
#include <memory>
#include <fstream>
#include <ostream>
#include <sstream>
#include <vector>

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
  const std::filesystem::path dir(a.dir);
  std::vector<std::pair<std::string, std::string>> pages = {
      {(dir / "PARAMETERS.md").string(), parameters_markdown()}, {(dir / "OUTPUT.md").string(), output_markdown()}};
  // ODD.md is written by hand except its channel table, which comes from the code.
  if (const std::filesystem::path odd = dir / "ODD.md"; std::filesystem::exists(odd)) {
    std::ifstream in(odd);
    std::stringstream text;
    text << in.rdbuf();
    pages.emplace_back(odd.string(), odd_with_channel_table(text.str()));
  }
  // Every page or none.
  std::vector<OutputFile> outputs;
  for (const auto& [path, text] : pages)
    outputs.push_back(text_output(path, [&text = text](std::ostream& out) { out << text; }));
  write_atomically(outputs);
  for (const auto& page : pages) std::fprintf(stderr, "stosim: wrote %s\n", page.first.c_str());
  return 0;
}

}  // namespace

Command add_docs_command(CLI::App& app) {
  auto a = std::make_shared<DocsArgs>();
  CLI::App* cmd =
      app.add_subcommand("docs", "Regenerate docs/PARAMETERS.md, docs/OUTPUT.md and the channel table of docs/ODD.md from the code");
  cmd->add_option("DIR", a->dir, "Directory to write into (the repository's docs/)")->required();

  return {cmd, [a] { return docs(*a); }};
}

}  // namespace stosim::app
