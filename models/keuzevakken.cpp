#include "models/keuzevakken.hpp"

#include "sim/logistic.hpp"
#include "sim/parallel.hpp"

namespace stosim {

std::vector<std::uint8_t> keuzevak_offer(const World& world,
                                         const std::array<bool, n_profiles>& technical) {
  std::vector<std::uint8_t> offer(world.locations.size(), 0);
  const std::vector<float>& adoption = world.channels.keuzevak_adoption;
  const std::vector<std::uint8_t>& adopted = world.locations.keuzevak_adopted;
  for (std::size_t l = 0; l < offer.size(); ++l) {
    for (int p = 0; p < n_profiles; ++p)
      if (technical[p] && world.programmes.offered[programme_index(l, p)]) offer[l] = 1;
    const auto r = static_cast<std::size_t>(world.locations.region[l]);
    if (l < adopted.size() && adopted[l] && r < adoption.size() && adoption[r] > 0.0f) offer[l] = 1;  // H5
  }
  return offer;
}

void adopt_funded_keuzevakken(World& world, const StepContext& ctx) {
  const std::vector<float>& adoption = world.channels.keuzevak_adoption;
  std::vector<std::uint8_t>& adopted = world.locations.keuzevak_adopted;
  adopted.resize(world.locations.size(), 0);
  for (std::size_t l = 0; l < adopted.size(); ++l) {
    const auto r = static_cast<std::size_t>(world.locations.region[l]);
    if (adopted[l] || r >= adoption.size() || adoption[r] <= 0.0f) continue;
    adopted[l] = ctx.stream(Purpose::keuzevak_adoption, l).bernoulli(adoption[r]) ? 1 : 0;
  }
}

std::vector<float> keuzevak_uptake(const World& world, const std::array<bool, n_profiles>& technical) {
  // Whole counts in parallel, [location][students, following]: exact in any order.
  const std::size_t n = world.locations.size();
  std::vector<std::int32_t> counts(2 * n, 0);
  const Students& s = world.students;
  count_over_indices(s.size(), counts, [&](std::size_t i, std::vector<std::int32_t>& c) {
    if (s.grade[i] < 3 || s.location[i] < 0) return;
    // Without branches on the profile, status and keuzevak, which alternate at random in the
    // students' order: each count adds its condition.
    const bool counted =
        !is_technical(s.profile[i], technical) & (s.status[i] == StudentStatus::enrolled);
    const auto l = static_cast<std::size_t>(s.location[i]);
    c[2 * l] += counted;
    c[2 * l + 1] += counted & (s.technical_keuzevak[i] != 0);
  });
  std::vector<float> following(n, 0.0f);
  for (std::size_t l = 0; l < n; ++l)
    if (counts[2 * l] > 0)
      following[l] = static_cast<float>(counts[2 * l + 1]) / static_cast<float>(counts[2 * l]);
  return following;
}

void add_keuzevak_appeal(const World& world, const std::array<bool, n_profiles>& technical,
                         std::vector<float>& appeal) {
  const std::vector<float>& effect = world.channels.keuzevak_choice_effect;
  const std::vector<float>& start = world.start.keuzevak_uptake;
  bool any = false;
  for (float e : effect) any = any || e != 0.0f;
  if (!any || start.size() != world.locations.size()) return;
  const std::vector<float> uptake = keuzevak_uptake(world, technical);
  appeal.resize(world.programmes.size(), 0.0f);
  for (std::size_t l = 0; l < uptake.size(); ++l) {
    const double e = effect[static_cast<std::size_t>(world.locations.region[l])];
    if (e == 0.0) continue;
    for (int p = 0; p < n_profiles; ++p)
      if (technical[p]) appeal[programme_index(l, p)] += static_cast<float>(e * (uptake[l] - start[l]));
  }
}

void choose_keuzevakken(World& world, const KeuzevakParams& params, const StepContext& ctx) {
  adopt_funded_keuzevakken(world, ctx);
  const std::vector<std::uint8_t> offer = keuzevak_offer(world, ctx.technical);
  const ChannelValues& ch = world.channels;
  Students& s = world.students;
  auto choosing = [&](std::size_t i) {
    return s.status[i] == StudentStatus::enrolled && s.grade[i] == 2 && s.location[i] >= 0;
  };
  auto draws = [&](std::size_t i) {
    return choosing(i) && !is_technical(s.profile[i], ctx.technical) &&
           offer[static_cast<std::size_t>(s.location[i])];
  };
  // A technical profile includes a technical keuzevak; without an offer there is none; the
  // others choose. Without branches on the profile and the offer, which alternate at random in
  // the students' order: those who choose keep their value here and draw below.
  for_each_index(s.size(), [&](std::size_t i) {
    if (s.grade[i] != 2 || s.location[i] < 0) return;
    const bool technical = is_technical(s.profile[i], ctx.technical);
    const bool decided = (s.status[i] == StudentStatus::enrolled) &
                         (technical | (offer[static_cast<std::size_t>(s.location[i])] == 0));
    s.technical_keuzevak[i] =
        decided ? static_cast<std::uint8_t>(technical) : s.technical_keuzevak[i];
  });
  for_each_drawing(
      s.size(), ctx.family(Purpose::keuzevak), s.id, draws, [&](std::size_t i, RandomStream& rng) {
        const auto region = static_cast<std::size_t>(
            world.locations.region[static_cast<std::size_t>(s.location[i])]);
        const double log_odds = keuzevak_log_odds(params, s.profile[i], s.propensity[i]) +
                                ch.keuzevak_shift[region];  // H5
        s.technical_keuzevak[i] = rng.bernoulli(logistic(log_odds)) ? 1 : 0;
      });
  for (std::size_t r = 0; r < world.regions.size(); ++r)
    world.flows.budget_spent[r] += envelope_money(world.flows, r, Envelope::exposure);
}

}  // namespace stosim
