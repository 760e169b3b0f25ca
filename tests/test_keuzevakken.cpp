// H5's funded keuzevak offer spreads over the locations of a funded region year by year
// (h5.offer_adoption_rate) instead of reaching every location in the first funded year.
#include <catch2/catch.hpp>

#include <cmath>

#include "models/keuzevakken.hpp"
#include "run_helpers.hpp"

using namespace stosim;
using namespace stosim::testing;

namespace {

// Locations offering technical keuzevakken, nationally, in each school year of one replicate.
std::vector<double> offering(const std::vector<Override>& overrides) {
  std::vector<Override> o = {{"population.scale", "0.1"}, {"end_year", "2024"}};
  o.insert(o.end(), overrides.begin(), overrides.end());
  const Scenario s = load_scenario("baseline", o);
  const IndicatorFrame f = run_replicate(build_initial_world(s), s, 0);
  std::vector<double> out;
  for (std::size_t y = 0; y < static_cast<std::size_t>(s.years()); ++y) out.push_back(national(f, "keuzevak_offered", y));
  return out;
}

}  // namespace

TEST_CASE("Keuzevakken.FundedOfferSpreadsOverTheTransitionYears", "[keuzevakken][hypotheses]") {
  const std::size_t first_funded = 2020 - 2018, four_years_on = first_funded + 3;  // baseline starts 2018
  const std::vector<double> gradual = offering({});
  const std::vector<double> at_once = offering({{"h5.offer_adoption_rate", "1"}});
  const std::vector<double> without = offering({{"h5.enabled", "false"}});
  INFO("gradual " << gradual[first_funded] << " .. " << gradual[four_years_on] << "; at once "
                  << at_once[first_funded] << "; without H5 " << without[first_funded]);
  // With rate 0.3 about 30 % of the locations without a technical programme start in the first
  // funded year and about 76 % within four; some tens of locations at this scale, so the gaps
  // below are many binomial standard deviations wide.
  const double candidates = at_once[first_funded] - without[first_funded];
  REQUIRE(candidates > 20);
  CHECK(gradual[first_funded] - without[first_funded] < 0.5 * candidates);
  CHECK(gradual[four_years_on] - without[four_years_on] > 0.6 * candidates);
  CHECK(gradual[four_years_on] > gradual[first_funded]);
}

TEST_CASE("Keuzevakken.AdoptionFollowsTheRegionsProbability", "[keuzevakken]") {
  World w = build_initial_world(small_scenario(0.1));
  const std::size_t n = w.locations.size();
  StepContext ctx;
  ctx.streams = StreamKey{5, 0};
  ctx.year = 2020;
  w.channels.keuzevak_adoption.assign(w.regions.size(), 0.0f);
  adopt_funded_keuzevakken(w, ctx);
  std::size_t adopted = 0;
  for (std::uint8_t a : w.locations.keuzevak_adopted) adopted += a;
  CHECK(adopted == 0);  // no exposure money, no offer
  w.channels.keuzevak_adoption.assign(w.regions.size(), 0.3f);
  adopt_funded_keuzevakken(w, ctx);
  adopted = 0;
  for (std::uint8_t a : w.locations.keuzevak_adopted) adopted += a;
  const double expected = 0.3 * static_cast<double>(n), sd = std::sqrt(expected * 0.7);
  INFO(adopted << " of " << n << " locations");
  CHECK(std::abs(static_cast<double>(adopted) - expected) < 4 * sd);
}
