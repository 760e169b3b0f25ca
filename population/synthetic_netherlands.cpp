#include "population/synthetic_netherlands.hpp"

#include <fmt/format.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "sim/apportion.hpp"
#include "population/clustering.hpp"
#include "population/dutch_geography.hpp"
#include "population/region_names.hpp"
#include "population/observed_2019.hpp"
#include "sim/projection.hpp"
#include "sim/random.hpp"
#include "population/catchment.hpp"

namespace stosim {

namespace {

constexpr int villages = 700;
constexpr int zones_at_scale_1 = 4000;
constexpr int regions_at_scale_1 = 78;

using Point = PointKm;

struct Settlement {
  Point at;
  double population;  // thousands
  std::string_view name;
};

// Draws share the world seed but use replicate slot ~0, so the world is the same in every
// replicate of a run.
RandomStream world_stream(const SyntheticOptions& o, Purpose purpose, std::uint64_t agent) {
  return RandomStream(StreamKey{o.seed, ~std::uint64_t{0}}, 0, purpose, agent);
}

bool inside_outline(Point p) {
  bool inside = false;
  const auto outline = dutch_outline();
  for (std::size_t i = 0, j = outline.size() - 1; i < outline.size(); j = i++) {
    const Point a = project(outline[i].lat, outline[i].lon);
    const Point b = project(outline[j].lat, outline[j].lon);
    if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x)
      inside = !inside;
  }
  return inside;
}

std::size_t scaled_count(double count_at_scale_1, double scale, std::size_t minimum) {
  return std::max(minimum, static_cast<std::size_t>(std::llround(count_at_scale_1 * scale)));
}

// Towns as published, and villages scattered around them on land.
std::vector<Settlement> make_settlements(const SyntheticOptions& o) {
  std::vector<Settlement> out;
  std::vector<double> cumulative;
  for (const Town& t : dutch_towns()) {
    out.push_back({project(t.lat, t.lon), t.population_thousands, t.name});
    cumulative.push_back((cumulative.empty() ? 0.0 : cumulative.back()) +
                         std::sqrt(t.population_thousands));
  }
  const std::size_t towns = out.size();
  for (int v = 0; v < villages; ++v) {
    RandomStream rng = world_stream(o, Purpose::world_geography, static_cast<std::uint64_t>(v));
    const double pick = rng.uniform() * cumulative.back();
    const auto parent = static_cast<std::size_t>(
        std::upper_bound(cumulative.begin(), cumulative.end(), pick) - cumulative.begin());
    Point p = out[std::min(parent, towns - 1)].at;
    for (int attempt = 0; attempt < 20; ++attempt) {
      const Point candidate{p.x + 14.0 * rng.normal(), p.y + 14.0 * rng.normal()};
      if (inside_outline(candidate)) {
        p = candidate;
        break;
      }
    }
    out.push_back({p, 6.0 * std::exp(0.6 * rng.normal()), {}});
  }
  // Other scales keep the density: the country grows or shrinks around its centre.
  const double stretch = synthetic_stretch(o.scale);
  for (Settlement& s : out) s.at = {s.at.x * stretch, s.at.y * stretch};
  return out;
}

std::size_t draw_weighted(const std::vector<double>& cumulative, double u) {
  const double target = u * cumulative.back();
  const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), target);
  return std::min(static_cast<std::size_t>(it - cumulative.begin()), cumulative.size() - 1);
}

std::vector<double> cumulative_of(const std::vector<Settlement>& settlements, double power) {
  std::vector<double> c(settlements.size());
  double total = 0.0;
  for (std::size_t i = 0; i < settlements.size(); ++i)
    c[i] = total += std::pow(settlements[i].population, power);
  return c;
}

