#include "models/year_step.hpp"

#include "models/system_setup.hpp"

namespace stosim {

void step_year(World& world, const ModelParameters& p, const StepContext& ctx) {
  remove_finished_students(world.students);  // last year's leavers were counted by the monitor
  reset_flows(world);
  world.year = ctx.year;

  // 1. Demography (the initial state already holds the first year's students).
  if (ctx.year > ctx.start_year) {
    promote_students(world);
    world.flows.entered = enter_cohort(world, p.demography, p.pathways.h5, ctx);
    year3_intake(world, p.demography, 1.0 - p.dropout.dropout_rate - p.dropout.leaving_rate, ctx);
    choose_schools(world, p.school_choice, ctx);
  }
  // 2. Policy and funding.
  apply_policy(world, p.policy, p.pathways, p.regional_coordination, ctx);
  // 3. Firms.
  update_firms(world, p.firms, ctx);
  // 4. Regional coordination.
  coordinate_regions(world, p.regional_coordination, p.pathways, ctx);
  // 5. Schools: facilities, then the offer.
  update_facilities(world, p.facilities, p.pathways, ctx);
  apply_programme_viability(world, p.programme_viability, p.pathways.h1, p.regional_coordination,
                            p.profile_choice, ctx);
  open_programmes(world, p.programme_openings, p.facilities, ctx);
  // 6. Teachers.
  update_teachers(world, p.teachers, p.pathways, ctx);
  // 7. Students.
  const std::vector<float> quality = programme_quality(world, p.quality, p.pathways.h2);
  record_opening_quality(world, quality, ctx.year);
  const DropoutQuality dropout_quality =
      p.pathways.h9.enabled
          ? DropoutQuality{quality, world.start.programme_quality, p.pathways.h9.dropout_effect}
          : DropoutQuality{};
  apply_dropout(world, p.dropout, ctx, dropout_quality);
  sit_exams(world, p.exams, ctx);
  enter_mbo(world, p.mbo_transition, p.keuzevakken, p.pathways, p.regional_coordination,
            {quality, world.start.programme_quality}, ctx);
  const std::vector<float> appeal =
      quality_appeal(quality, world.start.programme_quality, p.pathways.h9, ctx.technical);
  drift_programme_constants(world, p.profile_choice, ctx);
  choose_profiles(world, p.profile_choice, ctx, appeal);
  choose_keuzevakken(world, p.keuzevakken, p.pathways, ctx);
  // 8. The monitor (output/monitor.hpp) records the year after this step.
}

}  // namespace stosim
