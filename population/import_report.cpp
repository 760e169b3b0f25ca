// The summary `stosim import` prints: what was read, what was built, the file's own totals beside
// the imported counts, and every warning with its count and first case.
#include <fmt/format.h>

#include <cmath>

#include "population/population_import.hpp"

namespace stosim {

namespace {

std::string thousands(std::int64_t n) {
  // The magnitude as unsigned: -n overflows for the most negative int64.
  const std::uint64_t magnitude = n < 0 ? 0 - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n);
  std::string digits = std::to_string(magnitude), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

// A total of weights (inhabitants): rounded, or in scientific notation beyond any real count.
std::string weight_text(double total) {
  if (!std::isfinite(total) || std::abs(total) >= 1e15) return fmt::format("{:.3g}", total);
  return thousands(std::llround(total));
}

void files(std::string& out, const ImportReport& r) {
  out += "Files\n";
  for (const FileRead& f : r.files)
    out += fmt::format("  {:<10} {} ({}, '{}', {} rows)\n", f.role, f.path, f.encoding, f.separator, thousands(static_cast<std::int64_t>(f.rows)));
}

void places(std::string& out, const ImportedPopulation& p) {
  const ImportReport& r = p.report;
  out += fmt::format("\nLocations  {} with vmbo years 3-4 (of {} locations with vmbo or year 1-2 rows)\n",
                     p.world.locations.size(), thousands(static_cast<std::int64_t>(r.locations_in_file)));
  std::string sources;
  for (const auto& [source, n] : r.coordinate_sources) sources += fmt::format("{}{} {}", sources.empty() ? "" : ", ", n, source);
  out += fmt::format("           coordinates: {}\n", sources);
  out += fmt::format("Regions    {}: {}; {} to {} locations per region\n", p.world.regions.size(), r.region_method,
                     r.smallest_region, r.largest_region);
  out += fmt::format("Zones      {} postcodes with {} inhabitants under 15 (the CBS file has {})\n",
                     thousands(static_cast<std::int64_t>(p.world.zones.size())), weight_text(r.youth_in_zones), weight_text(r.youth_in_file));
}

void upper_table(std::string& out, const ImportedPopulation& p) {
  const ImportReport& r = p.report;
  out += "\nYears 3-4 by profile and leerweg: DUO's rows (file) beside the students imported\n";
  out += fmt::format("  {:<7} {:<7} {:>12} {:>9} {:>12} {:>9}\n", "profile", "leerweg", "year 3 file", "imported", "year 4 file", "imported");
  std::array<std::int64_t, 4> total{};
  for (int slot = 0; slot <= n_profiles; ++slot)
    for (int lw = 0; lw < n_leerwegen; ++lw) {
      if ((slot == n_profiles) != (lw == static_cast<int>(Leerweg::tl))) continue;
      const std::array<std::int64_t, 4> v = {r.file_upper[0][lw][slot], r.imported_upper[0][lw][slot],
                                             r.file_upper[1][lw][slot], r.imported_upper[1][lw][slot]};
      for (int k = 0; k < 4; ++k) total[k] += v[k];
      out += fmt::format("  {:<7} {:<7} {:>12} {:>9} {:>12} {:>9}\n", slot == n_profiles ? "-" : profile_codes[slot],
                         leerweg_codes[lw], v[0], v[1], v[2], v[3]);
    }
  out += fmt::format("  {:<15} {:>12} {:>9} {:>12} {:>9}\n", "total", total[0], total[1], total[2], total[3]);

  const auto technical = technical_mask(default_technical_profiles);
  std::array<std::int64_t, 3> tech{}, all{};
  for (int lw = 0; lw < 3; ++lw)
    for (int pr = 0; pr < n_profiles; ++pr) {
      all[lw] += r.imported_upper[0][lw][pr];
      if (technical[pr]) tech[lw] += r.imported_upper[0][lw][pr];
    }
  const auto pct = [](std::int64_t a, std::int64_t b) {
    return b > 0 ? 100.0 * static_cast<double>(a) / static_cast<double>(b) : 0.0;
  };
  out += fmt::format("  technical share of year 3 BB/KB/GL: {} of {} = {:.1f} % (BB {:.1f} %, KB {:.1f} %, GL {:.1f} %)\n",
                     thousands(tech[0] + tech[1] + tech[2]), thousands(all[0] + all[1] + all[2]),
                     pct(tech[0] + tech[1] + tech[2], all[0] + all[1] + all[2]), pct(tech[0], all[0]),
                     pct(tech[1], all[1]), pct(tech[2], all[2]));
  std::string offered;
  for (int pr = 0; pr < n_profiles; ++pr) {
    int n = 0;
    for (std::size_t l = 0; l < p.world.locations.size(); ++l) n += p.world.programmes.offered[programme_index(l, pr)];
    offered += fmt::format("{}{} {}", offered.empty() ? "" : ", ", profile_codes[pr], n);
  }
  out += fmt::format("  locations offering each profile: {}\n", offered);
}

void bridge(std::string& out, const ImportReport& r) {
  std::int64_t imported = 0;
  for (std::int64_t n : r.imported_bridge) imported += n;
  out += "\nYears 1-2 (\"Brugjaar 1-2\" rows naming a vmbo leerweg)\n";
  out += fmt::format("  in the file                                   {:>9}\n", thousands(r.bridge_in_file));
  out += fmt::format("  imported                                      {:>9}  (BB {}, KB {}, GL {}, TL {})\n",
                     thousands(imported), thousands(r.imported_bridge[0]), thousands(r.imported_bridge[1]),
                     thousands(r.imported_bridge[2]), thousands(r.imported_bridge[3]));
  out += fmt::format("  havo/vwo part of mixed brugklassen (not vmbo) {:>9}\n", thousands(r.bridge_havo_vwo));
  out += fmt::format("  not placed (see warnings)                     {:>9}\n", thousands(r.bridge_not_placed));
  out += fmt::format("  of those imported or havo/vwo: moved from a location without years 3-4 to one of its "
                     "school: {}\n", thousands(r.bridge_moved));
  out += fmt::format("Other school types (havo, vwo, praktijkonderwijs, ...): {} rows, {} students, not vmbo\n",
                     thousands(r.other_type_rows), thousands(r.other_type_students));
}

void warnings(std::string& out, const ImportWarnings& w) {
  if (w.entries.empty()) {
    out += "\nWarnings: none\n";
    return;
  }
  out += "\nWarnings (cases, amount where it applies, and the first case)\n";
  for (const auto& [what, e] : w.entries) {
    out += fmt::format("  {:>5}  {}{}\n", e.count, what, e.amount > 0 ? fmt::format(": {}", thousands(e.amount)) : "");
    out += fmt::format("         e.g. {}\n", e.example);
  }
}

std::string zero_situation_header(const ZeroSituationScaling& z) {
  std::string out =
      "stosim import: the STO zero situation, school year 2017/18. Years 3-4 are the exam candidates of\n"
      "2018/19 (year 3) and 2017/18 (year 4) per location, leerweg and profile, scaled to the published\n"
      "year-3 count of 2017/18; years 1-2 come from DUO's count of 1 October 2019 (docs/POPULATION.md).\n";
  for (int lw = 0; lw < n_leerwegen; ++lw)
    out += fmt::format("  {}: {} year-3 students, {:.3f} per exam candidate a year later\n", leerweg_codes[lw],
                       thousands(std::llround(z.year3_students[lw])), z.year3_per_candidate[lw]);
  return out + "The 'file' columns below are these rebuilt counts.\n\n";
}

}  // namespace

std::string import_summary(const ImportedPopulation& p) {
  std::string out = fmt::format("stosim import: initial state of school year {}/{} (DUO count of 1 October {})\n\n",
                                p.options.start_year - 1, p.options.start_year % 100, p.options.start_year - 1);
  if (p.options.start_year == 2018) out = zero_situation_header(p.report.zero_situation);
  files(out, p.report);
  places(out, p);
  upper_table(out, p);
  bridge(out, p.report);
  warnings(out, p.report.warnings);
  const ImportReport& r = p.report;
  out += fmt::format("\nStudents in the DUO file: {} summed line by line, {} in the rows read.\n",
                     thousands(r.students_in_lines), thousands(r.students_in_rows));
  // Printed only when the independent sums agree and the imported table matches the file's.
  if (r.students_in_lines == r.students_in_rows && r.file_upper == r.imported_upper)
    out += "Every count imported agrees with the file's own total, or is listed above as set aside.\n";
  else
    out += "The counts imported DO NOT agree with the file's own totals.\n";
  return out;
}

}  // namespace stosim
