// `stosim compare SWEEP.h5 --scenarios A,B` (output/compare_sweep.hpp): runs paired by design
// point and replicate.
#include <catch2/catch.hpp>

#include <sstream>

#include "output/compare_sweep.hpp"
#include "sim/data_error.hpp"
#include "sweep_helpers.hpp"

using namespace stosim;
using namespace stosim::testing;

namespace {

std::vector<std::string> split_csv(const std::string& line) {
  std::vector<std::string> fields;
  std::stringstream in(line);
  for (std::string f; std::getline(in, f, ',');) fields.push_back(f);
  return fields;
}

// The fields of the first row after the header.
std::vector<std::string> first_row(const std::string& csv) {
  std::stringstream lines(csv);
  std::string header, row;
  std::getline(lines, header), std::getline(lines, row);
  return split_csv(row);
}

}  // namespace

TEST_CASE("A sweep's scenarios are compared point by point and replicate by replicate", "[sweep][compare]") {
  const auto dir = scratch_dir("sweep_compare");
  // Two design points (distance weights), each under both scenarios, listed out of order: the
  // pairs are runs 0/3 and 2/1, by design point, not by position.
  const std::string sweep = write_text(dir / "pairs.yaml", R"(name: pairs
scenario: baseline
set: {population.scale: 0.02, end_year: 2021}
replicates: 3
design:
  type: list
  points:
    - {scenario: baseline, profile_choice.beta_distance: -0.3}
    - {scenario: no_sto, profile_choice.beta_distance: -0.05}
    - {scenario: baseline, profile_choice.beta_distance: -0.05}
    - {scenario: no_sto, profile_choice.beta_distance: -0.3}
summaries:
  - {indicator: technical_share_bovenbouw, statistic: last, name: share}
)");
  const std::string out = (dir / "pairs.h5").string();
  REQUIRE(shell(stosim_command("sweep '" + sweep + "' -q -o '" + out + "'")) == 0);

  // Expected, from the stored summaries.
  std::vector<hsize_t> shape;
  const std::vector<double> v = h5::read_doubles(h5::open_file(out).id(), "summaries/share", shape);
  REQUIRE(shape == std::vector<hsize_t>{4, 3, 1});
  std::vector<double> differences;
  for (const auto& [a, b] : {std::pair<std::size_t, std::size_t>{0, 3}, {2, 1}})
    for (std::size_t r = 0; r < 3; ++r) differences.push_back(v[a * 3 + r] - v[b * 3 + r]);
  double effect = 0.0, point0 = 0.0, point1 = 0.0;
  for (std::size_t k = 0; k < 6; ++k) effect += differences[k] / 6;
  for (std::size_t k = 0; k < 3; ++k) point0 += differences[k] / 3, point1 += differences[3 + k] / 3;

  std::ostringstream csv;
  compare_sweep(out, "baseline", "no_sto", csv);
  const auto f = first_row(csv.str());
  REQUIRE(f.size() == 12);
  CHECK(f[0] == "share");
  CHECK(f[3] == "2");  // points
  CHECK(f[4] == "3");  // replicates
  CHECK(std::stod(f[7]) == Approx(effect).margin(1e-12));
  // The points' interval spans their two mean effects (type-7 quantiles of two values).
  CHECK(std::stod(f[10]) == Approx(std::min(point0, point1) + 0.025 * std::abs(point1 - point0)).margin(1e-12));
  CHECK(std::stod(f[11]) == Approx(std::max(point0, point1) - 0.025 * std::abs(point1 - point0)).margin(1e-12));
  CHECK(std::stod(f[8]) <= std::stod(f[7]));
  CHECK(std::stod(f[9]) >= std::stod(f[7]));

  // The other way round, the effect changes sign.
  std::ostringstream reverse;
  compare_sweep(out, "no_sto", "baseline", reverse);
  CHECK(std::stod(first_row(reverse.str())[7]) == Approx(-effect).margin(1e-12));

  // Through the command line, and its errors (exit 2).
  CHECK(shell(stosim_command("compare '" + out + "' --scenarios baseline,no_sto -o '" + (dir / "e.csv").string() + "' 2>/dev/null")) == 0);
  CHECK(shell(stosim_command("compare '" + out + "' --scenarios baseline,nope 2>/dev/null")) == 2);
  CHECK(shell(stosim_command("compare '" + out + "' 2>/dev/null")) == 2);
  std::ostringstream ignored;
  CHECK_THROWS_AS(compare_sweep(out, "baseline", "nope", ignored), DataError);
}
