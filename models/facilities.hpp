#pragma once
// Facilities: each programme's facility quality q in [0, 1] falls with technological change and
// rises with investment, from the school's own budget, the STO aanloop impulse, the region's
// modernisation money (H6) or its own-programmes money. STO money on a programme replaces part of
// the school's own investment in it (substitution). A region may build a shared hub (H2) whose
// quality every programme within reach can use. Reads the resolved channels (world.channels).
#include "models/context.hpp"
#include "models/pathways.hpp"
#include "sim/parameters.hpp"
#include "sim/world.hpp"

namespace stosim {

struct FacilityParams {
  double initial_quality_mean = 0.55;
  double initial_quality_sd = 0.15;
  double obsolescence = 0.08;
  double school_investment = 80000;
  double cost_per_quality = 2.0e6;
  double substitution = 0.25;

  template <class V>
  void visit(V& v) {
    v(initial_quality_mean, "initial_quality_mean", {.min = 0, .max = 1, .description = "Mean facility quality of a programme in the start year", .source = "assumption"});
    v(initial_quality_sd, "initial_quality_sd", {.min = 0, .max = 1, .description = "Spread of facility quality in the start year", .source = "assumption"});
    v(obsolescence, "obsolescence", {.unit = "1/year", .min = 0, .max = 1, .description = "Yearly relative loss of up-to-dateness (technology change rate)", .source = "assumption: equipment written off in about ten years"});
    v(school_investment, "school_investment", {.unit = "euro/year", .min = 0, .max = 1e7, .description = "A school's own yearly investment in each programme it offers", .source = "assumption: with cost_per_quality and obsolescence it keeps quality near 0.5 without STO"});
    v(cost_per_quality, "cost_per_quality", {.unit = "euro", .min = 1, .max = 1e9, .description = "Investment that raises one programme's quality from 0 to 1", .source = "assumption: re-equipping a technical workshop costs in the order of EUR 1-2M"});
    v(substitution, "substitution", {.min = 0, .max = 1, .description = "Share of the STO money invested in a programme's facilities that replaces the school's own investment in it (the school spends what it saves elsewhere), up to that investment", .source = "assumption; seed report §2.2; the RIF evaluation found its money largely additional (seed report §2.3)"});
  }
};

void initialise_facilities(World& world, const FacilityParams& params, StreamKey world_streams);
// Phase 5 (before viability). Spends the facilities (H6), hub (H2) and untargeted envelopes and
// the aanloop impulse already credited to programmes; records facility investment per region.
// `programme_students`: count_programme_students of the world as it is.
void update_facilities(World& world, const FacilityParams& params, const H2Params& h2,
                       const std::vector<std::int32_t>& programme_students, const StepContext& ctx);
// Quality a programme's students experience: its own, or the region's hub when within reach (H2;
// a region has a hub only once H2 money has built one).
float effective_facility_quality(const World& world, std::size_t programme, const H2Params& h2);

}  // namespace stosim
