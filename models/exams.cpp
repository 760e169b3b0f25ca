#include "models/exams.hpp"

#include <atomic>

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

double pass_rate(const ExamParams& params, Leerweg lw) {
  switch (lw) {
    case Leerweg::bb: return params.pass_rate_bb;
    case Leerweg::kb: return params.pass_rate_kb;
    case Leerweg::gl: return params.pass_rate_gl;
    case Leerweg::tl: return params.pass_rate_tl;
  }
  return 0.0;
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
  std::atomic<std::int64_t> graduated{0}, left{0};
  for_each_index(s.size(), [&](std::size_t i) {
    if (s.status[i] != StudentStatus::enrolled || s.grade[i] != 4) return;
    RandomStream rng = ctx.stream(Purpose::exam, s.id[i]);
    const double sector_draw = rng.uniform();
    const int sector = s.profile[i] == no_profile ? draw_tl_sector(params, sector_draw)
                                                  : sector_of[s.profile[i]];
    const std::size_t cell =
        (static_cast<std::size_t>(s.location[i]) * n_leerwegen + static_cast<std::size_t>(s.leerweg[i])) *
            n_sectors +
        static_cast<std::size_t>(sector);
    std::atomic_ref<std::int32_t>(flows.exam_candidates[cell]).fetch_add(1, std::memory_order_relaxed);
    if (rng.bernoulli(pass_rate(params, s.leerweg[i]))) {
      std::atomic_ref<std::int32_t>(flows.exam_passed[cell]).fetch_add(1, std::memory_order_relaxed);
      s.status[i] = StudentStatus::graduated;
      graduated.fetch_add(1, std::memory_order_relaxed);
    } else if (!rng.bernoulli(params.repeat_share)) {
      s.status[i] = StudentStatus::left;
      left.fetch_add(1, std::memory_order_relaxed);
    }
  });
  flows.graduated += graduated.load();
  flows.left += left.load();
}

}  // namespace stosim