void make_zones(World& w, const std::vector<Settlement>& settlements, const SyntheticOptions& o) {
  const std::size_t n = scaled_count(zones_at_scale_1, o.scale, 20);
  const std::vector<double> cumulative = cumulative_of(settlements, 0.9);
  const double stretch = synthetic_stretch(o.scale);
  for (std::size_t z = 0; z < n; ++z) {
    RandomStream rng = world_stream(o, Purpose::world_geography, 100'000 + z);
    const Settlement& s = settlements[draw_weighted(cumulative, rng.uniform())];
    const double radius = 1.5 * std::sqrt(s.population / 20.0) * stretch;
    w.zones.x_km.push_back(static_cast<float>(s.at.x + radius * rng.normal()));
    w.zones.y_km.push_back(static_cast<float>(s.at.y + radius * rng.normal()));
    w.zones.youth_weight.push_back(static_cast<float>(std::exp(0.3 * rng.normal())));
  }
}

void make_locations(World& w, const std::vector<Settlement>& settlements,
                    const SyntheticOptions& o, std::vector<double>& size) {
  const std::size_t n = scaled_count(observed_2019::locations_with_years_3_4, o.scale, 4);
  const std::vector<double> cumulative = cumulative_of(settlements, 0.9);
  const double stretch = synthetic_stretch(o.scale);
  // Leerweg combinations in their observed proportions, dealt out in random order.
  std::vector<double> combo_weight;
  for (const auto& c : observed_2019::leerweg_combinations) combo_weight.push_back(c.locations);
  const std::vector<int> combo_count = apportion(static_cast<int>(n), combo_weight);
  std::vector<std::uint8_t> masks;
  for (std::size_t c = 0; c < combo_count.size(); ++c)
    masks.insert(masks.end(), static_cast<std::size_t>(combo_count[c]),
                 observed_2019::leerweg_combinations[c].mask);
  std::vector<std::pair<double, std::size_t>> order;
  for (std::size_t l = 0; l < n; ++l)
    order.emplace_back(world_stream(o, Purpose::world_locations, 50'000 + l).uniform(), l);
  std::sort(order.begin(), order.end());

  for (std::size_t l = 0; l < n; ++l) {
    RandomStream rng = world_stream(o, Purpose::world_locations, l);
    const std::size_t s = draw_weighted(cumulative, rng.uniform());
    const double spread = (0.5 + 0.8 * std::sqrt(settlements[s].population / 50.0)) * stretch;
    w.locations.x_km.push_back(static_cast<float>(settlements[s].at.x + spread * rng.normal()));
    w.locations.y_km.push_back(static_cast<float>(settlements[s].at.y + spread * rng.normal()));
    w.locations.code.push_back(fmt::format("L{:04d}", l));
    const std::string_view town = settlements[s].name.empty() ? "dorp" : settlements[s].name;
    w.locations.name.push_back(fmt::format("vmbo {} {}", town, l));
    w.locations.image.push_back(static_cast<float>(0.5 * rng.normal()));
    const std::uint8_t mask = masks[order[l].second];
    w.locations.leerweg_mask.push_back(mask);
    size.push_back(std::exp(0.5 * rng.normal()) * std::popcount(mask));
  }
}

// k-means on location coordinates (population/clustering.hpp); regions are named after a town
// near their centre (population/region_names.hpp).
void make_regions(World& w, const std::vector<Settlement>& settlements, const SyntheticOptions& o) {
  const std::size_t k = std::min(w.locations.size(), scaled_count(regions_at_scale_1, o.scale, 1));
  const auto uniform = [&](std::size_t c) {
    return world_stream(o, Purpose::world_regions, c).uniform();
  };
  Clustering clusters = cluster_kmeans(w.locations.x_km, w.locations.y_km, k, uniform);
  w.locations.region = std::move(clusters.group);
  const std::vector<Point>& centre = clusters.centre;
  std::vector<std::vector<TownCandidate>> candidates(k);
  for (std::size_t c = 0; c < k; ++c) {
    w.regions.code.push_back(fmt::format("R{:02d}", c + 1));
    // Towns within 20 km of the centre, the nearer and larger the stronger; else the nearest.
    double nearest = 1e300;
    std::string_view nearest_name;
    for (const Settlement& s : settlements) {
      if (s.name.empty()) continue;
      const double d = std::hypot(s.at.x - centre[c].x, s.at.y - centre[c].y) / synthetic_stretch(o.scale);
      if (d < 20.0) candidates[c].push_back({std::string(s.name), s.population / (1.0 + d / 5.0)});
      if (d < nearest) nearest = d, nearest_name = s.name;
    }
    if (candidates[c].empty() && !nearest_name.empty()) candidates[c].push_back({std::string(nearest_name), 0.0});
  }
  w.regions.name = name_regions(candidates, w.regions.code);
}

void assign_zone_regions(World& w) {
  w.zones.region.resize(w.zones.size());
  tbb::parallel_for(std::size_t{0}, w.zones.size(), [&](std::size_t z) {
    float best = 1e30f;
    for (std::size_t l = 0; l < w.locations.size(); ++l) {
      const float d = distance_km(w, z, l);
      if (d < best) best = d, w.zones.region[z] = w.locations.region[l];
    }
  });
}

bool offers_profiles(const Locations& locations, std::size_t l) {
  return (locations.leerweg_mask[l] & 0b0111u) != 0;
}

// Deals each profile to exactly its (scaled) number of locations among those with BB, KB or GL,
// favouring larger locations, then makes sure every such location offers at least one profile.
void make_programmes(World& w, const SyntheticOptions& o, const std::vector<double>& size) {
  const std::size_t n = w.locations.size();
  w.programmes.offered.assign(n * n_profiles, 0);
  w.programmes.years_below_viability.assign(n * n_profiles, 0);
  std::vector<std::size_t> eligible;
  for (std::size_t l = 0; l < n; ++l)
    if (offers_profiles(w.locations, l)) eligible.push_back(l);
  const double ratio = static_cast<double>(n) / observed_2019::locations_with_years_3_4;
  for (int p = 0; p < n_profiles; ++p) {
    const auto wanted = std::min(
        eligible.size(),
        static_cast<std::size_t>(std::llround(observed_2019::locations_per_profile[p] * ratio)));
    // Weighted sampling without replacement: the largest keys u^(1/w) (Efraimidis-Spirakis).
    std::vector<std::pair<double, std::size_t>> keys;
    for (std::size_t l : eligible) {
      const double u = world_stream(o, Purpose::world_programmes, l * n_profiles + p).uniform();
      keys.emplace_back(std::log(u) / size[l], l);
    }
    std::sort(keys.begin(), keys.end(), std::greater<>());
    for (std::size_t k = 0; k < wanted; ++k) w.programmes.offered[programme_index(keys[k].second, p)] = 1;
  }
  auto profiles_at = [&](std::size_t l) {
    int count = 0;
    for (int p = 0; p < n_profiles; ++p) count += w.programmes.offered[programme_index(l, p)];
    return count;
  };
  for (std::size_t l : eligible) {
    if (profiles_at(l) > 0) continue;
    // Move a programme here from the location with the most profiles that has a common one.
    std::size_t donor = eligible.front();
    for (std::size_t d : eligible)
      if (profiles_at(d) > profiles_at(donor)) donor = d;
    for (int p = n_profiles - 1; p >= 0; --p) {
      if (!w.programmes.offered[programme_index(donor, p)]) continue;
      w.programmes.offered[programme_index(donor, p)] = 0;
      w.programmes.offered[programme_index(l, p)] = 1;
      break;
    }
  }
}

struct StudentGroup {
  int grade;
  Leerweg leerweg;
  std::int8_t profile;
};

void add_students(World& w, const SyntheticOptions& o, const Catchments& catchment,
                  std::size_t location, StudentGroup g, int count) {
  for (int k = 0; k < count; ++k) {
    const std::uint64_t id = w.next_student_id++;
    RandomStream rng = world_stream(o, Purpose::world_students, id);
    const std::int32_t home = catchment.draw_home(location, rng.uniform());
    const double male_share =
        g.profile == no_profile
            ? (g.leerweg == Leerweg::tl ? observed_2019::male_share_tl : o.male_share)
            : observed_2019::male_share_per_profile[g.profile];
    const bool male = rng.bernoulli(male_share);
    double propensity = (male ? o.propensity_male_mean : o.propensity_female_mean) + rng.normal();
    add_student(w.students, {.id = id,
                             .home_zone = home,
                             .location = static_cast<std::int32_t>(location),
                             .cohort = o.start_year - g.grade + 1,
                             .grade = g.grade,
                             .leerweg = g.leerweg,
                             .profile = g.profile,
                             .male = male,
                             .propensity = static_cast<float>(propensity)});
  }
}

// Students per location for one leerweg (and profile), apportioned by location size.
std::vector<int> spread_over_locations(const World& w, const std::vector<double>& size, Leerweg lw,
                                       int profile, int total) {
  std::vector<double> weight(w.locations.size(), 0.0);
  for (std::size_t l = 0; l < weight.size(); ++l) {
    if (!w.locations.offers(l, lw)) continue;
    if (profile != no_profile && !w.programmes.offered[programme_index(l, profile)]) continue;
    weight[l] = size[l];
  }
  return apportion(total, weight);
}

void make_students(World& w, const SyntheticOptions& o, const std::vector<double>& size) {
  const Catchments catchment = make_catchments(w);
  const double ratio = static_cast<double>(w.locations.size()) / observed_2019::locations_with_years_3_4;
  auto scaled = [&](int count) { return static_cast<int>(std::llround(count * ratio)); };
  const std::size_t n = w.locations.size();
  for (int lw = 0; lw < n_leerwegen; ++lw) {
    const auto leerweg = static_cast<Leerweg>(lw);
    std::vector<int> year3(n, 0);
    if (has_profile(leerweg)) {
      int year3_total = 0;
      for (int p = 0; p < n_profiles; ++p) year3_total += observed_2019::year3_students[lw][p];
      for (int p = 0; p < n_profiles; ++p) {
        const int y3 = scaled(observed_2019::year3_students[lw][p]);
        const int y4 = scaled(static_cast<int>(std::llround(
            observed_2019::year4_students[lw] * double(observed_2019::year3_students[lw][p]) / year3_total)));
        const auto p8 = static_cast<std::int8_t>(p);
        const std::vector<int> at3 = spread_over_locations(w, size, leerweg, p, y3);
        const std::vector<int> at4 = spread_over_locations(w, size, leerweg, p, y4);
        for (std::size_t l = 0; l < n; ++l) {
          add_students(w, o, catchment, l, {3, leerweg, p8}, at3[l]);
          add_students(w, o, catchment, l, {4, leerweg, p8}, at4[l]);
          year3[l] += at3[l];
        }
      }
    } else {
      year3 = spread_over_locations(w, size, leerweg, no_profile, scaled(observed_2019::year3_tl));
      const std::vector<int> at4 =
          spread_over_locations(w, size, leerweg, no_profile, scaled(observed_2019::year4_students[lw]));
      for (std::size_t l = 0; l < n; ++l) {
        add_students(w, o, catchment, l, {3, leerweg, no_profile}, year3[l]);
        add_students(w, o, catchment, l, {4, leerweg, no_profile}, at4[l]);
      }
    }
    // Years 1-2: as many as in year 3 at the same location and leerweg (a stable cohort size).
    for (std::size_t l = 0; l < n; ++l)
      for (int grade = 1; grade <= 2; ++grade)
        add_students(w, o, catchment, l, {grade, leerweg, no_profile}, year3[l]);
  }
}

}  // namespace

World make_synthetic_netherlands(const SyntheticOptions& o) {
  World w;
  w.year = o.start_year;
  const std::vector<Settlement> settlements = make_settlements(o);
  make_zones(w, settlements, o);
  std::vector<double> size;
  make_locations(w, settlements, o, size);
  make_regions(w, settlements, o);
  assign_zone_regions(w);
  make_programmes(w, o, size);
  make_students(w, o, size);
  build_reachable_locations(w, o.geography);
  return w;
}

}  // namespace stosim
