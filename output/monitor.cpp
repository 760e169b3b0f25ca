#include "output/monitor.hpp"

#include <cmath>
#include <limits>

namespace stosim {

namespace {

// One year of an additive indicator at its finest level; looked up once, outside hot loops.
class Column {
 public:
  Column(IndicatorFrame& frame, std::string_view name, std::size_t year)
      : id_(indicator_id(name)),
        level_(indicator_specs()[id_].finest),
        values_(frame.values(id_, level_).data() + frame.at(id_, level_, year, 0, 0)),
        cells_(frame.cells(id_)) {}
  double& operator()(std::size_t unit = 0, std::size_t cell = 0) {
    return values_[unit * cells_ + cell];
  }

 private:
  std::size_t id_;
  Level level_;
  double* values_;
  std::size_t cells_;
};

void record_enrolment(IndicatorFrame& frame, std::size_t year, const World& world, const MonitorSetup& setup,
                      std::vector<std::int32_t>& programme_students) {
  Column students(frame, "students", year);
  Column students_all_years(frame, "students_all_years", year);
  Column year3_students(frame, "year3_students", year);
  Column year3_technical(frame, "year3_technical", year);
  Column bovenbouw_bkg_students(frame, "bovenbouw_bkg_students", year);
  Column bovenbouw_bkg_technical(frame, "bovenbouw_bkg_technical", year);
  const Students& s = world.students;
  programme_students.assign(world.programmes.size(), 0);
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.location[i] < 0) continue;  // an entrant with no school in the leerweg anywhere
    const auto l = static_cast<std::size_t>(s.location[i]);
    const auto lw = static_cast<std::size_t>(s.leerweg[i]);
    students_all_years(l, lw) += 1;
    if (s.grade[i] < 3) continue;
    const bool profiled = s.profile[i] != no_profile;
    const bool technical = profiled && setup.technical[s.profile[i]];
    if (s.grade[i] == 3) {
      year3_students(l, lw) += 1;
      if (technical) year3_technical(l, lw) += 1;
    }
    if (!profiled) continue;
    students(l, static_cast<std::size_t>(s.profile[i]) * n_leerwegen + lw) += 1;
    bovenbouw_bkg_students(l) += 1;
    if (technical) bovenbouw_bkg_technical(l) += 1;
    ++programme_students[programme_index(l, s.profile[i])];
  }
}

void record_offer(IndicatorFrame& frame, std::size_t year, const World& world, const MonitorSetup& setup,
                  const std::vector<std::int32_t>& programme_students) {
  Column programmes_offered(frame, "programmes_offered", year);
  Column small_duplicate_pairs(frame, "small_duplicate_pairs", year);
  for (std::size_t l = 0; l < world.locations.size(); ++l)
    for (int p = 0; p < n_profiles; ++p)
      programmes_offered(l, static_cast<std::size_t>(p)) =
          world.programmes.offered[programme_index(l, p)];
  const int small = setup.params.small_programme_students;
  for (const auto& [a, b] : setup.nearby_location_pairs)
    for (int p = 0; p < n_profiles; ++p) {
      const std::size_t pa = programme_index(static_cast<std::size_t>(a), p);
      const std::size_t pb = programme_index(static_cast<std::size_t>(b), p);
      if (world.programmes.offered[pa] && world.programmes.offered[pb] &&
          programme_students[pa] < small && programme_students[pb] < small)
        small_duplicate_pairs(static_cast<std::size_t>(world.locations.region[a]),
            static_cast<std::size_t>(p)) += 1;
    }
}

// Distance from a zone to the nearest location offering the profile: first along the zone's
// sorted reachable list, else over the locations offering it (NaN when none does).
double nearest_offer_km(const World& world, std::size_t zone, int profile,
                        const std::vector<std::int32_t>& offering) {
  const ReachableLocations& reach = world.zones.reachable;
  for (std::uint32_t k = reach.offset[zone]; k < reach.offset[zone + 1]; ++k)
    if (world.programmes.offered[programme_index(static_cast<std::size_t>(reach.location[k]), profile)])
      return reach.distance_km[k];
  double best = std::numeric_limits<double>::infinity();
  for (std::int32_t l : offering)
    best = std::min(best, static_cast<double>(distance_km(world, zone, static_cast<std::size_t>(l))));
  return std::isinf(best) ? std::numeric_limits<double>::quiet_NaN() : best;
}

