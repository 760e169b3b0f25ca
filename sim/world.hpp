#pragma once
// The world's state: one struct of arrays per kind of entity, indexed by stable integer ids.
// Mechanisms in models/ are steps over these arrays. Nothing here knows about mechanisms.
#include <array>
#include <cstdint>
#include <string>
#include <tuple>
#include <utility>
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

// e^(beta x km) per reachable entry for one distance coefficient beta: a choice's distance term.
// The world keeps one per choice (StartingPoint) because the same 95,000 exps would otherwise be
// computed every year; a step whose beta is not the stored one computes its own (decay_for).
struct DistanceDecay {
  double beta = 0.0;
  std::vector<double> weight;  // empty: not computed
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
  // Has started offering technical keuzevakken with STO money (H5); they are offered while the
  // region's exposure money lasts. Empty until the system set-up.
  std::vector<std::uint8_t> keuzevak_adopted;
  std::size_t size() const { return code.size(); }
  bool offers(std::size_t location, Leerweg lw) const {
    return (leerweg_mask[location] >> static_cast<int>(lw)) & 1u;
  }
};

// A programme is a location x profile; dense index location * n_profiles + profile.
struct Programmes {
  std::vector<std::uint8_t> offered;
  std::vector<std::uint8_t> years_below_viability;
  std::vector<float> facility_quality;  // up-to-dateness in [0, 1]; set by models/facilities
  // Year the programme opened in the run; 0 for programmes of the initial state (set by
  // record_starting_point). A new programme has no students in years 3-4 until its first cohort.
  std::vector<std::int16_t> opened_year;
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
  std::vector<std::uint8_t> technical_keuzevak;  // follows a technical keuzevak in years 3-4
  std::size_t size() const { return id.size(); }
  // Every column, for the operations that treat them alike (growing, reserving, compacting):
  // one list, so a new column cannot be forgotten in one of them. `status` comes last, because
  // a compaction reads it while moving the others.
  auto columns();
  auto columns() const;
};

// The one list of Students' columns, for both overloads of columns().
template <class S>  // Students or const Students
auto student_columns(S& s) {
  return std::tie(s.id, s.home_zone, s.location, s.cohort, s.grade, s.leerweg, s.profile, s.is_male,
                  s.propensity, s.technical_keuzevak, s.status);
}
inline auto Students::columns() {
  return student_columns(*this);
}
inline auto Students::columns() const {
  return student_columns(*this);
}

// ---- The STO system beyond the population: set up by models/system_setup.cpp for any initial
// population (synthetic or imported), so population builders need not know about it.

enum class OrganisationForm : std::uint8_t { lead_organisation, shared_participation, external_coordinator };
enum class PlanStatus : std::uint8_t { none, submitted, approved, rejected };

struct RegionState {
  std::vector<float> collaboration;  // collaboration capital c in [0, 1]
  std::vector<OrganisationForm> organisation;
  std::vector<std::uint8_t> prior_network;  // a Toptechniek in Bedrijf region
  std::vector<PlanStatus> plan_status;
  std::vector<float> plan_quality;
  std::vector<std::int16_t> plan_approved_year;
  std::vector<float> innovation;          // innovation capacity in [0, 1] (H7)
  std::vector<float> hub_quality;         // shared facility hub (H2); 0 when there is none
  std::vector<std::int32_t> hub_location;  // location hosting the hub, -1 when none
  std::vector<float> labour_demand;       // technician demand index, 1 in the start year
  std::vector<double> cofinancing_committed;  // firms' contributions last year (euro)
  std::vector<double> cofinancing_required;   // what the rule asks for this year's budget (euro)
  std::vector<float> teacher_staffed_share;   // staffed share of needed technical FTE last year
  std::vector<double> received_total;         // STO money received so far (euro)
};

enum class Qualification : std::uint8_t { qualified, in_training, unqualified };
enum class TeacherOrigin : std::uint8_t { regular, side_entrant, hybrid };
enum class TeacherStatus : std::uint8_t { active, retired, left };

