#include "models/mbo_transition.hpp"

#include <algorithm>
#include <cmath>

#include "sim/logistic.hpp"
#include "sim/parallel.hpp"

namespace stosim {

int mbo_level(Leerweg leerweg) {
  switch (leerweg) {
    case Leerweg::bb: return 2;
    case Leerweg::kb: return 3;
    default: return 4;
  }
}

// A job chance is a share of graduates who find work: the normal spread is cut off short of 0 and
// 1, where the logit on job chance would weigh a programme without bound.
constexpr double min_job_chance = 0.05, max_job_chance = 0.99;

void initialise_mbo(World& world, const MboTransitionParams& params, StreamKey world_streams) {
  MboProgrammes& m = world.mbo;
  m = MboProgrammes{};
  for (std::size_t r = 0; r < world.regions.size(); ++r)
    for (int technical = 0; technical <= 1; ++technical)
      for (int level = 2; level <= 4; ++level)
        for (int k = 0; k < params.programmes_per_field_level; ++k) {
          RandomStream rng(world_streams, 0, Purpose::world_mbo, m.size());
          const double mean = technical ? params.job_chance_technical : params.job_chance_other;
          const double chance = mean + params.job_chance_per_level * (level - 3) +
                                params.job_chance_sd * rng.normal();
          m.region.push_back(static_cast<std::int32_t>(r));
          m.technical.push_back(static_cast<std::uint8_t>(technical));
          m.level.push_back(static_cast<std::uint8_t>(level));
          m.job_chance.push_back(
              static_cast<float>(std::clamp(chance, min_job_chance, max_job_chance)));
        }
}

namespace {

double logit(double p) {
  p = std::clamp(p, 1e-9, 1 - 1e-9);
  return std::log(p / (1 - p));
}

// Draws a programme of the field at the level in the region, by a logit on job chance; returns
// its job chance. Programmes are stored region by region, field by field, level by level.
// `weight` holds e^(w * job chance) per programme for the weight w that applies.
double choose_programme_job_chance(const World& world, const MboTransitionParams& params,
                                   std::size_t region, bool technical, int level,
                                   const std::vector<double>& weight, RandomStream& rng) {
  const auto per = static_cast<std::size_t>(params.programmes_per_field_level);
  const std::size_t first = ((region * 2 + (technical ? 1 : 0)) * 3 + static_cast<std::size_t>(level - 2)) * per;
  double total = 0.0;
  for (std::size_t k = first; k < first + per; ++k) total += weight[k];
  double target = rng.uniform() * total;
  for (std::size_t k = first; k < first + per; ++k) {
    target -= weight[k];
    if (target <= 0.0) return world.mbo.job_chance[k];
  }
  return world.mbo.job_chance[first + per - 1];
}

}  // namespace

void enter_mbo(World& world, const MboTransitionParams& params, const KeuzevakParams& keuzevak,
               QualityView quality, const StepContext& ctx) {
  const std::array<double, n_mbo_origins> base = {logit(params.technical_from_technical_profile),
                                                  logit(params.technical_from_other_profile),
                                                  logit(params.technical_from_tl)};
  // Job-chance weights of each mbo programme, with the extra weight of its region's alignment
  // (H4; 0 where not aligned).
  const ChannelValues& ch = world.channels;
  std::vector<double> weight(world.mbo.size());
  for (std::size_t k = 0; k < weight.size(); ++k) {
    const auto r = static_cast<std::size_t>(world.mbo.region[k]);
    weight[k] = std::exp((params.job_chance_weight + ch.aligned_job_chance_weight[r]) *
                         world.mbo.job_chance[k]);
  }
  Students& s = world.students;
  YearFlows& flows = world.flows;
  struct Tally {
    std::vector<std::int32_t> entrants, technical, dropouts, technical_by_level;
    std::vector<std::int64_t> job_chance_millionths;
  };
  const Tally zero{std::vector<std::int32_t>(flows.mbo_entrants.size(), 0),
                   std::vector<std::int32_t>(flows.mbo_technical.size(), 0),
                   std::vector<std::int32_t>(flows.mbo_dropouts.size(), 0),
                   std::vector<std::int32_t>(flows.mbo_technical_by_level.size(), 0),
                   std::vector<std::int64_t>(flows.mbo_job_chance_millionths.size(), 0)};
  auto add = [](auto& total, const auto& part) {
    for (std::size_t k = 0; k < total.size(); ++k) total[k] += part[k];
  };
  auto graduated = [&](std::size_t i) { return s.status[i] == StudentStatus::graduated; };
  // One block of four uniforms: entering mbo, the field, the programme, first-year dropout.
  for_each_drawing_counting(
      s.size(), zero, ctx.family(Purpose::mbo_transition), s.id, graduated,
      [&](std::size_t i, RandomStream& rng, Tally& t) {
        if (!rng.bernoulli(params.mbo_share)) return;
        const int origin = mbo_origin(s.profile[i], ctx.technical);
        const auto region = static_cast<std::size_t>(world.zones.region[s.home_zone[i]]);
        // Change of the vmbo programme's quality since the start (none for TL: no programme).
        const double q = s.profile[i] == no_profile
                             ? 0.0
                             : quality.change(programme_index(
                                   static_cast<std::size_t>(s.location[i]), s.profile[i]));
        double odds = base[origin];
        if (origin != 0 && s.technical_keuzevak[i]) odds += keuzevak.mbo_effect;
        odds += ch.quality_mbo[region] * q;  // H9
        odds +=
            ch.aligned_technical_shift[region] * world.region_state.labour_demand[region];  // H4
        const bool technical = rng.bernoulli(logistic(odds));
        const int level = mbo_level(s.leerweg[i]);
        const double job_chance =
            choose_programme_job_chance(world, params, region, technical, level, weight, rng);
        const double dropout =
            params.first_year_dropout * std::exp(-ch.quality_mbo_dropout[region] * q);  // H9
        const bool drops_out = rng.bernoulli(std::min(1.0, dropout));  // the block's fourth uniform

        const std::size_t cell = region * n_mbo_origins + static_cast<std::size_t>(origin);
        ++t.entrants[cell];
        t.job_chance_millionths[cell] += std::llround(job_chance * 1e6);
        if (drops_out) ++t.dropouts[cell];
        if (technical) {
          ++t.technical[cell];
          ++t.technical_by_level[region * n_mbo_levels + static_cast<std::size_t>(level - 1)];
        }
      },
      [&](const Tally& t) {
        add(flows.mbo_entrants, t.entrants);
        add(flows.mbo_technical, t.technical);
        add(flows.mbo_dropouts, t.dropouts);
        add(flows.mbo_technical_by_level, t.technical_by_level);
        add(flows.mbo_job_chance_millionths, t.job_chance_millionths);
      });
}

}  // namespace stosim
