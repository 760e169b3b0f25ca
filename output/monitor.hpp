#pragma once
// Phase 8 of the year: records every indicator of output/indicators.hpp from the world.
#include <array>
#include <utility>
#include <vector>

#include "models/model_parameters.hpp"
#include "output/indicators.hpp"
#include "output/monitor_params.hpp"
#include "sim/world.hpp"

namespace stosim {

// What the monitor needs that does not change during a run, computed once.
struct MonitorSetup {
  MonitorParams params;
  ModelParameters model;  // definitions the indicators share with the mechanisms
  int start_year = 0;
  std::array<bool, n_profiles> technical{};
  std::vector<std::pair<std::int32_t, std::int32_t>> nearby_location_pairs;  // within duplicate distance
};
MonitorSetup make_monitor_setup(const World& world, const MonitorParams& params,
                                const ModelParameters& model, int start_year,
                                const std::array<bool, n_profiles>& technical);

// Enrolment counts every student present this year (the 1 October count: those who graduate or
// leave during the year included); flows come from world.flows.
void record_year(IndicatorFrame& frame, std::size_t year_index, const World& world,
                 const MonitorSetup& setup);

}  // namespace stosim