// Teachers of technical programmes.
struct Teachers {
  std::vector<std::uint64_t> id;
  std::vector<std::uint8_t> age;
  std::vector<float> fte;
  std::vector<std::int32_t> location;
  std::vector<std::int8_t> profile;  // technical profile taught
  std::vector<Qualification> qualification;
  std::vector<std::uint8_t> years_in_training;
  std::vector<TeacherOrigin> origin;
  std::vector<float> development_hours;  // professional development this year
  std::vector<TeacherStatus> status;
  std::size_t size() const { return id.size(); }
  // Every column, `status` last (see Students::columns).
  auto columns();
  auto columns() const;
};

// The one list of Teachers' columns, for both overloads of columns().
template <class T>  // Teachers or const Teachers
auto teacher_columns(T& t) {
  return std::tie(t.id, t.age, t.fte, t.location, t.profile, t.qualification, t.years_in_training,
                  t.origin, t.development_hours, t.status);
}
inline auto Teachers::columns() {
  return teacher_columns(*this);
}
inline auto Teachers::columns() const {
  return teacher_columns(*this);
}

inline constexpr int n_firm_sectors = 6;  // installation, construction, mobility, manufacturing, maritime, ICT
enum class Partnership : std::uint8_t { none, supporter, core };

struct Firms {
  std::vector<std::uint64_t> id;
  std::vector<std::int32_t> region;
  std::vector<std::uint8_t> sector;
  std::vector<float> employees;
  std::vector<Partnership> partnership;
  std::vector<std::uint8_t> years_as_partner;
  std::size_t size() const { return id.size(); }
};

// mbo programmes (field x level) per region, with their job chance (baankans).
struct MboProgrammes {
  std::vector<std::int32_t> region;
  std::vector<std::uint8_t> technical;
  std::vector<std::uint8_t> level;  // 1..4
  std::vector<float> job_chance;    // share of graduates finding a job matching the programme
  std::size_t size() const { return region.size(); }
};

// Events of the current year that cannot be derived from the state at its end.
struct YearFlows {
  std::int64_t entered = 0;
  std::int64_t entered_year3 = 0;  // net newcomers in year 3 (from havo/vwo, repeaters)
  std::int64_t graduated = 0;
  std::int64_t dropped_out = 0;
  std::int64_t left = 0;
  std::int64_t closed_programmes = 0;
  std::int64_t opened_programmes = 0;
  std::int64_t moved_by_closure = 0;
  // Per location x leerweg x sector: exam candidates and passes (DUO's exam file layout).
  std::vector<std::int32_t> exam_candidates, exam_passed;
  // Per region x origin (0 technical profile, 1 other profile, 2 TL): graduates and
  // those of them who enter a technical mbo programme.
  std::vector<std::int32_t> mbo_entrants, mbo_technical;
  // Per region x origin: sum of the job chance of the chosen mbo programmes (in millionths, an
  // integer so that the sum does not depend on the order of threads), first-year mbo dropouts,
  // and per region x level (1-4, n_mbo_levels) technical entrants.
  std::vector<std::int64_t> mbo_job_chance_millionths;
  std::vector<std::int32_t> mbo_dropouts, mbo_technical_by_level;
  // Per region (euro): STO money received and spent, firms' cofinancing, facility investment.
  std::vector<double> budget_received, budget_spent, cofinancing_cash, cofinancing_in_kind,
      facility_investment;
  // Per region x pathway envelope (see models/policy.hpp): money set aside this year.
  std::vector<double> envelope;
  // Per programme (euro): the aanloop quality impulse for hard technical programmes.
  std::vector<double> programme_impulse;
  // Teachers this year (national): hired by origin, retired, left, and unfilled FTE per location.
  std::int64_t teachers_hired_regular = 0, teachers_hired_side_entrant = 0, teachers_hired_hybrid = 0,
               teachers_hired_unqualified = 0, teachers_retired = 0, teachers_left = 0;
  std::vector<float> vacancy_fte;  // per programme
  // Programmes closed by a regional agreement (H1) rather than by the viability rule.
  std::int64_t concentrated_programmes = 0;
};
inline constexpr int n_mbo_origins = 3;
inline constexpr int n_mbo_levels =
    4;  // mbo levels 1-4: Entree, basis, vak, middenkader/specialist

