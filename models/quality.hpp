#pragma once
// Programme quality, the H9 pathway's input: up-to-date facilities, qualified teachers, the
// region's innovation capacity (responsiveness) and the programme's size against its critical
// mass, each in [0, 1], weighted.
#include <vector>

#include "models/pathways.hpp"
#include "sim/parameters.hpp"
#include "sim/world.hpp"

namespace stosim {

struct QualityParams {
  double weight_facilities = 0.4;
  double weight_teachers = 0.4;
  double weight_innovation = 0.2;
  double weight_size = 0.2;
  double critical_mass = 40.0;

  template <class V>
  void visit(V& v) {
    v(weight_facilities, "weight_facilities", {.min = 0, .max = 1, .description = "Weight of facility quality", .source = "assumption"});
    v(weight_teachers, "weight_teachers", {.min = 0, .max = 1, .description = "Weight of the qualified share of the programme's teaching FTE", .source = "assumption"});
    v(weight_innovation, "weight_innovation", {.min = 0, .max = 1, .description = "Weight of the region's innovation capacity", .source = "assumption"});
    v(weight_size, "weight_size", {.min = 0, .max = 1, .description = "Weight of the programme's size relative to its critical mass (a small programme offers less: fewer options, mixed classes)", .source = "seed report section 2.2 (doelmatigheid against quality; small technical classes are costly, note 14); no data, range 0-0.4"});
    v(critical_mass, "critical_mass", {.unit = "students", .min = 1, .max = 1000, .description = "Students in years 3-4 from which a programme's size no longer limits its quality", .source = "no data; assumption equal to h1.small_students and monitor.small_programme_students (40); range 20-80"});
  }
};

// Quality of every programme in [0, 1], 0 where not offered. The teacher term is the qualified
// FTE over the FTE the programme needs (present plus flows.vacancy_fte, so it reads this year's
// vacancies: call it after update_teachers); a programme without technical staff or need (a
// non-technical profile) gets a neutral teacher term of 0.6. `programme_students`:
// count_programme_students of the world as it is.
std::vector<float> programme_quality(const World& world, const QualityParams& params,
                                     const H2Params& h2,
                                     const std::vector<std::int32_t>& programme_students);

}  // namespace stosim
