#include "population/population_import.hpp"

#include <fmt/format.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "population/cbs_zones.hpp"
#include "population/clustering.hpp"
#include "sim/csv_reader.hpp"
#include "population/duo_students.hpp"
#include "population/import_students.hpp"
#include "population/region_names.hpp"
#include "sim/random.hpp"

namespace stosim {

ImportOptions default_import_files(const std::string& dir) {
  const auto at = [&](std::string_view name) { return (std::filesystem::path(dir) / name).string(); };
  ImportOptions o;
  o.students = at("duo_leerlingen-vo-per-vestiging-naar-onderwijstype-2019.csv");
  o.addresses = at("duo_alle-vestigingen-vo_ginberg-2020-12.csv");
  o.geocoded = at("vo_vestigingen_geocoded_2024-11-22.csv");
  o.cbs_youth = at("cbs_pc4_2023_v2_vmbo_afstand_subset.csv");
  o.centroids = at("pc4_centroids_postcodetabel.csv");
  o.zero_situation = default_zero_situation_files(dir);
  return o;
}

int import_start_year(std::string_view school_year) {
  if (school_year == "2019/20") return 2020;
  if (school_year == "2017/18") return 2018;
  return 0;
}

namespace {

struct Inputs {
  std::map<std::string, LatLon> user_coordinates;
  DuoStudents duo;
  DuoAddresses addresses;
  GeocodedLocations geocoded;
  PostcodeCentroids centroids;
  PostcodeZones zones;
};

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// "'S-GRAVENHAGE" -> "'s-Gravenhage", "BERGEN OP ZOOM" -> "Bergen op Zoom": DUO writes town
// names in capitals.
std::string title_case(const std::string& name) {
  static const std::set<std::string> particles = {"aan", "de", "den", "der", "en", "het", "in", "op", "van"};
  std::string out, word;
  const auto flush = [&] {
    if (!word.empty() && !out.empty() && particles.count(word)) out += word;
    else if (word == "'s") out += word;
    else if (!word.empty()) out += static_cast<char>(std::toupper(static_cast<unsigned char>(word[0]))) + word.substr(1);
    word.clear();
  };
  for (char c : lower(name)) {
    if (c == ' ' || c == '-') flush(), out += c;
    else word += c;
  }
  flush();
  return out;
}

// Coordinates of a location: the user's, else the geocoded file's, else its postcode's centroid.
std::optional<LatLon> locate(const Inputs& in, const std::string& code, std::string& source) {
  if (const auto u = in.user_coordinates.find(code); u != in.user_coordinates.end()) {
    source = "given";
    return u->second;
  }
  if (const auto g = in.geocoded.by_code.find(code); g != in.geocoded.by_code.end()) {
    source = "geocoded";
    return g->second;
  }
  if (const auto a = in.addresses.by_code.find(code); a != in.addresses.by_code.end()) {
    const auto c = in.centroids.by_pc4.find(a->second.postcode.substr(0, 4));
    if (c != in.centroids.by_pc4.end()) {
      source = "postcode centroid";
      return c->second;
    }
  }
  return std::nullopt;
}

// The user's table of coordinates (location,lat,lon), for locations the files place badly.
std::map<std::string, LatLon> read_user_coordinates(const std::string& path, ImportReport& report) {
  std::map<std::string, LatLon> out;
  if (path.empty()) return out;
  const CsvTable t = read_csv(path);
  report.files.push_back({"coordinates", path, std::string(encoding_name(t.encoding)), t.separator, t.size()});
  const std::size_t code = t.column({"location", "vestigingscode"}), lat = t.column({"lat"}), lon = t.column({"lon"});
  for (std::size_t r = 0; r < t.size(); ++r) {
    const auto y = parse_decimal(t.rows[r][lat]), x = parse_decimal(t.rows[r][lon]);
    if (!y || !x || !in_netherlands({*y, *x}))
      throw DataError(fmt::format("{}: '{}', '{}' is not a latitude and longitude in the Netherlands",
                                  t.where(r, lat), t.rows[r][lat], t.rows[r][lon]));
    if (!out.emplace(t.rows[r][code], LatLon{*y, *x}).second)
      throw DataError(fmt::format("{}: location {} appears twice", t.where(r, code), t.rows[r][code]));
  }
  return out;
}

// Locations with students in years 3-4, in the order of their codes.
std::vector<std::size_t> upper_locations(const DuoStudents& duo) {
  std::set<std::size_t> with_upper;
  for (const UpperCell& c : duo.upper) with_upper.insert(static_cast<std::size_t>(c.location));
  std::vector<std::size_t> out(with_upper.begin(), with_upper.end());
  std::sort(out.begin(), out.end(), [&](std::size_t a, std::size_t b) {
    return duo.locations[a].code < duo.locations[b].code;
  });
  return out;
}

void add_details(ImportedPopulation& pop, const Inputs& in, const DuoLocation& d, const std::string& source) {
  LocationDetails& x = pop.details;
  const auto a = in.addresses.by_code.find(d.code);
  const bool known = a != in.addresses.by_code.end();
  if (!known)
    pop.report.warnings.add("locations missing from the address file (name from the student file, "
                            "no regional codes)", fmt::format("{}:{}: {}", d.file, d.line, d.code));
  pop.world.locations.code.push_back(d.code);
  pop.world.locations.name.push_back(known && !a->second.name.empty() ? a->second.name : d.name);
  x.brin.push_back(d.brin);
  x.town.push_back(known ? a->second.town : d.town);
  x.postcode.push_back(known ? a->second.postcode : "");
  x.gemeente.push_back(known ? a->second.gemeente : "");
  x.coordinate_source.push_back(source);
  for (std::size_t k = 0; k < regional_divisions.size(); ++k)
    x.division_code[k].push_back(known ? a->second.division_code[k] : "");
}

// Mean position of the points in each group (a town or a province), by lower-case name.
class MeanPlaces {
 public:
  void add(const std::string& name, LatLon p) {
    auto& [sum, n] = places_[lower(name)];
    sum.lat += p.lat, sum.lon += p.lon, ++n;
  }
  std::optional<LatLon> find(const std::string& name) const {
    const auto it = places_.find(lower(name));
    if (name.empty() || it == places_.end()) return std::nullopt;
    return LatLon{it->second.first.lat / it->second.second, it->second.first.lon / it->second.second};
  }

