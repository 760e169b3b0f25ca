// The synthetic Netherlands reproduces the published 2019/20 figures (sim/observed_2019.hpp).
#include <catch2/catch.hpp>

#include <cmath>

#include "population/observed_2019.hpp"
#include "run/scenario.hpp"
#include "population/synthetic_netherlands.hpp"

using namespace stosim;

namespace {

SyntheticOptions options(double scale, std::uint64_t seed = 2018) {
  SyntheticOptions o;
  o.scale = scale;
  o.seed = seed;
  o.technical = technical_mask(default_technical_profiles);
  return o;
}

struct Year3 {
  int students[n_leerwegen] = {};
  int technical[n_leerwegen] = {};
};

Year3 year3(const World& w, const std::array<bool, n_profiles>& technical) {
  Year3 y;
  for (std::size_t i = 0; i < w.students.size(); ++i) {
    if (w.students.grade[i] != 3) continue;
    const auto lw = static_cast<int>(w.students.leerweg[i]);
    ++y.students[lw];
    if (w.students.profile[i] != no_profile && technical[w.students.profile[i]]) ++y.technical[lw];
  }
  return y;
}

}  // namespace

TEST_CASE("Synthetic.NationalScaleMatchesPublishedCounts", "[synthetic]") {
  const SyntheticOptions o = options(1.0);
  const World w = make_synthetic_netherlands(o);
  // Structure: exact by construction.
  CHECK(w.regions.size() == 78);
  CHECK(w.locations.size() == 925);
  for (int p = 0; p < n_profiles; ++p) {
    int offering = 0;
    for (std::size_t l = 0; l < w.locations.size(); ++l) offering += w.programmes.offered[programme_index(l, p)];
    INFO(profile_codes[p]);
    CHECK(offering == observed_2019::locations_per_profile[p]);
  }
  int tl = 0, bb = 0, kb = 0, gl = 0;
  for (std::size_t l = 0; l < w.locations.size(); ++l) {
    bb += w.locations.offers(l, Leerweg::bb), kb += w.locations.offers(l, Leerweg::kb);
    gl += w.locations.offers(l, Leerweg::gl), tl += w.locations.offers(l, Leerweg::tl);
  }
  CHECK(bb == 490);
  CHECK(kb == 499);
  CHECK(gl == 345);
  CHECK(tl == 670);

  // Year-3 students: 61,508 in BB/KB/GL, 18.7 % technical (BB 22.4, KB 21.7, GL 9.2 %).
  // Apportionment is exact up to rounding of each leerweg x profile total: tolerance 10 students.
  const Year3 y = year3(w, o.technical);
  const int bkg = y.students[0] + y.students[1] + y.students[2];
  const int bkg_technical = y.technical[0] + y.technical[1] + y.technical[2];
  CHECK(std::abs(bkg - 61508) <= 10);
  CHECK(double(bkg_technical) / bkg == Approx(0.187).margin(0.0005));
  CHECK(double(y.technical[0]) / y.students[0] == Approx(0.224).margin(0.0005));
  CHECK(double(y.technical[1]) / y.students[1] == Approx(0.217).margin(0.0005));
  CHECK(double(y.technical[2]) / y.students[2] == Approx(0.092).margin(0.0005));
  CHECK(std::abs(y.students[3] - observed_2019::year3_tl) <= 10);

  // About 400,000 students in years 1-4, about 204,000 in years 3-4 (MODEL.md section 2).
  int years_3_4 = 0;
  for (std::uint8_t g : w.students.grade) years_3_4 += g >= 3;
  CHECK(std::abs(double(w.students.size()) - 400000) < 0.02 * 400000);
  CHECK(std::abs(years_3_4 - 204000) < 0.02 * 204000);
}

TEST_CASE("Synthetic.PlacesEveryoneWithinTheCountry", "[synthetic]") {
  const World w = make_synthetic_netherlands(options(1.0));
  // The Netherlands spans about 260 km east-west and 300 km north-south.
  for (std::size_t l = 0; l < w.locations.size(); ++l) {
    CHECK(std::abs(w.locations.x_km[l]) < 200);
    CHECK(std::abs(w.locations.y_km[l]) < 200);
  }
  // Most students live within 15 km of their school (towns and catchments, not uniform noise).
  std::size_t near = 0;
  for (std::size_t i = 0; i < w.students.size(); ++i)
    near += distance_km(w, static_cast<std::size_t>(w.students.home_zone[i]),
                        static_cast<std::size_t>(w.students.location[i])) < 15.0f;
  CHECK(double(near) / double(w.students.size()) > 0.8);
  // Every location offering BB, KB or GL has at least one profile; TL-only locations none.
  for (std::size_t l = 0; l < w.locations.size(); ++l) {
    int profiles = 0;
    for (int p = 0; p < n_profiles; ++p) profiles += w.programmes.offered[programme_index(l, p)];
    CHECK((profiles > 0) == ((w.locations.leerweg_mask[l] & 0b0111) != 0));
  }
}

TEST_CASE("Synthetic.DeterministicInSeed", "[synthetic]") {
  const World a = make_synthetic_netherlands(options(0.05, 1));
  const World b = make_synthetic_netherlands(options(0.05, 1));
  const World c = make_synthetic_netherlands(options(0.05, 2));
  CHECK(a.locations.x_km == b.locations.x_km);
  CHECK(a.students.home_zone == b.students.home_zone);
  CHECK(a.students.propensity == b.students.propensity);
  CHECK(a.locations.x_km != c.locations.x_km);
}

TEST_CASE("Synthetic.ScaleShrinksCountsAndArea", "[synthetic]") {
  const World w = make_synthetic_netherlands(options(0.1));
  CHECK(w.locations.size() == 93);
  CHECK(w.regions.size() == 8);
  CHECK(std::abs(double(w.students.size()) - 40000) < 0.05 * 40000);
  float extent = 0;
  for (float x : w.locations.x_km) extent = std::max(extent, std::abs(x));
  CHECK(extent < 200 * std::sqrt(0.1));
}
