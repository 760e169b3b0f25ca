#pragma once
#include "sim/parameters.hpp"

namespace stosim {

// Definitions used by indicators (not behaviour): thresholds of the monitor of MODEL.md section 6.
struct MonitorParams {
  int small_programme_students = 40;
  double duplicate_distance_km = 10.0;
  double far_km = 15.0;
  double techniekarm_share = 0.10;

  template <class V>
  void visit(V& v) {
    v(small_programme_students, "small_programme_students",
      {.unit = "students", .min = 0, .max = 10000,
       .description = "A programme with fewer students in years 3-4 counts as small (for "
                      "small_duplicate_pairs)",
       .source = "assumption"});
    v(duplicate_distance_km, "duplicate_distance_km",
      {.unit = "km", .min = 0, .max = 500,
       .description = "Two small programmes of the same profile closer than this are a "
                      "neighbouring duplicate",
       .source = "assumption"});
    v(far_km, "far_km",
      {.unit = "km", .min = 0, .max = 500,
       .description = "Students living farther than this from the nearest location offering a "
                      "profile count as beyond reach (access_beyond_share)",
       .source = "assumption"});
    v(techniekarm_share, "techniekarm_share",
      {.min = 0, .max = 1,
       .description = "A region is techniekarm when less than this share of its beroepsgerichte "
                      "bovenbouw students (BB, KB, GL, years 3-4) follows a technical profile",
       .source = "seed report, footnote 5"});
  }
};

}  // namespace stosim