void record_access(IndicatorFrame& frame, std::size_t year, const World& world, const MonitorSetup& setup) {
  Column access_students(frame, "access_students", year);
  Column access_distance_total(frame, "access_distance_total", year);
  Column access_beyond(frame, "access_beyond", year);
  std::vector<std::int32_t> per_zone(world.zones.size(), 0);
  for (std::int32_t zone : world.students.home_zone) ++per_zone[static_cast<std::size_t>(zone)];
  std::array<std::vector<std::int32_t>, n_profiles> offering;
  for (std::size_t l = 0; l < world.locations.size(); ++l)
    for (int p = 0; p < n_profiles; ++p)
      if (world.programmes.offered[programme_index(l, p)]) offering[p].push_back(static_cast<std::int32_t>(l));
  for (std::size_t z = 0; z < world.zones.size(); ++z) {
    if (per_zone[z] == 0) continue;
    const auto region = static_cast<std::size_t>(world.zones.region[z]);
    access_students(region) += per_zone[z];
    for (int p = 0; p < n_profiles; ++p) {
      const double d = nearest_offer_km(world, z, p, offering[p]);
      access_distance_total(region, static_cast<std::size_t>(p)) += per_zone[z] * d;
      if (!(d <= setup.params.far_km)) access_beyond(region, static_cast<std::size_t>(p)) += per_zone[z];
    }
  }
}

void record_flows(IndicatorFrame& frame, std::size_t year, const World& world) {
  Column exam_candidates(frame, "exam_candidates", year);
  Column exam_passed(frame, "exam_passed", year);
  Column mbo_entrants(frame, "mbo_entrants", year);
  Column mbo_technical(frame, "mbo_technical", year);
  Column entered(frame, "entered", year);
  Column graduated(frame, "graduated", year);
  Column dropped_out(frame, "dropped_out", year);
  Column left(frame, "left", year);
  Column programmes_closed(frame, "programmes_closed", year);
  Column enrolled(frame, "enrolled", year);
  const YearFlows& f = world.flows;
  const std::size_t exam_cells = n_leerwegen * n_sectors;
  for (std::size_t l = 0; l < world.locations.size(); ++l)
    for (std::size_t c = 0; c < exam_cells; ++c) {
      exam_candidates(l, c) = f.exam_candidates[l * exam_cells + c];
      exam_passed(l, c) = f.exam_passed[l * exam_cells + c];
    }
  for (std::size_t r = 0; r < world.regions.size(); ++r)
    for (std::size_t o = 0; o < n_mbo_origins; ++o) {
      mbo_entrants(r, o) = f.mbo_entrants[r * n_mbo_origins + o];
      mbo_technical(r, o) = f.mbo_technical[r * n_mbo_origins + o];
    }
  entered() = static_cast<double>(f.entered);
  graduated() = static_cast<double>(f.graduated);
  dropped_out() = static_cast<double>(f.dropped_out);
  left() = static_cast<double>(f.left);
  programmes_closed() = static_cast<double>(f.closed_programmes);
  std::int64_t still_enrolled = 0;
  for (StudentStatus status : world.students.status)
    still_enrolled += status == StudentStatus::enrolled;
  enrolled() = static_cast<double>(still_enrolled);
}

}  // namespace

MonitorSetup make_monitor_setup(const World& world, const MonitorParams& params,
                                const std::array<bool, n_profiles>& technical) {
  MonitorSetup setup{params, technical, {}};
  const Locations& loc = world.locations;
  const double limit = params.duplicate_distance_km * params.duplicate_distance_km;
  for (std::size_t a = 0; a < loc.size(); ++a)
    for (std::size_t b = a + 1; b < loc.size(); ++b) {
      const double dx = loc.x_km[a] - loc.x_km[b], dy = loc.y_km[a] - loc.y_km[b];
      if (dx * dx + dy * dy < limit)
        setup.nearby_location_pairs.emplace_back(static_cast<std::int32_t>(a), static_cast<std::int32_t>(b));
    }
  return setup;
}

void record_year(IndicatorFrame& frame, std::size_t year_index, const World& world,
                 const MonitorSetup& setup) {
  std::vector<std::int32_t> programme_students;
  record_enrolment(frame, year_index, world, setup, programme_students);
  record_offer(frame, year_index, world, setup, programme_students);
  record_access(frame, year_index, world, setup);
  record_flows(frame, year_index, world);
  derive_indicators(frame, year_index, world.locations.region, setup.params.techniekarm_share);
}

}  // namespace stosim
