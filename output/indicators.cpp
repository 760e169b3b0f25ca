#include "output/indicators.hpp"

#include <array>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "sim/catalog.hpp"

namespace stosim {

std::string_view level_name(Level level) {
  switch (level) {
    case Level::location: return "location";
    case Level::region: return "region";
    case Level::national: return "national";
  }
  return "?";
}

std::string_view kind_name(Kind kind) {
  switch (kind) {
    case Kind::additive: return "additive";
    case Kind::ratio: return "ratio";
    case Kind::below: return "below";
    case Kind::composite: return "composite";
  }
  return "?";
}

std::size_t BreakdownShape::cells() const {
  std::size_t n = 1;
  for (const auto& c : categories) n *= c.size();
  return n;
}

namespace {
std::vector<std::string_view> profiles() { return {profile_codes.begin(), profile_codes.end()}; }
std::vector<std::string_view> leerwegen() { return {leerweg_codes.begin(), leerweg_codes.end()}; }
std::vector<std::string_view> sectors() { return {sector_codes.begin(), sector_codes.end()}; }
}  // namespace

BreakdownShape breakdown_shape(Breakdown breakdown) {
  switch (breakdown) {
    case Breakdown::none: return {};
    case Breakdown::profile: return {{"profile"}, {profiles()}};
    case Breakdown::leerweg: return {{"leerweg"}, {leerwegen()}};
    case Breakdown::profile_leerweg: return {{"profile", "leerweg"}, {profiles(), leerwegen()}};
    case Breakdown::leerweg_sector: return {{"leerweg", "sector"}, {leerwegen(), sectors()}};
    case Breakdown::mbo_origin:
      return {{"origin"}, {{"technical_profile", "other_profile", "tl"}}};
    case Breakdown::mbo_level: return {{"mbo_level"}, {{"1", "2", "3", "4"}}};
    case Breakdown::age_band: return {{"age_band"}, {{"under_35", "35_44", "45_54", "55_59", "60_plus"}}};
    case Breakdown::partnership: return {{"partnership"}, {{"supporter", "core"}}};
    case Breakdown::envelope:
      return {{"envelope"},
              {{"coordination", "facilities", "hub", "teachers", "development", "exposure", "untargeted"}}};
    case Breakdown::hire_origin:
      return {{"hire_origin"}, {{"graduate", "side_entrant", "hybrid", "unqualified"}}};
  }
  return {};
}

namespace {

using K = Kind;
using L = Level;
using B = Breakdown;

// clang-format off
constexpr std::array specs = {
  // Enrolment (1 October state after the year's entry and choices).
  IndicatorSpec{"students", K::additive, L::location, B::profile_leerweg, "students",
    "Students in years 3-4 per programme (profile) and leerweg, BB/KB/GL"},
  IndicatorSpec{"students_all_years", K::additive, L::location, B::leerweg, "students",
    "Students in years 1-4 per leerweg"},
  IndicatorSpec{"year3_students", K::additive, L::location, B::leerweg, "students",
    "Students in year 3 per leerweg"},
  IndicatorSpec{"year3_technical", K::additive, L::location, B::leerweg, "students",
    "Students in year 3 in a technical profile, per leerweg"},
  IndicatorSpec{"technical_share_year3", K::ratio, L::location, B::leerweg, "share",
    "Share of year-3 students in a technical profile, per leerweg; NaN for TL, which has no profiles",
    "year3_technical", "year3_students", "TL"},
  IndicatorSpec{"bovenbouw_bkg_students", K::additive, L::location, B::none, "students",
    "Beroepsgerichte bovenbouw: students in years 3-4 in BB, KB or GL"},
  IndicatorSpec{"bovenbouw_bkg_technical", K::additive, L::location, B::none, "students",
    "Beroepsgerichte bovenbouw students in a technical profile"},
  IndicatorSpec{"technical_share_bovenbouw", K::ratio, L::location, B::none, "share",
    "Share of beroepsgerichte bovenbouw students in a technical profile",
    "bovenbouw_bkg_technical", "bovenbouw_bkg_students"},
  IndicatorSpec{"techniekarm", K::below, L::region, B::none, "regions",
    "1 for a techniekarm region (technical_share_bovenbouw below monitor.techniekarm_share); "
    "nationally the number of such regions", "technical_share_bovenbouw"},
  // Offer.
  IndicatorSpec{"programmes_offered", K::additive, L::location, B::profile, "locations",
    "1 when the location offers the profile to next year's intake (after this year's closures "
    "and openings); at region and national level the number of locations offering it"},
  IndicatorSpec{"programmes_taught", K::additive, L::location, B::profile, "locations",
    "1 when the location has students of the profile in years 3-4 this year (a programme being "
    "phased out included), as DUO counts 'locations offering a profile' on 1 October; at region "
    "and national level the number of such locations"},
  IndicatorSpec{"small_duplicate_pairs", K::additive, L::region, B::profile, "pairs",
    "Pairs of locations closer than monitor.duplicate_distance_km that both offer the profile "
    "with fewer than monitor.small_programme_students students in years 3-4 (counted in the "
    "region of the first location)"},
  // Accessibility, over students in years 1-4 by home region.
  IndicatorSpec{"access_students", K::additive, L::region, B::none, "students",
    "Students in years 1-4 by home region (denominator of the access indicators)"},
  IndicatorSpec{"access_distance_total", K::additive, L::region, B::profile, "km",
    "Sum over students of the distance from home to the nearest location offering the profile"},
  IndicatorSpec{"access_beyond", K::additive, L::region, B::profile, "students",
    "Students living farther than monitor.far_km from the nearest location offering the profile"},
  IndicatorSpec{"access_distance_mean", K::ratio, L::region, B::profile, "km",
    "Mean distance from home to the nearest location offering the profile",
    "access_distance_total", "access_students"},
  IndicatorSpec{"access_beyond_share", K::ratio, L::region, B::profile, "share",
    "Share of students living farther than monitor.far_km from the nearest location offering "
    "the profile", "access_beyond", "access_students"},
  // Exams (DUO's exam-file layout) and transition to mbo.
  IndicatorSpec{"exam_candidates", K::additive, L::location, B::leerweg_sector, "students",
    "Exam candidates per leerweg and DUO sector"},
  IndicatorSpec{"exam_passed", K::additive, L::location, B::leerweg_sector, "students",
    "Candidates who passed, per leerweg and DUO sector"},
  IndicatorSpec{"mbo_entrants", K::additive, L::region, B::mbo_origin, "students",
    "Graduates entering mbo, by home region and origin (technical profile, other profile, TL)"},
  IndicatorSpec{"mbo_technical", K::additive, L::region, B::mbo_origin, "students",
    "Graduates entering a technical mbo programme"},
  IndicatorSpec{"mbo_technical_share", K::ratio, L::region, B::mbo_origin, "share",
    "Share of mbo entrants who enter a technical programme", "mbo_technical", "mbo_entrants"},
  // Flows of the year (national).
  IndicatorSpec{"entered", K::additive, L::national, B::none, "students",
    "Students entering vmbo year 1"},
  IndicatorSpec{"entered_year3", K::additive, L::national, B::none, "students",
    "Newcomers in year 3 (from havo/vwo, repeaters: the derived year-3 intake)"},
  IndicatorSpec{"graduated", K::additive, L::national, B::none, "students", "Students who graduated"},
  IndicatorSpec{"dropped_out", K::additive, L::national, B::none, "students",
    "Students who dropped out without a diploma"},
  IndicatorSpec{"left", K::additive, L::national, B::none, "students",
    "Students who left vmbo for another school type (also at the start of year 3), or after failing the exam"},
  IndicatorSpec{"enrolled", K::additive, L::national, B::none, "students",
    "Students enrolled at the end of the year"},
  IndicatorSpec{"programmes_closed", K::additive, L::national, B::none, "programmes",
    "Programmes closed this year (viability rule and regional agreements together)"},
  IndicatorSpec{"programmes_opened", K::additive, L::national, B::none, "programmes",
    "Technical programmes opened this year at locations that had none"},
  IndicatorSpec{"programmes_concentrated", K::additive, L::national, B::none, "programmes",
    "Programmes closed this year by a regional agreement (H1) at a larger neighbour"},
  IndicatorSpec{"expected_students_5y", K::additive, L::region, B::none, "students",
    "Projected students in years 3-4 five years ahead: this year's entrants carried forward at the "
    "region's observed growth of entrants since the start"},
  // Teachers (technical programmes), at the end of the year.
  IndicatorSpec{"teachers_headcount", K::additive, L::location, B::profile, "teachers",
    "Technical teachers (headcount) per programme"},
  IndicatorSpec{"teachers_fte", K::additive, L::location, B::profile, "FTE", "Technical teaching FTE per programme"},
  IndicatorSpec{"teachers_qualified_fte", K::additive, L::location, B::profile, "FTE",
    "Fully qualified technical teaching FTE per programme"},
  IndicatorSpec{"teachers_qualified_share", K::ratio, L::location, B::profile, "share",
    "Qualified share of technical teaching FTE", "teachers_qualified_fte", "teachers_fte"},
  IndicatorSpec{"teachers_fte_total", K::additive, L::location, B::none, "FTE", "Technical teaching FTE"},
  IndicatorSpec{"teachers_qualified_fte_total", K::additive, L::location, B::none, "FTE",
    "Fully qualified technical teaching FTE"},
  IndicatorSpec{"teachers_qualified_share_total", K::ratio, L::location, B::none, "share",
    "Qualified share of all technical teaching FTE", "teachers_qualified_fte_total", "teachers_fte_total"},
  IndicatorSpec{"teachers_needed_fte", K::additive, L::location, B::none, "FTE",
    "Technical teaching FTE the open technical programmes need"},
  IndicatorSpec{"teachers_staffed_fte", K::additive, L::location, B::none, "FTE",
    "Needed FTE that is filled (per programme, at most its need)"},
  IndicatorSpec{"staffed_share", K::ratio, L::location, B::none, "share",
    "Share of needed technical teaching FTE that is filled", "teachers_staffed_fte", "teachers_needed_fte"},
  IndicatorSpec{"vacancy_fte", K::additive, L::location, B::profile, "FTE",
    "Technical teaching FTE left vacant after hiring this year"},
  IndicatorSpec{"teachers_by_age", K::additive, L::region, B::age_band, "teachers",
    "Technical teachers (headcount) by age band"},
  IndicatorSpec{"teachers_from_industry", K::additive, L::region, B::none, "teachers",
    "Technical teachers who came from industry (side-entrants and hybrid teachers)"},
  IndicatorSpec{"development_hours", K::additive, L::region, B::none, "hours",
    "Professional development of technical teachers this year"},
  IndicatorSpec{"development_hours_per_fte", K::ratio, L::region, B::none, "h/FTE",
    "Professional development per technical FTE", "development_hours", "teachers_fte_total"},
  IndicatorSpec{"expected_teachers_5y", K::additive, L::region, B::none, "FTE",
    "Technical teaching FTE still in post in five years without hiring (retirement, base attrition)"},
  IndicatorSpec{"teachers_hired", K::additive, L::national, B::hire_origin, "teachers",
    "Technical teachers hired this year, by origin"},
  IndicatorSpec{"teachers_retired", K::additive, L::national, B::none, "teachers", "Teachers who retired this year"},
  IndicatorSpec{"teachers_left", K::additive, L::national, B::none, "teachers",
    "Teachers who left the profession this year"},
  // Facilities.
  IndicatorSpec{"facility_quality_total", K::additive, L::location, B::profile, "quality",
    "Facility quality of the open programme (sum over locations at coarser levels)"},
  IndicatorSpec{"facility_quality_mean", K::ratio, L::location, B::profile, "quality",
    "Mean facility up-to-dateness (0-1) of the open programmes", "facility_quality_total", "programmes_offered"},
  IndicatorSpec{"technical_programmes", K::additive, L::location, B::none, "programmes",
    "Open technical programmes"},
  IndicatorSpec{"viable_technical_programmes", K::additive, L::location, B::none, "programmes",
    "Open technical programmes at or above the viability threshold"},
  IndicatorSpec{"viable_technical_share", K::ratio, L::location, B::none, "share",
    "Share of open technical programmes of viable size", "viable_technical_programmes", "technical_programmes"},
  IndicatorSpec{"technical_facility_quality_total", K::additive, L::location, B::none, "quality",
    "Effective facility quality (own or hub) summed over open technical programmes"},
  IndicatorSpec{"technical_facility_quality", K::ratio, L::location, B::none, "quality",
    "Mean effective facility quality of open technical programmes (hub included, H2)",
    "technical_facility_quality_total", "technical_programmes"},
  IndicatorSpec{"facility_investment", K::additive, L::region, B::none, "euro",
    "Investment in facilities this year (schools' own money, aanloop impulse, STO envelopes)"},
  IndicatorSpec{"hub_students", K::additive, L::region, B::none, "students",
    "Students in technical programmes within reach of the region's shared hub (H2 utilisation)"},
  // Regions, firms and money.
  IndicatorSpec{"regions", K::additive, L::region, B::none, "regions", "1 per region (denominator of regional means)"},
  IndicatorSpec{"collaboration_total", K::additive, L::region, B::none, "index", "Collaboration capital"},
  IndicatorSpec{"collaboration", K::ratio, L::region, B::none, "index",
    "Collaboration capital c in [0, 1] (nationally: mean over regions)", "collaboration_total", "regions"},
  IndicatorSpec{"innovation_total", K::additive, L::region, B::none, "index", "Innovation capacity"},
  IndicatorSpec{"innovation", K::ratio, L::region, B::none, "index",
    "Innovation capacity in [0, 1] (H7; nationally: mean over regions)", "innovation_total", "regions"},
  IndicatorSpec{"agreements", K::additive, L::region, B::none, "regions",
    "1 when the region's collaboration reaches the agreement threshold (nationally: number of regions)"},
  IndicatorSpec{"plan_approved", K::additive, L::region, B::none, "regions",
    "1 when the region's STO plan is approved (nationally: number of regions)"},
  IndicatorSpec{"firm_partners", K::additive, L::region, B::partnership, "firms",
    "Partner firms by partnership type"},
  IndicatorSpec{"cofinancing_cash", K::additive, L::region, B::none, "euro", "Firms' cash cofinancing this year"},
  IndicatorSpec{"cofinancing_in_kind", K::additive, L::region, B::none, "euro",
    "Firms' in-kind cofinancing this year (equipment, space, instructors, internships)"},
  IndicatorSpec{"budget_received", K::additive, L::region, B::none, "euro", "STO money received this year"},
  IndicatorSpec{"budget_spent", K::additive, L::region, B::none, "euro", "STO money spent this year"},
  IndicatorSpec{"budget_by_envelope", K::additive, L::region, B::envelope, "euro",
    "STO money set aside this year, by use (the aanloop impulse is not in an envelope)"},
  // Students' experience and transitions.
  IndicatorSpec{"satisfaction_total", K::additive, L::location, B::none, "index",
    "Sum over students in years 3-4 with a profile of their programme's quality"},
  IndicatorSpec{"satisfaction_students", K::additive, L::location, B::none, "students",
    "Students in years 3-4 with a profile"},
  IndicatorSpec{"satisfaction", K::ratio, L::location, B::none, "index",
    "Student satisfaction and preparation: mean quality (0-1) of the programme followed",
    "satisfaction_total", "satisfaction_students"},
  IndicatorSpec{"keuzevak_students", K::additive, L::region, B::mbo_origin, "students",
    "Students in years 3-4 by origin (technical profile, other profile, TL)"},
  IndicatorSpec{"technical_keuzevak", K::additive, L::region, B::mbo_origin, "students",
    "Students in years 3-4 following a technical keuzevak, by origin"},
  IndicatorSpec{"technical_keuzevak_share", K::ratio, L::region, B::mbo_origin, "share",
    "Share of students in years 3-4 following a technical keuzevak", "technical_keuzevak", "keuzevak_students"},
  IndicatorSpec{"keuzevak_students_offered", K::additive, L::region, B::mbo_origin, "students",
    "Students in years 3-4 at a location that offers technical keuzevakken, by origin"},
  IndicatorSpec{"technical_keuzevak_offered", K::additive, L::region, B::mbo_origin, "students",
    "Students in years 3-4 following a technical keuzevak at a location that offers them, by origin"},
  IndicatorSpec{"technical_keuzevak_uptake", K::ratio, L::region, B::mbo_origin, "share",
    "Share following a technical keuzevak among students in years 3-4 at a location that offers them: "
    "technical_keuzevak_share without its composition (where students are, not what they choose)",
    "technical_keuzevak_offered", "keuzevak_students_offered"},
  IndicatorSpec{"keuzevak_offered", K::additive, L::location, B::none, "locations",
    "1 when the location offers technical keuzevakken (nationally: number of locations)"},
  IndicatorSpec{"mbo_job_chance_total", K::additive, L::region, B::mbo_origin, "share",
    "Sum of the job chance of the mbo programmes chosen"},
  IndicatorSpec{"mbo_job_chance", K::ratio, L::region, B::mbo_origin, "share",
    "Labour-market fit: mean job chance of the mbo programmes chosen", "mbo_job_chance_total", "mbo_entrants"},
  IndicatorSpec{"mbo_job_chance_all_total", K::additive, L::region, B::none, "share",
    "Sum of the job chance of the mbo programmes chosen, all origins"},
  IndicatorSpec{"mbo_entrants_all", K::additive, L::region, B::none, "students", "Graduates entering mbo, all origins"},
  IndicatorSpec{"mbo_job_chance_all", K::ratio, L::region, B::none, "share",
    "Mean job chance of the mbo programmes chosen, all origins", "mbo_job_chance_all_total", "mbo_entrants_all"},
  IndicatorSpec{"mbo_dropouts", K::additive, L::region, B::mbo_origin, "students",
    "mbo entrants who drop out in their first year"},
  IndicatorSpec{"mbo_dropout_share", K::ratio, L::region, B::mbo_origin, "share",
    "First-year mbo dropout", "mbo_dropouts", "mbo_entrants"},
  IndicatorSpec{"mbo_technical_by_level", K::additive, L::region, B::mbo_level, "students",
    "Graduates entering a technical mbo programme, by mbo level"},
  IndicatorSpec{"access_within_technical", K::additive, L::region, B::none, "student-profiles",
    "Students times technical profiles offered within monitor.far_km of home"},
  IndicatorSpec{"access_technical_cases", K::additive, L::region, B::none, "student-profiles",
    "Students times technical profiles (denominator)"},
  IndicatorSpec{"access_technical_share", K::ratio, L::region, B::none, "share",
    "Share of (student, technical profile) pairs within monitor.far_km", "access_within_technical",
    "access_technical_cases"},
  // The STO triangle: one composite score per corner, each the mean of its parts in [0, 1].
  IndicatorSpec{"sto_duurzaam", K::composite, L::region, B::none, "score",
    "Sustainable: mean of viable_technical_share and staffed_share",
    "viable_technical_share,staffed_share"},
  IndicatorSpec{"sto_dekkend", K::composite, L::region, B::none, "score",
    "Covering: mean of access_technical_share and mbo_job_chance_all",
    "access_technical_share,mbo_job_chance_all"},
  IndicatorSpec{"sto_kwalitatief", K::composite, L::region, B::none, "score",
    "High quality: mean of technical_facility_quality, teachers_qualified_share_total and innovation",
    "technical_facility_quality,teachers_qualified_share_total,innovation"},
};
// clang-format on

}  // namespace

std::span<const IndicatorSpec> indicator_specs() { return specs; }

std::size_t indicator_id(std::string_view name) {
  for (std::size_t i = 0; i < specs.size(); ++i)
    if (specs[i].name == name) return i;
  throw std::logic_error("unknown indicator " + std::string(name));
}


IndicatorFrame::IndicatorFrame(int years, std::size_t regions, std::size_t locations)
    : years_(static_cast<std::size_t>(years)), units_{locations, regions, 1} {
  data_.resize(specs.size() * n_levels);
  for (std::size_t i = 0; i < specs.size(); ++i) {
    const std::size_t cells = breakdown_shape(specs[i].breakdown).cells();
    cells_.push_back(cells);
    for (int lv = 0; lv < n_levels; ++lv)
      if (reported(i, static_cast<Level>(lv)))
        data_[i * n_levels + lv].assign(years_ * units_[lv] * cells, 0.0);
  }
}

std::size_t IndicatorFrame::units(Level level) const { return units_[static_cast<int>(level)]; }

bool IndicatorFrame::reported(std::size_t indicator, Level level) const {
  return static_cast<int>(level) >= static_cast<int>(specs[indicator].finest);
}

std::vector<double>& IndicatorFrame::values(std::size_t indicator, Level level) {
  return data_[indicator * n_levels + static_cast<std::size_t>(level)];
}
const std::vector<double>& IndicatorFrame::values(std::size_t indicator, Level level) const {
  return data_[indicator * n_levels + static_cast<std::size_t>(level)];
}

std::size_t IndicatorFrame::cells(std::size_t indicator) const { return cells_[indicator]; }

std::size_t IndicatorFrame::at(std::size_t indicator, Level level, std::size_t year,
                               std::size_t unit, std::size_t cell) const {
  return (year * units(level) + unit) * cells_[indicator] + cell;
}

namespace {

// Index of the coarser unit that a unit of `from` belongs to.
std::size_t parent_unit(Level from, std::size_t unit, std::span<const std::int32_t> region_of) {
  return from == Level::location ? static_cast<std::size_t>(region_of[unit]) : 0;
}

void aggregate_up(IndicatorFrame& f, std::size_t i, std::size_t year, Level from,
                  std::span<const std::int32_t> region_of) {
  const auto to = static_cast<Level>(static_cast<int>(from) + 1);
  const std::size_t cells = f.cells(i);
  const std::vector<double>& src = f.values(i, from);
  std::vector<double>& dst = f.values(i, to);
  const std::size_t src_block = f.units(from) * cells, dst_block = f.units(to) * cells;
  std::fill(dst.begin() + static_cast<std::ptrdiff_t>(year * dst_block),
            dst.begin() + static_cast<std::ptrdiff_t>((year + 1) * dst_block), 0.0);
  for (std::size_t u = 0; u < f.units(from); ++u) {
    const std::size_t parent = parent_unit(from, u, region_of);
    for (std::size_t c = 0; c < cells; ++c)
      dst[year * dst_block + parent * cells + c] += src[year * src_block + u * cells + c];
  }
}

// Cells of a ratio that are undefined by construction (TL students have no profile, so a
// technical share of TL would be a structural zero, not a measurement).
std::vector<bool> undefined_cells(const IndicatorSpec& spec, std::size_t cells) {
  std::vector<bool> undefined(cells, false);
  if (spec.undefined_for.empty()) return undefined;
  const BreakdownShape shape = breakdown_shape(spec.breakdown);
  for (std::size_t c = 0; c < undefined.size(); ++c) {
    std::size_t rest = c;
    for (std::size_t d = shape.categories.size(); d-- > 0;) {
      undefined[c] = undefined[c] || shape.categories[d][rest % shape.categories[d].size()] == spec.undefined_for;
      rest /= shape.categories[d].size();
    }
  }
  return undefined;
}

void compute_ratio(IndicatorFrame& f, std::size_t i, std::size_t year, Level level) {
  const std::size_t num = indicator_id(specs[i].numerator);
  const std::size_t den = indicator_id(specs[i].denominator);
  const std::size_t cells = f.cells(i);
  const std::size_t den_cells = f.cells(den);
  const std::size_t units = f.units(level);
  const std::vector<double>& n = f.values(num, level);
  const std::vector<double>& d = f.values(den, level);
  std::vector<double>& out = f.values(i, level);
  const std::vector<bool> undefined = undefined_cells(specs[i], cells);
  for (std::size_t u = 0; u < units; ++u)
    for (std::size_t c = 0; c < cells; ++c) {
      const double denominator = d[(year * units + u) * den_cells + (den_cells == 1 ? 0 : c)];
      out[(year * units + u) * cells + c] =
          denominator > 0 && !undefined[c] ? n[(year * units + u) * cells + c] / denominator
                                           : std::numeric_limits<double>::quiet_NaN();
    }
}

void compute_composite(IndicatorFrame& f, std::size_t i, std::size_t year, Level level) {
  std::vector<std::size_t> parts;
  std::string_view list = specs[i].numerator;
  while (!list.empty()) {
    const auto comma = list.find(',');
    parts.push_back(indicator_id(list.substr(0, comma)));
    list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
  }
  const std::size_t units = f.units(level);
  std::vector<double>& out = f.values(i, level);
  for (std::size_t u = 0; u < units; ++u) {
    double sum = 0.0;
    int n = 0;
    for (std::size_t part : parts) {
      const double v = f.values(part, level)[year * units + u];
      if (!std::isnan(v)) sum += v, ++n;
    }
    out[year * units + u] = n > 0 ? sum / n : std::numeric_limits<double>::quiet_NaN();
  }
}

void compute_below(IndicatorFrame& f, std::size_t i, std::size_t year, double threshold) {
  const std::size_t ratio = indicator_id(specs[i].numerator);
  const Level level = specs[i].finest;
  const std::size_t units = f.units(level);
  const std::vector<double>& r = f.values(ratio, level);
  std::vector<double>& out = f.values(i, level);
  for (std::size_t u = 0; u < units; ++u) {
    const double value = r[year * units + u];
    out[year * units + u] = (!std::isnan(value) && value < threshold) ? 1.0 : 0.0;
  }
}

}  // namespace

void derive_indicators(IndicatorFrame& f, std::size_t year,
                       std::span<const std::int32_t> region_of_location, double below_threshold) {
  for (std::size_t i = 0; i < specs.size(); ++i) {
    const IndicatorSpec& s = specs[i];
    for (int lv = static_cast<int>(s.finest); lv < n_levels; ++lv) {
      const auto level = static_cast<Level>(lv);
      switch (s.kind) {
        case Kind::additive:
          if (level != s.finest) aggregate_up(f, i, year, static_cast<Level>(lv - 1), region_of_location);
          break;
        case Kind::ratio:
          compute_ratio(f, i, year, level);
          break;
        case Kind::below:
          if (level == s.finest) compute_below(f, i, year, below_threshold);
          else aggregate_up(f, i, year, static_cast<Level>(lv - 1), region_of_location);
          break;
        case Kind::composite:
          compute_composite(f, i, year, level);
          break;
      }
    }
  }
}

}  // namespace stosim
