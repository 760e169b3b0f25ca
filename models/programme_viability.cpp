#include "models/programme_viability.hpp"

namespace stosim {

namespace {

// Nearest location within reach of the student's home, other than the own one, that offers the
// profile in the student's leerweg; -1 when there is none.
std::int32_t nearest_alternative(const World& world, std::size_t student, int profile) {
  const Students& s = world.students;
  const auto zone = static_cast<std::size_t>(s.home_zone[student]);
  const ReachableLocations& reach = world.zones.reachable;
  for (std::uint32_t k = reach.offset[zone]; k < reach.offset[zone + 1]; ++k) {
    const auto l = static_cast<std::size_t>(reach.location[k]);
    if (reach.location[k] != s.location[student] && world.locations.offers(l, s.leerweg[student]) &&
        world.programmes.offered[programme_index(l, profile)])
      return reach.location[k];
  }
  return -1;
}

// Returns a mask of the programmes that close this year.
std::vector<std::uint8_t> close_small_programmes(World& world,
                                                 const ProgrammeViabilityParams& params) {
  std::vector<std::int32_t> students;
  count_programme_students(world, students);
  Programmes& prog = world.programmes;
  std::vector<std::uint8_t> closing(prog.size(), 0);
  for (std::size_t k = 0; k < prog.size(); ++k) {
    if (!prog.offered[k]) continue;
    if (students[k] >= params.min_students) {
      prog.years_below_viability[k] = 0;
      continue;
    }
    if (++prog.years_below_viability[k] < params.years_below_to_close) continue;
    prog.offered[k] = 0;
    prog.years_below_viability[k] = 0;
    closing[k] = 1;
    ++world.flows.closed_programmes;
  }
  return closing;
}

}  // namespace

void apply_programme_viability(World& world, const ProgrammeViabilityParams& params,
                               const ProfileChoiceParams& choice, const StepContext& ctx) {
  if (params.min_students <= 0) return;
  const std::vector<std::uint8_t> closing = close_small_programmes(world, params);
  if (world.flows.closed_programmes == 0) return;
  Students& s = world.students;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.status[i] != StudentStatus::enrolled || s.grade[i] != 3 || s.profile[i] == no_profile)
      continue;
    const auto own = static_cast<std::size_t>(s.location[i]);
    if (!closing[programme_index(own, s.profile[i])]) continue;
    ++world.flows.moved_by_closure;
    const std::int32_t elsewhere = nearest_alternative(world, i, s.profile[i]);
    if (elsewhere >= 0) {
      s.location[i] = elsewhere;
      continue;
    }
    const std::int8_t other = choose_profile_at(world, own, i, choice, ctx, s.profile[i]);
    if (other == no_profile) {
      s.status[i] = StudentStatus::left;
      ++world.flows.left;
    } else {
      s.profile[i] = other;
    }
  }
}

}  // namespace stosim
