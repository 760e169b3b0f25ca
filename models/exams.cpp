#include "models/exams.hpp"

#include <array>
#include <vector>

#include "sim/parallel.hpp"

namespace stosim {

std::array<int, n_profiles> profile_sectors(const ExamParams& params) {
  std::array<int, n_profiles> sector{};
  for (int p = 0; p < n_profiles; ++p)
    for (int k = 0; k < n_sectors; ++k)
      if (sector_codes[k] == params.sector_of_profile[p]) sector[p] = k;
  return sector;
}

namespace {

// By index rather than a switch, which the processor mispredicts as leerwegen alternate at random.
double pass_rate(const ExamParams& params, Leerweg lw) {
  const std::array<double, n_leerwegen> rate = {params.pass_rate_bb, params.pass_rate_kb,
                                                params.pass_rate_gl, params.pass_rate_tl};
  return rate[static_cast<std::size_t>(lw)];
}

int draw_tl_sector(const ExamParams& params, double u) {
  double total = 0.0;
  for (double share : params.tl_sector_shares) total += share;
  double target = u * total;
  for (int k = 0; k < n_sectors - 1; ++k) {
    if (target < params.tl_sector_shares[k]) return k;
    target -= params.tl_sector_shares[k];
  }
  return n_sectors - 1;
}

}  // namespace

void sit_exams(World& world, const ExamParams& params, const StepContext& ctx) {
  const std::array<int, n_profiles> sector_of = profile_sectors(params);
  Students& s = world.students;
  YearFlows& flows = world.flows;
  // Candidates and passes per exam cell, then graduates and leavers: counted per thread (no atomic
  // per candidate) and added to this year's flows at the end.
  const std::size_t cells = flows.exam_candidates.size(), graduated_at = 2 * cells, left_at = graduated_at + 1;
  std::vector<std::int32_t> counts(left_at + 1, 0);
  auto candidate = [&](std::size_t i) {
    return s.status[i] == StudentStatus::enrolled && s.grade[i] == 4;
  };
  auto add = [&](const std::vector<std::int32_t>& part) {
    for (std::size_t k = 0; k < counts.size(); ++k) counts[k] += part[k];
  };
  for_each_drawing_counting(
      s.size(), counts, ctx.family(Purpose::exam), s.id, candidate,
      [&](std::size_t i, RandomStream& rng, std::vector<std::int32_t>& c) {
        const double sector_draw = rng.uniform();
        const int sector = s.profile[i] == no_profile ? draw_tl_sector(params, sector_draw)
                                                      : sector_of[s.profile[i]];
        const std::size_t cell = (static_cast<std::size_t>(s.location[i]) * n_leerwegen +
                                  static_cast<std::size_t>(s.leerweg[i])) *
                                     n_sectors +
                                 static_cast<std::size_t>(sector);
        ++c[cell];
        if (rng.bernoulli(pass_rate(params, s.leerweg[i]))) {
          ++c[cells + cell];
          s.status[i] = StudentStatus::graduated;
          ++c[graduated_at];
        } else if (!rng.bernoulli(params.repeat_share)) {
          s.status[i] = StudentStatus::left;
          ++c[left_at];
        }
      },
      add);
  for (std::size_t k = 0; k < cells; ++k) {
    flows.exam_candidates[k] += counts[k];
    flows.exam_passed[k] += counts[cells + k];
  }
  flows.graduated += counts[graduated_at];
  flows.left += counts[left_at];
}

}  // namespace stosim