// What a region's STO money is set aside for (models/policy.hpp splits it, mechanisms spend it).
enum class Envelope : int {
  coordination,  // regional coordination and knowledge sharing (H7, collaboration capital)
  facilities,    // modern facilities in the region's programmes (H6)
  hub,           // shared facility hub (H2)
  teachers,      // attraction and retention of teachers (H3)
  development,   // professional development and teachers from industry (H8)
  exposure,      // earlier and broader exposure to technology (H5)
  untargeted,    // spent by schools on their own programmes, small ones included
};
inline constexpr int n_envelopes = 7;

// Money set aside in a region's envelope this year: none where the envelopes were never sized
// (a world whose flows were not reset, as in a mechanism's unit test).
inline double envelope_money(const YearFlows& flows, std::size_t region, Envelope e) {
  const std::size_t k = region * n_envelopes + static_cast<std::size_t>(e);
  return k < flows.envelope.size() ? flows.envelope[k] : 0.0;
}

// What this year's switches, agreements and money do in each region: the pathway channels, as
// resolved once a year by models/channels.cpp (its table says which pathway owns which value).
// Every value is neutral (0, or a factor 1) where its pathway is off, so a mechanism reading it
// needs no switch. Per region unless said otherwise.
struct ChannelValues {
  // Money itself.
  std::vector<double> own_programme_money;  // euro spread over the region's own programmes
  std::vector<float> threshold_relief;      // share by which the viability threshold falls
  std::vector<float> opening_factor;        // factor on the yearly probability of an opening
  // H1 profile agreements.
  std::vector<float> concentration_rate;     // 1/year
  std::vector<std::uint8_t> protect_sole_provider;
  // H2 shared hub, H6 modernisation: money that builds the hub or modernises by need.
  std::vector<double> hub_money, modernisation_money;
  // H3 teachers: factors on attrition and on side-entrant supply.
  std::vector<float> attrition_factor, side_entrant_factor;
  // H4 alignment: log-odds of technical mbo per unit of labour demand; extra job-chance weight.
  std::vector<float> aligned_technical_shift, aligned_job_chance_weight;
  // H5 exposure: propensity shift of next year's entrants, the yearly probability that a location
  // starts a funded keuzevak offer, its odds, and the weight of the location's keuzevak uptake in
  // the choice of a technical profile.
  std::vector<float> primary_exposure_shift;
  std::vector<float> keuzevak_adoption;
  std::vector<float> keuzevak_shift, keuzevak_choice_effect;
  // H7 innovation capacity: growth rate per unit of collaboration (0 without sharing) and decay
  // (both 0 when off: capacity stays as in the zero situation).
  std::vector<float> innovation_growth, innovation_decay;
  // H8 development: extra hours per FTE, qualification speed-up, hybrids per core partner.
  std::vector<float> development_hours, training_speedup, hybrids_per_core_partner;
  // H9 quality: effect of the change of programme quality on choice, vmbo dropout, technical mbo
  // and first-year mbo dropout.
  std::vector<float> quality_choice, quality_dropout, quality_mbo, quality_mbo_dropout;
};

// Quantities fixed when the run starts (observed in the initial state, or calibrated to it),
// which mechanisms use as references.
struct StartingPoint {
  std::vector<double> region_cohort;        // year-1 students per region in the initial state
  std::vector<float> region_leerweg_share;  // region x leerweg: shares among those students
  std::vector<float> profile_constant;      // leerweg (BB, KB, GL) x profile: calibrated utility
  std::vector<float> school_constant;       // location x leerweg: calibrated utility (may be empty)
  // Per programme: utility calibrated to the initial intake, then drifting (may be empty).
  std::vector<float> programme_constant;
  std::vector<float> programme_quality;     // quality of each programme in the start year
  std::vector<float> keuzevak_uptake;       // per location: models/keuzevakken.hpp keuzevak_uptake
  // Per leerweg: year-3 students per year-2 and per year-1 student in the initial state (1 Oct
  // count), the net intake into year 3 (moves from havo/vwo, repeaters, changes of leerweg and
  // school type) that the "Brugjaar 1-2" category of the DUO file leaves to be derived
  // (models/demography.hpp). The initial year-2 students reach year 3 at the first ratio; every
  // later cohort, counted first in year 1, at the second.
  std::array<double, n_leerwegen> year3_per_year2{1.0, 1.0, 1.0, 1.0};
  std::array<double, n_leerwegen> year3_per_year1{1.0, 1.0, 1.0, 1.0};
  // The distance terms of school choice and of profile choice (their beta_distance).
  DistanceDecay school_distance_decay, profile_distance_decay;
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
  RegionState region_state;
  Teachers teachers;
  Firms firms;
  MboProgrammes mbo;
  std::uint64_t next_teacher_id = 0;
  YearFlows flows;
  ChannelValues channels;  // this year's, after phase 2 (last year's before it)
};

