// stosim sensitivity on the model: a parameter that cannot move the output gets nothing, one that
// drives it gets nearly everything; and the command line writes the documented CSV.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "experiments/model_runs.hpp"
#include "experiments/sensitivity.hpp"
#include "run_helpers.hpp"

using namespace stosim;
using namespace stosim::testing;

namespace {

double measure(const std::vector<SensitivityRow>& rows, const std::string& parameter, const std::string& measure) {
  for (const SensitivityRow& r : rows)
    if (r.parameter == parameter && r.measure == measure) return r.estimate;
  return std::nan("");
}

SensitivityOptions options(const std::string& method) {
  SensitivityOptions o;
  o.method = method;
  // The monitor's techniekarm threshold only labels regions: it cannot change dropouts.
  o.parameters = {declared_range("dropout.dropout_rate"), declared_range("monitor.techniekarm_share")};
  o.parameters[0].high = 0.05;
  o.targets = {parse_target("dropped_out,national,,,2019", "test")};
  o.samples = method == "sobol" ? 16 : 6;
  o.resamples = 50;
  return o;
}

}  // namespace

TEST_CASE("Sobol' and Morris on the model find the parameter that drives the output", "[sensitivity][model]") {
  const Scenario s = small_scenario(0.02, 1, {{"end_year", "2019"}});
  std::vector<SensitivityRow> sobol, morris;
  with_threads(2, [&] {
    sobol = run_sensitivity(s, options("sobol"));
    morris = run_sensitivity(s, options("morris"));
  });
  REQUIRE(sobol.size() == 4u);  // 2 parameters x (S1, ST)
  CHECK(measure(sobol, "monitor.techniekarm_share", "ST") == 0.0);  // common random numbers: exactly
  CHECK(measure(sobol, "dropout.dropout_rate", "ST") > 0.9);
  CHECK(measure(sobol, "dropout.dropout_rate", "S1") > 0.8);
  CHECK(measure(morris, "monitor.techniekarm_share", "mu_star") == 0.0);
  CHECK(measure(morris, "dropout.dropout_rate", "mu") > 0.0);  // more dropout, more dropouts
}

TEST_CASE("stosim sensitivity writes the documented CSV", "[sensitivity][e2e]") {
  const auto dir = std::filesystem::temp_directory_path() / ("stosim-sens-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto csv = dir / "morris.csv";
  const std::string command = std::string(STOSIM_EXECUTABLE) +
                              " sensitivity baseline --method morris --samples 4 --set population.scale=0.02"
                              " --set end_year=2019 --param dropout.dropout_rate=0:0.05 --param h9.choice_effect"
                              " --target dropped_out,national,,,2019 --threads 2 -q -o " + csv.string();
  REQUIRE(std::system(command.c_str()) == 0);
  std::ifstream in(csv);
  std::string header, line;
  std::getline(in, header);
  CHECK(header == "indicator,level,unit,category,year,parameter,measure,estimate,low,high");
  int rows = 0;
  while (std::getline(in, line)) ++rows;
  CHECK(rows == 6);  // 2 parameters x (mu, mu_star, sigma)
  // A target outside the scenario's years is refused before anything runs.
  const std::string bad = std::string(STOSIM_EXECUTABLE) +
                          " sensitivity baseline --set end_year=2019 --param h9.choice_effect"
                          " --target dropped_out,national,,,2030 -q > /dev/null 2>&1";
  const int status = std::system(bad.c_str());
  CHECK(WEXITSTATUS(status) == 2);
  std::filesystem::remove_all(dir);
}
