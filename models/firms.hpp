#pragma once
// Firms: each year a firm joins, stays in or leaves its region's partnership by weighing the
// expected benefit (technical graduates it could hire, the network, the subsidy) against the
// cost. Partners contribute cash or in kind (equipment, space, instructors, internships): the
// region's cofinancing. The risks seen in the RIF (seed report §2.3): networks stop growing after
// the start, and partners drift away once the subsidy stops. A region whose partners committed
// less than the cofinancing rule requires for its budget canvasses: more firms join and
// supporters commit as core partners.
#include "models/context.hpp"
#include "sim/parameters.hpp"
#include "sim/world.hpp"

namespace stosim {

struct FirmParams {
  double firms_per_region = 64.0;
  double employees_median = 25.0;
  double employees_sd_log = 1.2;
  double join_constant = -3.0;
  double join_graduates = 0.2;
  double join_network = 2.0;
  double join_subsidy = 1.5;
  double join_stall = 0.3;
  double stay_constant = 3.0;
  double drift_after_subsidy = 0.7;
  double join_shortfall = 6.0;
  double commit_shortfall = 0.3;
  double core_share = 0.25;
  double cash_core = 3000;
  double in_kind_core = 7000;
  double in_kind_supporter = 800;

  template <class V>
  void visit(V& v) {
    v(firms_per_region, "firms_per_region", {.unit = "firms", .min = 0, .max = 10000, .description = "Potential partner firms per region on average (a region has them in proportion to its students in years 3-4 with a profile)", .source = "MODEL.md: about 5,000 potential partners over 78 regions; their spread over regions by students is an assumption (larger labour markets, more firms)"});
    v(employees_median, "employees_median", {.unit = "employees", .min = 1, .max = 1e5, .description = "Median size of a potential partner firm (sizes are log-normal)", .source = "assumption"});
    v(employees_sd_log, "employees_sd_log", {.min = 0, .max = 5, .description = "Standard deviation of the log of firm size", .source = "assumption"});
    v(join_constant, "join_constant", {.description = "Log-odds of joining for a firm with no benefit", .source = "assumption"});
    v(join_graduates, "join_graduates", {.min = 0, .max = 20, .description = "Log-odds of joining per technical graduate per firm in the region", .source = "assumption"});
    v(join_network, "join_network", {.min = 0, .max = 20, .description = "Log-odds of joining per unit of the region's collaboration capital", .source = "assumption"});
    v(join_subsidy, "join_subsidy", {.min = 0, .max = 20, .description = "Log-odds of joining while the region receives STO money", .source = "assumption: RIF, half of the collaborations would not have started without subsidy"});
    v(join_stall, "join_stall", {.unit = "1/year", .min = 0, .max = 5, .description = "Fall of the log-odds of joining per year since the partnership started (networks stop growing)", .source = "RIF evaluation (seed report §2.3)"});
    v(stay_constant, "stay_constant", {.description = "Log-odds that a partner stays, before drift", .source = "assumption"});
    v(drift_after_subsidy, "drift_after_subsidy", {.min = 0, .max = 20, .description = "Fall of the log-odds of staying in a year without STO money in the region", .source = "RIF: 40 % of collaborations would not last without subsidy"});
    v(join_shortfall, "join_shortfall", {.min = 0, .max = 50, .description = "Log-odds of joining gained when the region's partners committed none of the cofinancing its budget requires (times the missing share of the requirement): the region canvasses firms", .source = "no data; assumption (plausible 2-8): every one of the 78 regions was funded (FACTS.md), so regions short of the 10 % minimum must have found partners"});
    v(commit_shortfall, "commit_shortfall", {.min = 0, .max = 1, .description = "Yearly probability that a staying supporter becomes a core partner when the region's partners committed none of the required cofinancing (times the missing share of the requirement)", .source = "no data; assumption (plausible 0.1-0.8): regions short of the minimum ask their partners to commit more"});
    v(core_share, "core_share", {.min = 0, .max = 1, .description = "Share of joining firms that become core partners (the others support)", .source = "assumption; seed report: few committed partners, many supporters"});
    v(cash_core, "cash_core", {.unit = "euro/year", .min = 0, .max = 1e7, .description = "Cash contribution of a core partner", .source = "assumption, fitted with in_kind_core and in_kind_supporter (in the same proportions 15:35:4 as before) so that the national cofinancing share is about 13 % in the transition years at scale 1, as in the plans (FACTS.md); the fit gives 13.5-14 %, uncertainty carried: the three contributions x0.8-1.2 (share about 12.5-15 %)"});
    v(in_kind_core, "in_kind_core", {.unit = "euro/year", .min = 0, .max = 1e7, .description = "In-kind contribution of a core partner (equipment, space, instructors)", .source = "assumption, fitted with cash_core (see there) to the 13 % average cofinancing of the plans (FACTS.md); uncertainty x0.8-1.2"});
    v(in_kind_supporter, "in_kind_supporter", {.unit = "euro/year", .min = 0, .max = 1e7, .description = "In-kind contribution of a supporting firm (internships, guest lessons)", .source = "assumption, fitted with cash_core (see there) to the 13 % average cofinancing of the plans (FACTS.md); uncertainty x0.8-1.2"});
  }
};

// firms_per_region firms per region on average, shared by the regions' students in years 3-4
// with a profile (sim/world.hpp bovenbouw_students_per_region).
void initialise_firms(World& world, const FirmParams& params, StreamKey world_streams);
// Phase 3: join, stay or leave; records this year's cofinancing per region.
void update_firms(World& world, const FirmParams& params, const StepContext& ctx);

}  // namespace stosim
