#include "models/quality.hpp"

#include <algorithm>

#include "models/facilities.hpp"

namespace stosim {

namespace {

// Teacher term of a programme without technical teaching staff (a non-technical profile): the
// model does not follow its teachers, so it gets a neutral value near the start-year mean of
// technical programmes rather than 0 (which would make every non-technical programme look bad).
constexpr double neutral_teacher_term = 0.6;

// Per programme: qualified FTE and the FTE it needs (present plus vacant).
struct Staffing {
  std::vector<double> qualified, staffed;
};

Staffing staffing(const World& world) {
  Staffing s{std::vector<double>(world.programmes.size(), 0.0),
             std::vector<double>(world.programmes.size(), 0.0)};
  const Teachers& t = world.teachers;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t.status[i] != TeacherStatus::active) continue;
    const std::size_t k = programme_index(static_cast<std::size_t>(t.location[i]), t.profile[i]);
    s.staffed[k] += t.fte[i];
    if (t.qualification[i] == Qualification::qualified) s.qualified[k] += t.fte[i];
  }
  const std::vector<float>& vacancy = world.flows.vacancy_fte;
  for (std::size_t k = 0; k < vacancy.size() && k < s.staffed.size(); ++k)
    s.staffed[k] += vacancy[k];
  return s;
}

}  // namespace

std::vector<float> programme_quality(const World& world, const QualityParams& params,
                                     const H2Params& h2,
                                     const std::vector<std::int32_t>& students) {
  const std::size_t n = world.programmes.size();
  std::vector<float> quality(n, 0.0f);
  const double weights =
      params.weight_facilities + params.weight_teachers + params.weight_innovation + params.weight_size;
  if (weights <= 0.0) return quality;
  const Staffing s = staffing(world);
  const std::vector<float>& innovation = world.region_state.innovation;
  for (std::size_t k = 0; k < n; ++k) {
    if (!world.programmes.offered[k]) continue;
    const double facilities = world.programmes.facility_quality.size() == n
                                  ? effective_facility_quality(world, k, h2)
                                  : 0.0;
    // Qualified share of the staff the programme needs: vacancies and unqualified staff lower it.
    const double teachers =
        s.staffed[k] > 0.0 ? s.qualified[k] / s.staffed[k] : neutral_teacher_term;
    const auto r = static_cast<std::size_t>(world.locations.region[k / n_profiles]);
    const double innovate = r < innovation.size() ? innovation[r] : 0.0;
    const double size = std::min(1.0, students[k] / params.critical_mass);
    const double q = (params.weight_facilities * facilities + params.weight_teachers * teachers +
                      params.weight_innovation * innovate + params.weight_size * size) /
                     weights;
    quality[k] = static_cast<float>(std::clamp(q, 0.0, 1.0));
  }
  return quality;
}

}  // namespace stosim
