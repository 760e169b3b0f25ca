#include "models/facilities.hpp"

#include <algorithm>
#include <cmath>

namespace stosim {

namespace {

std::size_t region_of_programme(const World& world, std::size_t programme) {
  return static_cast<std::size_t>(world.locations.region[programme / n_profiles]);
}

bool is_technical(const StepContext& ctx, std::size_t programme) {
  return ctx.technical[programme % n_profiles];
}

// Offered programmes of each region, technical ones and all.
struct RegionProgrammes {
  std::vector<std::size_t> technical, all;
};

std::vector<RegionProgrammes> offered_by_region(const World& world, const StepContext& ctx) {
  std::vector<RegionProgrammes> regions(world.regions.size());
  for (std::size_t k = 0; k < world.programmes.size(); ++k) {
    if (!world.programmes.offered[k]) continue;
    RegionProgrammes& r = regions[region_of_programme(world, k)];
    r.all.push_back(k);
    if (is_technical(ctx, k)) r.technical.push_back(k);
  }
  return regions;
}

// Modernisation money (H6) goes to the region's technical programmes in proportion to what
// they lack (1 - q), so the most outdated catch up first. Returns the amount spent.
double spread_by_need(const World& world, const std::vector<std::size_t>& programmes, double money,
                      std::vector<double>& investment) {
  double total_need = 0.0;
  for (std::size_t k : programmes) total_need += 1.0 - world.programmes.facility_quality[k];
  if (money <= 0.0 || total_need <= 0.0) return 0.0;
  for (std::size_t k : programmes)
    investment[k] += money * (1.0 - world.programmes.facility_quality[k]) / total_need;
  return money;
}

// Own-programmes money is shared equally: schools spend it on their own programmes, small and
// non-technical ones too. Returns the amount spent.
double spread_evenly(const std::vector<std::size_t>& programmes, double money,
                     std::vector<double>& investment) {
  if (money <= 0.0 || programmes.empty()) return 0.0;
  for (std::size_t k : programmes) investment[k] += money / static_cast<double>(programmes.size());
  return money;
}

// Location of the region with the most students in technical profiles (years 3-4), lowest index
// on ties; -1 when the region has no location.
std::int32_t busiest_technical_location(const World& world, std::size_t region,
                                        const std::vector<std::int32_t>& students,
                                        const StepContext& ctx) {
  std::int32_t best = -1;
  std::int64_t best_count = -1;
  for (std::size_t l = 0; l < world.locations.size(); ++l) {
    if (static_cast<std::size_t>(world.locations.region[l]) != region) continue;
    std::int64_t count = 0;
    for (int p = 0; p < n_profiles; ++p)
      if (ctx.technical[static_cast<std::size_t>(p)]) count += students[programme_index(l, p)];
    if (count > best_count) best = static_cast<std::int32_t>(l), best_count = count;
  }
  return best;
}

void ensure_region_state(World& world) {
  RegionState& rs = world.region_state;
  if (rs.hub_quality.size() != world.regions.size())
    rs.hub_quality.assign(world.regions.size(), 0.0f);
  if (rs.hub_location.size() != world.regions.size())
    rs.hub_location.assign(world.regions.size(), -1);
}

// The hub (H2) ages like any facility; a funded region places it once, at its busiest technical
// location, and invests its hub money there. Returns the amount spent.
double update_hub(World& world, const FacilityParams& params, const H2Params& h2,
                  std::size_t region, const std::vector<std::int32_t>& students,
                  const StepContext& ctx) {
  RegionState& rs = world.region_state;
  rs.hub_quality[region] *= static_cast<float>(1.0 - params.obsolescence);
  const double money = world.channels.hub_money[region];
  if (money <= 0.0) return 0.0;
  if (rs.hub_location[region] < 0)
    rs.hub_location[region] = busiest_technical_location(world, region, students, ctx);
  if (rs.hub_location[region] < 0) return 0.0;
  const double q = rs.hub_quality[region] + h2.efficiency * money / params.cost_per_quality;
  rs.hub_quality[region] = static_cast<float>(std::min(1.0, q));
  return money;
}

}  // namespace

void initialise_facilities(World& world, const FacilityParams& params, StreamKey world_streams) {
  std::vector<float>& q = world.programmes.facility_quality;
  q.assign(world.programmes.size(), 0.0f);
  for (std::size_t k = 0; k < q.size(); ++k) {
    RandomStream rng(world_streams, 0, Purpose::world_facilities, k);
    const double draw = params.initial_quality_mean + params.initial_quality_sd * rng.normal();
    q[k] = static_cast<float>(std::clamp(draw, 0.0, 1.0));
  }
  ensure_region_state(world);
}

void update_facilities(World& world, const FacilityParams& params, const H2Params& h2,
                       const std::vector<std::int32_t>& programme_students, const StepContext& ctx) {
  ensure_region_state(world);
  Programmes& prog = world.programmes;
  prog.facility_quality.resize(prog.size(), static_cast<float>(params.initial_quality_mean));
  YearFlows& f = world.flows;
  const ChannelValues& ch = world.channels;
  const std::size_t n_regions = world.regions.size();
  f.facility_investment.resize(n_regions, 0.0);
  f.budget_spent.resize(n_regions, 0.0);

  // Technology moves on: every offered programme's equipment dates.
  for (std::size_t k = 0; k < prog.size(); ++k)
    if (prog.offered[k]) prog.facility_quality[k] *= static_cast<float>(1.0 - params.obsolescence);

  // STO money per programme: the aanloop impulse, modernisation (H6) and own-programmes money.
  std::vector<double> sto(prog.size(), 0.0);
  std::vector<double> sto_spent(n_regions, 0.0);
  for (std::size_t k = 0; k < prog.size(); ++k) {
    if (!prog.offered[k]) continue;  // impulse for a closed programme stays unspent
    const double impulse = k < f.programme_impulse.size() ? f.programme_impulse[k] : 0.0;
    sto[k] += impulse;
    sto_spent[region_of_programme(world, k)] += impulse;
  }
  const std::vector<RegionProgrammes> regions = offered_by_region(world, ctx);
  for (std::size_t r = 0; r < n_regions; ++r) {
    spread_by_need(world, regions[r].technical, ch.modernisation_money[r], sto);
    sto_spent[r] += spread_evenly(regions[r].all, ch.own_programme_money[r], sto);
    f.facility_investment[r] += update_hub(world, params, h2, r, programme_students, ctx);
    // The facilities and hub envelopes are spent as the plan says, also where their pathway is
    // off (the money then buys nothing the model follows: models/channels.hpp).
    sto_spent[r] +=
        envelope_money(f, r, Envelope::facilities) + envelope_money(f, r, Envelope::hub);
  }

  // Schools maintain every programme they offer; STO money on a programme replaces part of that.
  for (std::size_t k = 0; k < prog.size(); ++k) {
    if (!prog.offered[k]) continue;
    const double own = std::max(0.0, params.school_investment - params.substitution * sto[k]);
    const double investment = own + sto[k];
    if (investment <= 0.0) continue;
    const double q = prog.facility_quality[k] + investment / params.cost_per_quality;
    prog.facility_quality[k] = static_cast<float>(std::min(1.0, q));
    f.facility_investment[region_of_programme(world, k)] += investment;
  }
  for (std::size_t r = 0; r < n_regions; ++r) f.budget_spent[r] += sto_spent[r];
}

float effective_facility_quality(const World& world, std::size_t programme, const H2Params& h2) {
  const float own = world.programmes.facility_quality[programme];
  const RegionState& rs = world.region_state;
  const std::size_t r = region_of_programme(world, programme);
  if (r >= rs.hub_location.size() || rs.hub_location[r] < 0) return own;
  const std::size_t location = programme / n_profiles;
  const auto hub = static_cast<std::size_t>(rs.hub_location[r]);
  if (distance_between_locations(world, location, hub) > h2.access_km) return own;
  return std::max(own, rs.hub_quality[r]);
}

}  // namespace stosim
