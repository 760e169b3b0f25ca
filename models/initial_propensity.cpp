#include "models/initial_propensity.hpp"

#include <cmath>

#include "sim/parallel.hpp"

namespace stosim {

namespace {

// Far more than needed: the expected number of proposals is one over the probability of the
// student's choice at the location, summed over all students about twice their number.
constexpr int max_proposals = 100000;

double technical_probability(double odds, double beta, double propensity) {
  const double weighted = std::exp(beta * propensity) * odds;
  return weighted / (1.0 + weighted);
}

}  // namespace

void draw_initial_propensity(World& world, const ProfileChoiceParams& choice, const DemographyParams& demography,
                             const std::array<bool, n_profiles>& technical, StreamKey world_streams) {
  const std::vector<double> odds = technical_choice_odds(world, choice, technical);
  Students& s = world.students;
  for_each_index(s.size(), [&](std::size_t i) {
    if (s.status[i] != StudentStatus::enrolled || s.grade[i] < 3 || s.location[i] < 0 || s.profile[i] == no_profile)
      return;
    const double student_odds = odds[i];
    const bool is_technical = technical[s.profile[i]];
    // Where only one kind of profile was within reach, the choice says nothing.
    if (student_odds == 0.0 || std::isinf(student_odds)) return;
    const double mean = demography.propensity_mean(s.is_male[i] != 0);
    RandomStream rng(world_streams, 0, Purpose::initial_propensity, s.id[i]);
    double propensity = mean + rng.normal();
    for (int k = 0; k < max_proposals; ++k) {
      const double p = technical_probability(student_odds, choice.beta_propensity, propensity);
      if (rng.bernoulli(is_technical ? p : 1.0 - p)) break;
      propensity = mean + rng.normal();
    }
    s.propensity[i] = static_cast<float>(propensity);
  });
}

}  // namespace stosim
