#pragma once
// The world's state: one struct of arrays per kind of entity, indexed by stable integer ids.
// Mechanisms in models/ are steps over these arrays. Nothing here knows about mechanisms.
#include <cstdint>
#include <string>
#include <vector>

#include "sim/catalog.hpp"

namespace stosim {

struct Regions {
  std::vector<std::string> code;
  std::vector<std::string> name;
  std::size_t size() const { return code.size(); }
};

// Neighbour list in compressed rows: for zone z, the locations within reach, nearest first.
struct ReachableLocations {
  std::vector<std::uint32_t> offset;  // size zones + 1
  std::vector<std::int32_t> location;
  std::vector<float> distance_km;
};

// Home areas (postcode-like) where students live.
struct Zones {
  std::vector<float> x_km, y_km;
  std::vector<std::int32_t> region;
  std::vector<float> youth_weight;  // relative number of 12-year-olds living here
  ReachableLocations reachable;
  std::size_t size() const { return x_km.size(); }
};

// vmbo school locations (vestigingen) with years 3-4.
struct Locations {
  std::vector<std::string> code;
  std::vector<std::string> name;
  std::vector<std::int32_t> region;
  std::vector<float> x_km, y_km;
  std::vector<float> image;                // reputation term in the choice of school
  std::vector<std::uint8_t> leerweg_mask;  // bit l set when leerweg l is offered
  std::size_t size() const { return code.size(); }
  bool offers(std::size_t location, Leerweg lw) const {
    return (leerweg_mask[location] >> static_cast<int>(lw)) & 1u;
  }
};

// A programme is a location x profile; dense index location * n_profiles + profile.
struct Programmes {
  std::vector<std::uint8_t> offered;
  std::vector<std::uint8_t> years_below_viability;
  std::size_t size() const { return offered.size(); }
};
inline std::size_t programme_index(std::size_t location, int profile) {
  return location * n_profiles + static_cast<std::size_t>(profile);
}

enum class StudentStatus : std::uint8_t { enrolled, graduated, dropped_out, left };

struct Students {
  std::vector<std::uint64_t> id;  // stable across the run: keys the student's random streams
  std::vector<std::int32_t> home_zone;
  std::vector<std::int32_t> location;
  std::vector<std::int16_t> cohort;  // calendar year of entry into year 1
  std::vector<std::uint8_t> grade;   // 1..4
  std::vector<Leerweg> leerweg;
  std::vector<std::int8_t> profile;  // no_profile before year 3 and in TL
  std::vector<std::uint8_t> is_male;
  std::vector<float> propensity;  // latent technical propensity, standard-normal scale
  std::vector<StudentStatus> status;
  std::size_t size() const { return id.size(); }
};

// Events of the current year that cannot be derived from the state at its end.
struct YearFlows {
  std::int64_t entered = 0;
  std::int64_t graduated = 0;
  std::int64_t dropped_out = 0;
  std::int64_t left = 0;
  std::int64_t closed_programmes = 0;
  std::int64_t moved_by_closure = 0;
  // Per location x leerweg x sector: exam candidates and passes (DUO's exam file layout).
  std::vector<std::int32_t> exam_candidates, exam_passed;
  // Per region x origin (0 technical profile, 1 other profile, 2 TL): graduates and
  // those of them who enter a technical mbo programme.
  std::vector<std::int32_t> mbo_entrants, mbo_technical;
};
inline constexpr int n_mbo_origins = 3;

// Quantities fixed when the run starts (observed in the initial state, or calibrated to it),
// which mechanisms use as references.
struct StartingPoint {
  std::vector<double> region_cohort;        // year-1 students per region in the initial state
  std::vector<float> region_leerweg_share;  // region x leerweg: shares among those students
  std::vector<float> profile_constant;      // leerweg (BB, KB, GL) x profile: calibrated utility
};

struct World {
  int year = 0;  // school year t means t-1/t
  std::uint64_t next_student_id = 0;
  Regions regions;
  Zones zones;
  Locations locations;
  Programmes programmes;
  Students students;
  StartingPoint start;
  YearFlows flows;
};

// Removes students who are no longer enrolled, keeping the order of the others.
void remove_finished_students(Students& students);
void reset_flows(World& world);
// Students in years 3-4 per programme (location x profile), all leerwegen together.
void count_programme_students(const World& world, std::vector<std::int32_t>& counts);
// Fills world.start from the initial state (before profile constants are calibrated).
void record_starting_point(World& world);
float distance_km(const World& world, std::size_t zone, std::size_t location);

}  // namespace stosim
