#include "population/duo_locations.hpp"

#include <fmt/format.h>

#include <cmath>

#include "sim/csv_reader.hpp"
#include "population/duo_students.hpp"

namespace stosim {

namespace {

// Two geocodes of one location this close are the same building (several BAG addresses).
constexpr double same_place_km = 1.0;

std::string code_at(const CsvTable& t, std::size_t r, std::size_t brin, std::size_t vestiging) {
  const auto code = location_code(t.rows[r][brin], t.rows[r][vestiging]);
  if (!code)
    throw DataError(fmt::format("{}: '{}' is not a location code (BRIN + two digits)",
                                t.where(r, vestiging), t.rows[r][vestiging]));
  return *code;
}

double coordinate(const CsvTable& t, std::size_t r, std::size_t column) {
  const auto value = parse_decimal(t.rows[r][column]);
  if (!value || !std::isfinite(*value) || std::abs(*value) > 180)
    throw DataError(fmt::format("{}: '{}' is not a coordinate (a number of degrees, -180 to 180)", t.where(r, column),
                                t.rows[r][column]));
  return *value;
}

}  // namespace

double distance_km(LatLon a, LatLon b) {
  constexpr double earth_km = 6371.0, rad = M_PI / 180.0;
  const double dlat = (b.lat - a.lat) * rad, dlon = (b.lon - a.lon) * rad;
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(a.lat * rad) * std::cos(b.lat * rad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * earth_km * std::asin(std::sqrt(h));
}

bool in_netherlands(LatLon p) { return p.lat > 50.6 && p.lat < 53.8 && p.lon > 3.1 && p.lon < 7.4; }

DuoAddresses read_duo_addresses(const std::string& path) {
  const CsvTable t = read_csv(path);
  DuoAddresses out;
  out.file = {"addresses", path, std::string(encoding_name(t.encoding)), t.separator, t.size()};
  const std::size_t brin = t.column({"BRIN NUMMER"}), vestiging = t.column({"VESTIGINGSNUMMER"});
  const std::size_t name = t.column({"VESTIGINGSNAAM"}), postcode = t.column({"POSTCODE"});
  const std::size_t town = t.column({"PLAATSNAAM"}), gemeente = t.column({"GEMEENTENAAM"});
  const std::array<std::size_t, 4> code_column = {
      t.column({"COROPGEBIED CODE"}), t.column({"RPA-GEBIED CODE"}),
      t.column({"ONDERWIJSGEBIED CODE"}), t.column({"RMC-REGIO CODE"})};
  const std::array<std::optional<std::size_t>, 4> name_column = {
      t.find_column({"COROPGEBIED NAAM"}), t.find_column({"RPA-GEBIED NAAM"}),
      t.find_column({"ONDERWIJSGEBIED NAAM"}), t.find_column({"RMC-REGIO NAAM"})};
  for (std::size_t r = 0; r < t.size(); ++r) {
    const auto& row = t.rows[r];
    AddressRecord a{row[name], row[postcode], row[town], row[gemeente], {}, {}, t.line[r]};
    for (std::size_t d = 0; d < code_column.size(); ++d) {
      a.division_code[d] = row[code_column[d]];
      if (name_column[d]) a.division_name[d] = row[*name_column[d]];
    }
    const std::string code = code_at(t, r, brin, vestiging);
    const auto [it, added] = out.by_code.emplace(code, std::move(a));
    if (!added)
      throw DataError(fmt::format("{}: duplicate location {} (also on line {})", t.where(r, vestiging),
                                  code, it->second.line));
  }
  return out;
}

GeocodedLocations read_geocoded_locations(const std::string& path) {
  const CsvTable t = read_csv(path);
  GeocodedLocations out;
  out.file = {"geocoded", path, std::string(encoding_name(t.encoding)), t.separator, t.size()};
  const std::size_t code = t.column({"vestigingscode"});
  const std::size_t lat = t.column({"lat"}), lon = t.column({"lon"});
  const auto town = t.find_column({"plaats", "plaatsnaam"});
  std::map<std::string, int> first_line;
  for (std::size_t r = 0; r < t.size(); ++r) {
    const std::string& c = t.rows[r][code];
    if (t.rows[r][lat].empty() || t.rows[r][lon].empty()) {
      out.warnings.add("geocoded locations without coordinates (other sources used)", t.where(r, lat));
      continue;
    }
    const LatLon p{coordinate(t, r, lat), coordinate(t, r, lon)};
    if (!in_netherlands(p))
      throw DataError(fmt::format("{}: {}, {} is outside the Netherlands (lat, lon swapped?)",
                                  t.where(r, lat), p.lat, p.lon));
    if (town && !t.rows[r][*town].empty()) out.town_points.emplace_back(t.rows[r][*town], p);
    const auto [it, added] = out.by_code.emplace(c, p);
    if (added) {
      first_line[c] = t.line[r];
      continue;
    }
    const double apart = distance_km(it->second, p);
    if (apart > same_place_km)
      throw DataError(fmt::format("{}: duplicate location {} {:.1f} km away from line {}: which is "
                                  "right?", t.where(r, code), c, apart, first_line[c]));
    out.warnings.add("duplicate geocoded locations within 1 km of each other (the first is used)",
                     fmt::format("{}: {} (also on line {})", t.where(r, code), c, first_line[c]));
  }
  return out;
}

}  // namespace stosim