 private:
  std::map<std::string, std::pair<LatLon, int>> places_;
};

// Locations without coordinates of their own: the mean of every location in the files in their
// town (geocoded file, and address file by postcode), else in their municipality (the address
// file's), else of the located ones in their province.
void place_by_town(ImportedPopulation& pop, const Inputs& in, const std::vector<std::size_t>& duo_index,
                   std::vector<std::optional<LatLon>>& at) {
  MeanPlaces towns, municipalities, provinces;
  for (const auto& [town, p] : in.geocoded.town_points) towns.add(town, p);
  for (const auto& [code, a] : in.addresses.by_code)
    if (const auto c = in.centroids.by_pc4.find(a.postcode.substr(0, 4)); c != in.centroids.by_pc4.end())
      towns.add(a.town, c->second), municipalities.add(a.gemeente, c->second);
  for (std::size_t l = 0; l < at.size(); ++l)
    if (at[l]) provinces.add(in.duo.locations[duo_index[l]].province, *at[l]);
  std::vector<std::string> unplaced;
  for (std::size_t l = 0; l < at.size(); ++l) {
    if (at[l]) continue;
    const DuoLocation& d = in.duo.locations[duo_index[l]];
    const std::string where = fmt::format("{}:{}: {} ({}, {})", d.file, d.line, d.code, d.name, d.town);
    if ((at[l] = towns.find(d.town))) {
      pop.details.coordinate_source[l] = "town";
      pop.report.warnings.add("locations without geocode or postcode, placed at the mean of the "
                              "locations in their town", where);
    } else if ((at[l] = municipalities.find(d.town))) {
      // The exam files name the municipality, not the town.
      pop.details.coordinate_source[l] = "municipality";
      pop.report.warnings.add("locations without geocode, postcode or town, placed at the mean of the "
                              "locations in their municipality", where);
    } else if ((at[l] = provinces.find(d.province))) {
      pop.details.coordinate_source[l] = "province";
      pop.report.warnings.add("locations without geocode, postcode or town, placed at the mean of the "
                              "locations in their province (tens of km off: supply coordinates with "
                              "--coordinates)", where);
    } else {
      unplaced.push_back(where + ": no coordinates: not in the geocoded file, no postcode, town or "
                                 "province with located schools");
    }
  }
  if (!unplaced.empty()) throw DataError(unplaced);
}

void make_locations(ImportedPopulation& pop, const Inputs& in, std::vector<std::int32_t>& world_of,
                    std::vector<std::optional<PointKm>>& point_of) {
  const std::vector<std::size_t> duo_index = upper_locations(in.duo);
  Locations& loc = pop.world.locations;
  std::vector<std::optional<LatLon>> at;
  world_of.assign(in.duo.locations.size(), -1);
  for (std::size_t l = 0; l < duo_index.size(); ++l) {
    const DuoLocation& d = in.duo.locations[duo_index[l]];
    world_of[duo_index[l]] = static_cast<std::int32_t>(l);
    std::string source = "none";
    at.push_back(locate(in, d.code, source));
    if (source == "postcode centroid")
      pop.report.warnings.add("locations not in the geocoded file, placed at their postcode's centroid",
                              fmt::format("{}:{}: {}", d.file, d.line, d.code));
    add_details(pop, in, d, source);
  }
  place_by_town(pop, in, duo_index, at);
  for (std::size_t l = 0; l < at.size(); ++l) {
    const PointKm p = project(at[l]->lat, at[l]->lon);
    loc.x_km.push_back(static_cast<float>(p.x));
    loc.y_km.push_back(static_cast<float>(p.y));
    ++pop.report.coordinate_sources[pop.details.coordinate_source[l]];
  }
  loc.image.assign(duo_index.size(), 0.0f);  // no data on reputation: every location starts equal
  loc.leerweg_mask.assign(duo_index.size(), 0);
  pop.world.programmes.offered.assign(duo_index.size() * n_profiles, 0);
  pop.world.programmes.years_below_viability.assign(duo_index.size() * n_profiles, 0);
  for (const UpperCell& c : in.duo.upper) {
    const auto l = static_cast<std::size_t>(world_of[static_cast<std::size_t>(c.location)]);
    loc.leerweg_mask[l] |= static_cast<std::uint8_t>(1u << static_cast<int>(c.leerweg));
    if (c.profile != no_profile) pop.world.programmes.offered[programme_index(l, c.profile)] = 1;
  }
  point_of.assign(in.duo.locations.size(), std::nullopt);
  for (std::size_t d = 0; d < in.duo.locations.size(); ++d) {
    if (world_of[d] >= 0) {
      const auto l = static_cast<std::size_t>(world_of[d]);
      point_of[d] = PointKm{loc.x_km[l], loc.y_km[l]};
    } else if (std::string source; const auto p = locate(in, in.duo.locations[d].code, source)) {
      point_of[d] = project(p->lat, p->lon);
    }
  }
  pop.report.locations_in_file = in.duo.locations.size();
}

// Regions from a user's table: every imported location must be in it, once.
void regions_from_table(ImportedPopulation& pop, const std::string& path) {
  const CsvTable t = read_csv(path);
  pop.report.files.push_back({"regions", path, std::string(encoding_name(t.encoding)), t.separator, t.size()});
  const std::size_t location = t.column({"location", "vestigingscode", "vestiging"});
  const std::size_t region = t.column({"region", "regio"});
  const auto name = t.find_column({"region_name", "regionaam", "name"});
  std::map<std::string, std::pair<std::string, int>> region_of;  // location -> region, line
  std::map<std::string, std::string> region_name;
  for (std::size_t r = 0; r < t.size(); ++r) {
    const auto& row = t.rows[r];
    if (row[region].empty()) throw DataError(fmt::format("{}: empty region", t.where(r, region)));
    if (const auto [it, added] = region_of.emplace(row[location], std::pair{row[region], t.line[r]}); !added)
      throw DataError(fmt::format("{}: location {} appears twice (also on line {})", t.where(r, location),
                                  row[location], it->second.second));
    region_name.emplace(row[region], name && !row[*name].empty() ? row[*name] : row[region]);
  }
  std::vector<std::string> missing;
  for (const std::string& code : pop.world.locations.code)
    if (!region_of.count(code)) missing.push_back(code);
  if (!missing.empty())
    throw DataError(fmt::format("{}: {} imported locations have no region, e.g. {} (every location "
                                "with vmbo years 3-4 must be listed)", path, missing.size(), missing.front()));
  std::map<std::string, std::int32_t> index;
  for (const auto& [code, label] : region_name) {
    index[code] = static_cast<std::int32_t>(pop.world.regions.code.size());
    pop.world.regions.code.push_back(code);
    pop.world.regions.name.push_back(label);
  }
  std::set<std::string> imported(pop.world.locations.code.begin(), pop.world.locations.code.end());
  for (const auto& [code, where] : region_of)
    if (!imported.count(code))
      pop.report.warnings.add("locations in the region table without vmbo years 3-4 (ignored)",
                              fmt::format("{}:{}: {}", path, where.second, code));
  for (const std::string& code : pop.world.locations.code)
    pop.world.locations.region.push_back(index[region_of[code].first]);
  pop.report.region_method = fmt::format("from {}", path);
}

// k-means on location coordinates, k-means++ start from the import seed (sim/clustering.hpp).
void regions_by_clustering(ImportedPopulation& pop, const ImportOptions& o,
                           const std::vector<std::int64_t>& upper_students) {
  const auto uniform = [&](std::size_t c) {
    return RandomStream(StreamKey{o.seed, ~std::uint64_t{0}}, 0, Purpose::world_regions, c).uniform();
  };
  const Locations& loc = pop.world.locations;
  Clustering clusters = cluster_kmeans(loc.x_km, loc.y_km, static_cast<std::size_t>(o.regions), uniform);
  pop.world.locations.region = std::move(clusters.group);
  std::vector<std::vector<TownCandidate>> candidates(clusters.centre.size());
  for (std::size_t c = 0; c < clusters.centre.size(); ++c) {
    std::map<std::string, std::int64_t> town_students;
    for (std::size_t l = 0; l < loc.size(); ++l)
      if (static_cast<std::size_t>(loc.region[l]) == c) town_students[pop.details.town[l]] += upper_students[l];
    for (const auto& [town, n] : town_students)
      candidates[c].push_back({title_case(town), static_cast<double>(n)});
    pop.world.regions.code.push_back(fmt::format("R{:02d}", c + 1));
  }
  pop.world.regions.name = name_regions(candidates, pop.world.regions.code);
  pop.report.region_method =
      fmt::format("k-means on location coordinates, k = {}, k-means++ start with seed {}", o.regions, o.seed);
}

void make_zones(ImportedPopulation& pop, const PostcodeZones& z) {
  Zones& zones = pop.world.zones;
  for (std::size_t k = 0; k < z.pc4.size(); ++k) {
    const PointKm p = project(z.at[k].lat, z.at[k].lon);
    zones.x_km.push_back(static_cast<float>(p.x));
    zones.y_km.push_back(static_cast<float>(p.y));
    zones.youth_weight.push_back(static_cast<float>(z.youth[k]));
    pop.report.youth_in_zones += z.youth[k];
  }
  pop.zone_code = z.pc4;
  pop.report.youth_in_file = z.youth_in_file;
  // A zone belongs to the region of its nearest location.
  zones.region.assign(zones.size(), 0);
  tbb::parallel_for(std::size_t{0}, zones.size(), [&](std::size_t zone) {
    float best = std::numeric_limits<float>::max();
    for (std::size_t l = 0; l < pop.world.locations.size(); ++l) {
      const float d = distance_km(pop.world, zone, l);
      if (d < best) best = d, zones.region[zone] = pop.world.locations.region[l];
    }
  });
}

void region_sizes(ImportedPopulation& pop) {
  std::vector<std::size_t> size(pop.world.regions.size(), 0);
  for (std::int32_t r : pop.world.locations.region) ++size[static_cast<std::size_t>(r)];
  pop.report.smallest_region = *std::min_element(size.begin(), size.end());
  pop.report.largest_region = *std::max_element(size.begin(), size.end());
  for (std::size_t r = 0; r < size.size(); ++r)
    if (size[r] == 0)
      pop.report.warnings.add("regions without locations (k-means left a cluster empty)", pop.world.regions.code[r]);
}

}  // namespace

ImportedPopulation import_population(const ImportOptions& o) {
  if (o.regions < 1) throw DataError(fmt::format("--regions: {} is not a positive number of regions", o.regions));
  ImportedPopulation pop;
  pop.options = o;
  pop.world.year = o.start_year;
  ImportReport& report = pop.report;
  if (o.start_year != 2020 && o.start_year != 2018)
    throw DataError(fmt::format("start year {}: an import starts in school year 2019/20 (DUO's count) or 2017/18 "
                                "(the zero situation)", o.start_year));
  Inputs in{{}, read_duo_students(o.students), read_duo_addresses(o.addresses), read_geocoded_locations(o.geocoded),
            read_postcode_centroids(o.centroids), {}};
  in.zones = read_postcode_zones(o.cbs_youth, in.centroids);
  report.files = {in.duo.file, in.addresses.file, in.geocoded.file, in.zones.file, in.centroids.file};
  if (o.start_year == 2018) {
    in.duo = zero_situation_students(in.duo, o.zero_situation, report.zero_situation);
    report.files.insert(report.files.end(), report.zero_situation.files.begin(), report.zero_situation.files.end());
  }
  in.user_coordinates = read_user_coordinates(o.coordinates, report);
  for (const ImportWarnings* w : {&in.duo.warnings, &in.geocoded.warnings, &in.zones.warnings})
    report.warnings.merge(*w);
  report.other_type_rows = in.duo.other_type_rows;
  report.other_type_students = in.duo.other_type_students;
  report.file_upper = in.duo.file_total;
  report.students_in_rows = in.duo.students_in_rows;
  report.students_in_lines = in.duo.students_in_lines;

  std::vector<std::int32_t> world_of;
  std::vector<std::optional<PointKm>> point_of;
  make_locations(pop, in, world_of, point_of);
  if (pop.world.locations.size() == 0)
    throw DataError(fmt::format("{}: no location has vmbo students in years 3-4", o.students));
  std::vector<std::int64_t> upper_students(pop.world.locations.size(), 0);
  for (const UpperCell& c : in.duo.upper) upper_students[static_cast<std::size_t>(world_of[c.location])] += c.count;
  if (o.region_table.empty()) regions_by_clustering(pop, o, upper_students);
  else regions_from_table(pop, o.region_table);
  region_sizes(pop);
  make_zones(pop, in.zones);
  add_imported_students(pop, in.duo, world_of, point_of);
  return pop;
}

}  // namespace stosim
