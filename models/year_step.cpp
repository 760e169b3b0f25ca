#include "models/year_step.hpp"

namespace stosim {

void step_year(World& world, const ModelParameters& p, const StepContext& ctx) {
  remove_finished_students(world.students);  // last year's leavers were counted by the monitor
  reset_flows(world);
  world.year = ctx.year;

  // 1. Demography (the initial state already holds the first year's students).
  if (ctx.year > ctx.start_year) {
    promote_students(world);
    world.flows.entered = enter_cohort(world, p.demography, ctx);
    choose_schools(world, p.school_choice, ctx);
  }
  // 2-4. Policy and funding, firms, regional coordination: not yet modelled.
  // 5. Schools.
  apply_programme_viability(world, p.programme_viability, p.profile_choice, ctx);
  // 6. Teachers: not yet modelled.
  // 7. Students.
  apply_dropout(world, p.dropout, ctx);
  sit_exams(world, p.exams, ctx);
  enter_mbo(world, p.mbo_transition, ctx);
  choose_profiles(world, p.profile_choice, ctx);
  // 8. The monitor (output/monitor.hpp) records the year after this step.
}

}  // namespace stosim
