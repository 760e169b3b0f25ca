// `stosim docs`: docs/PARAMETERS.md, docs/OUTPUT.md and the channel table of docs/ODD.md,
// generated from the declarations.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "app/commands.hpp"
#include "run/reference_docs.hpp"
#include "sim/atomic_write.hpp"

namespace stosim::app {

namespace {

struct DocsArgs {
  std::string dir;
};

int docs(const DocsArgs& a) {
  const auto write = [&](const std::string& name, const std::string& text) {
    const std::string path = (std::filesystem::path(a.dir) / name).string();
    write_atomically(path, [&](const std::string& tmp) { std::ofstream(tmp) << text; });
    std::fprintf(stderr, "stosim: wrote %s\n", path.c_str());
  };
  write("PARAMETERS.md", parameters_markdown());
  write("OUTPUT.md", output_markdown());
  const std::filesystem::path odd = std::filesystem::path(a.dir) / "ODD.md";
  if (std::filesystem::exists(odd)) {
    std::ifstream in(odd);
    std::stringstream text;
    text << in.rdbuf();
    write("ODD.md", odd_with_channel_table(text.str()));
  }
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
