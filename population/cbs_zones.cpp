#include "population/cbs_zones.hpp"

#include <fmt/format.h>

#include <cmath>

#include "sim/csv_reader.hpp"

namespace stosim {

PostcodeCentroids read_postcode_centroids(const std::string& path) {
  const CsvTable t = read_csv(path);
  PostcodeCentroids out;
  out.file = {"centroids", path, std::string(encoding_name(t.encoding)), t.separator, t.size()};
  const std::size_t pc4 = t.column({"pc4", "postcode"}), lat = t.column({"lat"}), lon = t.column({"lon"});
  for (std::size_t r = 0; r < t.size(); ++r) {
    const auto y = parse_decimal(t.rows[r][lat]), x = parse_decimal(t.rows[r][lon]);
    if (!y || !x || !std::isfinite(*y) || !std::isfinite(*x) || std::abs(*y) > 90 || std::abs(*x) > 180)
      throw DataError(fmt::format("{}: '{}', '{}' is not a latitude and longitude", t.where(r, lat),
                                  t.rows[r][lat], t.rows[r][lon]));
    if (!out.by_pc4.emplace(t.rows[r][pc4], LatLon{*y, *x}).second)
      throw DataError(fmt::format("{}: duplicate postcode {}", t.where(r, pc4), t.rows[r][pc4]));
  }
  return out;
}

PostcodeZones read_postcode_zones(const std::string& cbs_path, const PostcodeCentroids& centroids) {
  const CsvTable t = read_csv(cbs_path);
  PostcodeZones out;
  out.file = {"cbs_youth", cbs_path, std::string(encoding_name(t.encoding)), t.separator, t.size()};
  const std::size_t pc4 = t.column({"pc4", "postcode"});
  // The shared subset's name, then CBS's own in the PC4 files.
  const std::size_t youth = t.column({"inwoners_tot_15_jaar", "aantal_inwoners_0_tot_15_jaar", "A_0_15"});
  std::map<std::string, int> seen;
  for (std::size_t r = 0; r < t.size(); ++r) {
    const std::string& code = t.rows[r][pc4];
    if (const auto [it, added] = seen.emplace(code, t.line[r]); !added)
      throw DataError(fmt::format("{}: duplicate postcode {} (also on line {})", t.where(r, pc4), code, it->second));
    const std::string& text = t.rows[r][youth];
    double young = 0.0;
    const auto value = parse_decimal(text);
    // CBS leaves secret values empty, or writes them as negative codes (-99999 ... -99995); any
    // other negative, or a count beyond a whole postcode, is a broken file.
    const bool secret_code = value && *value >= -99999 && *value <= -99995 && std::floor(*value) == *value;
    if (value && !secret_code && !(*value >= 0 && *value <= static_cast<double>(max_plausible_count)))
      throw DataError(fmt::format("{}: '{}' is not a plausible number of inhabitants under 15 (0 to {}, or a CBS "
                                  "secret code -99999 to -99995)", t.where(r, youth), text, max_plausible_count));
    if (text.empty() || text == "." || secret_code) {
      out.warnings.add("postcodes whose youth count CBS keeps secret (weight 0: no homes there)",
                       fmt::format("{}: postcode {}", t.where(r, youth), code));
    } else if (value) {
      young = *value;
    } else {
      throw DataError(fmt::format("{}: '{}' is not a number of inhabitants", t.where(r, youth), text));
    }
    out.youth_in_file += young;
    const auto centroid = centroids.by_pc4.find(code);
    if (centroid == centroids.by_pc4.end()) {
      out.warnings.add("postcodes without a centroid (not used; amount: their inhabitants under 15)",
                       fmt::format("{}: {}", t.where(r, pc4), code), static_cast<std::int64_t>(young));
      continue;
    }
    out.pc4.push_back(code);
    out.at.push_back(centroid->second);
    out.youth.push_back(young);
  }
  return out;
}

}  // namespace stosim