// One student as the population builders and cohort entry create it.
struct NewStudent {
  std::uint64_t id = 0;
  std::int32_t home_zone = -1;
  std::int32_t location = -1;  // -1: chooses a school (school_choice)
  int cohort = 0;
  int grade = 1;
  Leerweg leerweg = Leerweg::tl;
  std::int8_t profile = no_profile;
  bool male = false;
  float propensity = 0.0f;
};
void add_student(Students& students, const NewStudent& student);
// Grows every column by `count` enrolled students, to be filled with set_student: lets a
// mechanism add many students in parallel without a push_back per column per student.
void grow_students(Students& students, std::size_t count);
void set_student(Students& students, std::size_t i, const NewStudent& student);

// f(column) for every column of an agent kind, in the order of its columns().
template <class Agents, class F>
void for_each_column(Agents& agents, F&& f) {
  std::apply([&](auto&... column) { (f(column), ...); }, agents.columns());
}

// Whether columns() lists every member of an agent kind: each member is a std::vector, and a
// vector of any (non-bool) type has the same size, so a member missing from the list shows in
// the struct's size. Checked below for every kind with columns().
template <class Agents>
constexpr bool columns_list_every_member() {
  constexpr std::size_t listed = std::tuple_size_v<decltype(std::declval<Agents&>().columns())>;
  return sizeof(Agents) == listed * sizeof(std::vector<char>);
}
static_assert(columns_list_every_member<Students>(),
              "a column of Students is missing from columns()");
static_assert(columns_list_every_member<Teachers>(),
              "a column of Teachers is missing from columns()");

// Keeps the entries of a column whose status equals `keep`, in order: the compaction of an
// agent kind's arrays, applied to every column with the status column last.
template <class T, class Status>
void keep_where(std::vector<T>& column, const std::vector<Status>& status, Status keep) {
  std::size_t out = 0;
  for (std::size_t i = 0; i < column.size(); ++i)
    if (status[i] == keep) column[out++] = column[i];
  column.resize(out);
}

// Removes students who are no longer enrolled, keeping the order of the others.
void remove_finished_students(Students& students);
void reset_flows(World& world);
// Enrolled students in years 3-4 per programme (location x profile), all leerwegen together.
// A pass over every student: the year's step takes it once before the policy and again after
// the offer changes, and hands it to the phases in between (models/year_step.cpp).
std::vector<std::int32_t> count_programme_students(const World& world);
// Students in years 3-4 with a profile (BB, KB, GL) per region, summed over its locations'
// programmes (`programme_students` from count_programme_students): the key of a region's STO
// budget and of its number of firms.
std::vector<double> bovenbouw_students_per_region(
    const World& world, const std::vector<std::int32_t>& programme_students);
// Fills world.start from the initial state (before profile constants are calibrated).
void record_starting_point(World& world);
float distance_km(const World& world, std::size_t zone, std::size_t location);
// Straight-line distance between two school locations (km).
float distance_between_locations(const World& world, std::size_t a, std::size_t b);
DistanceDecay distance_decay(const ReachableLocations& reach, double beta);
// The stored decay when it was computed for `beta`, else `beta`'s decay computed into `scratch`.
const std::vector<double>& decay_for(const DistanceDecay& stored, const ReachableLocations& reach, double beta,
                                     std::vector<double>& scratch);

}  // namespace stosim
