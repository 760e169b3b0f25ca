// `stosim observed`: the observed moments of validation/observed/ from the publishers' files.
#include <memory>

#include "app/commands.hpp"
#include "validation/observed_data.hpp"

namespace stosim::app {

Command add_observed_command(CLI::App& app) {
  struct Args {
    std::string data = "../shared/data", output = "validation/observed";
    bool quiet = false;
  };
  auto a = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand("observed", R"TEXT(Build the observed moments for calibration from DUO's files.

Writes DIR/national.csv, DIR/leerweg.csv and DIR/region.csv (docs/CALIBRATION.md): DUO's exam
series 2014/15-2018/19, the count of 1 October 2019 and the national figures before 2019/20, each
mapped to a model indicator with a standard error. Regions are those of `stosim import`.

Example:
  stosim observed --data ../shared/data -o validation/observed)TEXT");
  cmd->add_option("--data", a->data, "Directory with the DUO and CBS files")->capture_default_str();
  cmd->add_option("-o,--output", a->output, "Directory to write into")->capture_default_str();
  cmd->add_flag("-q,--quiet", a->quiet, "Print nothing");
  return {cmd, [a] { return observed_command(a->data, a->output, a->quiet); }};
}

}  // namespace stosim::app
