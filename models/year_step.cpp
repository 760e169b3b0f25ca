#include "models/year_step.hpp"

#include "models/channels.hpp"
#include "models/system_setup.hpp"
#include "sim/phase_times.hpp"

namespace stosim {

namespace {

// A run that starts after the policy began (nl_2019 starts in 2020, the plans were written in
// 2019) starts from the state the policy left: the policy, firm and coordination phases of the
// skipped years are replayed on the initial state, each with its own year's random streams, so
// plans are assessed and resubmitted, partners join, collaboration grows and the money granted
// counts against the ceiling. Students, schools and teachers are the observed initial state.
void replay_policy_years(World& world, const ModelParameters& p, const StepContext& ctx) {
  const std::vector<std::int32_t> programme_students = count_programme_students(world);
  for (int year = p.policy.aanloop_start; year < ctx.start_year; ++year) {
    StepContext past = ctx;
    past.year = year;
    world.year = year;
    reset_flows(world);
    apply_policy(world, p.policy, p.pathways, p.regional_coordination, programme_students, past);
    resolve_channels(world, p, world.channels);
    update_firms(world, p.firms, past);
    coordinate_regions(world, p.regional_coordination, past);
  }
  reset_flows(world);
  world.year = ctx.year;
}

}  // namespace

void step_year(World& world, const ModelParameters& p, const StepContext& ctx) {
  PhaseClock clock(ctx.phase_times);  // where the time goes, when asked (sim/phase_times.hpp)
  remove_finished_students(world.students);  // last year's leavers were counted by the monitor
  reset_flows(world);
  world.year = ctx.year;
  clock.lap("remove finished students");
  if (ctx.year == ctx.start_year && ctx.start_year > p.policy.aanloop_start) {
    replay_policy_years(world, p, ctx);
    clock.lap("replay of the policy years before the start");
  }

  // 1. Demography (the initial state already holds the first year's students).
  if (ctx.year > ctx.start_year) {
    promote_students(world);
    clock.lap("promotion");
    world.flows.entered = enter_cohort(world, p.demography, ctx);
    clock.lap("cohort entry");
    year3_intake(world, p.demography, 1.0 - p.dropout.dropout_rate - p.dropout.leaving_rate, ctx);
    clock.lap("year-3 intake");
    choose_schools(world, p.school_choice, ctx);
    clock.lap("school choice");
  }
  // Students in years 3-4 per programme: nothing in phases 2-4 moves a student, so one count
  // serves the policy and phase 5 until the closures move some of them; it is taken again after
  // (new programmes start empty). Nothing else in phases 5-6 moves a student.
  std::vector<std::int32_t> programme_students = count_programme_students(world);
  clock.lap("programme counts");
  // 2. Policy and funding, then what switches, agreements and money do this year (the channels).
  apply_policy(world, p.policy, p.pathways, p.regional_coordination, programme_students, ctx);
  resolve_channels(world, p, world.channels);
  clock.lap("policy and channels");
  // 3. Firms.
  update_firms(world, p.firms, ctx);
  clock.lap("firms");
  // 4. Regional coordination.
  coordinate_regions(world, p.regional_coordination, ctx);
  clock.lap("regional coordination");
  // 5. Schools: facilities, then the offer.
  update_facilities(world, p.facilities, p.pathways.h2, programme_students, ctx);
  clock.lap("facilities");
  apply_programme_viability(world, p.programme_viability, p.pathways.h1, p.profile_choice,
                            programme_students, ctx);
  clock.lap("programme viability");
  open_programmes(world, p.programme_openings, p.facilities, ctx);
  clock.lap("programme openings");
  programme_students = count_programme_students(world);
  clock.lap("programme counts");
  // 6. Teachers.
  update_teachers(world, p.teachers, programme_students, ctx);
  clock.lap("teachers");
  // 7. Students.
  const std::vector<float> quality =
      programme_quality(world, p.quality, p.pathways.h2, programme_students);
  record_opening_quality(world, quality, ctx.year);
  clock.lap("quality");
  apply_dropout(world, p.dropout, ctx,
                {quality, world.start.programme_quality, world.channels.quality_dropout});
  clock.lap("dropout");
  sit_exams(world, p.exams, ctx);
  clock.lap("exams");
  enter_mbo(world, p.mbo_transition, p.keuzevakken, {quality, world.start.programme_quality}, ctx);
  clock.lap("mbo entry");
  std::vector<float> appeal =
      quality_appeal(world, quality, world.start.programme_quality, ctx.technical);
  add_keuzevak_appeal(world, ctx.technical, appeal);
  drift_programme_constants(world, p.profile_choice, ctx);
  clock.lap("appeal of programmes");
  choose_profiles(world, p.profile_choice, ctx, appeal);
  clock.lap("profile choice");
  choose_keuzevakken(world, p.keuzevakken, ctx);
  clock.lap("keuzevak choice");
  // 8. The monitor (output/monitor.hpp) records the year after this step.
}

}  // namespace stosim
