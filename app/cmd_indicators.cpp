// `stosim indicators`: every indicator a run records, with its levels, categories and unit.
#include <iostream>

#include "app/commands.hpp"
#include "run/reference_docs.hpp"

namespace stosim::app {

Command add_indicators_command(CLI::App& app) {
  CLI::App* cmd = app.add_subcommand("indicators", R"TEXT(List every indicator a run records.

For each: the levels it is reported at (location, region, national), its categories (profile,
leerweg, ...), its unit and meaning. The same as the table in docs/OUTPUT.md.

Examples:
  stosim indicators
  stosim indicators | grep share)TEXT");
  return {cmd, [] {
            std::cout << indicators_text();
            return 0;
          }};
}

}  // namespace stosim::app
