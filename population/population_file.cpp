#include "population/population_file.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <ctime>

#include "sim/atomic_write.hpp"
#include "sim/hdf5_file.hpp"
#include "sim/data_error.hpp"
#include "sim/geography.hpp"
#include "sim/random.hpp"
#include "population/synthetic_netherlands.hpp"
#include "sim/version.hpp"

namespace stosim {

namespace {

constexpr std::string_view format_name = "stosim-population";

template <class T>
std::vector<std::int32_t> as_ints(const std::vector<T>& values) {
  std::vector<std::int32_t> out(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) out[i] = static_cast<std::int32_t>(values[i]);
  return out;
}

void write_metadata(hid_t file, const ImportedPopulation& p) {
  h5::write_attribute(file, "format", std::string(format_name));
  h5::write_attribute(file, "format_version", std::int64_t{population_file_format_version});
  h5::write_attribute(file, "start_year", std::int64_t{p.options.start_year});
  h5::write_attribute(file, "school_year", fmt::format("{}/{:02d}", p.options.start_year - 1, p.options.start_year % 100));
  h5::write_attribute(file, "seed", static_cast<std::int64_t>(p.options.seed));
  h5::write_attribute(file, "region_method", p.report.region_method);
  h5::write_attribute(file, "stosim_version", std::string(version()));
  h5::write_attribute(file, "git_commit", std::string(git_commit()));
  h5::write_attribute(file, "created_utc", fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(std::time(nullptr))));
  for (const FileRead& f : p.report.files) h5::write_attribute(file, "source_" + f.role, f.path);
  h5::write_attribute(file, "import_summary", import_summary(p));
}

void write_locations(hid_t file, const ImportedPopulation& p) {
  const Locations& l = p.world.locations;
  const h5::Handle g = h5::create_group(file, "locations");
  h5::write_strings(g.id(), "code", l.code);
  h5::write_strings(g.id(), "name", l.name);
  h5::write_ints(g.id(), "region", l.region);
  h5::write_floats(g.id(), "x_km", l.x_km);
  h5::write_floats(g.id(), "y_km", l.y_km);
  h5::write_floats(g.id(), "image", l.image);
  h5::write_ints(g.id(), "leerweg_mask", as_ints(l.leerweg_mask));
  const LocationDetails& d = p.details;
  h5::write_strings(g.id(), "brin", d.brin);
  h5::write_strings(g.id(), "postcode", d.postcode);
  h5::write_strings(g.id(), "town", d.town);
  h5::write_strings(g.id(), "gemeente", d.gemeente);
  h5::write_strings(g.id(), "coordinate_source", d.coordinate_source);
  for (std::size_t k = 0; k < regional_divisions.size(); ++k)
    h5::write_strings(g.id(), std::string(regional_divisions[k]) + "_code", d.division_code[k]);
}

void write_students(hid_t file, const Students& s) {
  const h5::Handle g = h5::create_group(file, "students");
  h5::write_ints(g.id(), "id", as_ints(s.id));
  h5::write_ints(g.id(), "home_zone", s.home_zone);
  h5::write_ints(g.id(), "location", s.location);
  h5::write_ints(g.id(), "cohort", as_ints(s.cohort));
  h5::write_ints(g.id(), "grade", as_ints(s.grade));
  h5::write_ints(g.id(), "leerweg", as_ints(s.leerweg));
  h5::write_ints(g.id(), "profile", as_ints(s.profile));
  h5::write_ints(g.id(), "is_male", as_ints(s.is_male));
}

// Reading: every dataset is checked for presence, length and range, with messages naming it.
class Reader {
 public:
  explicit Reader(std::string path) : path_(std::move(path)) {}
  const std::string& path() const { return path_; }

  [[noreturn]] void fail(const std::string& what) const { throw DataError(fmt::format("{}: {}", path_, what)); }

  void require(hid_t group, const std::string& name, const std::string& where) const {
    if (!h5::exists(group, name)) fail(fmt::format("missing dataset {}/{}", where, name));
  }
  std::vector<std::int32_t> ints(hid_t group, const std::string& where, const std::string& name, std::size_t size,
                                 std::int64_t lowest, std::int64_t highest) const {
    require(group, name, where);
    std::vector<std::int32_t> v = h5::read_ints(group, name);
    check_size(where + "/" + name, v.size(), size);
    for (std::size_t i = 0; i < v.size(); ++i)
      if (v[i] < lowest || v[i] > highest)
        fail(fmt::format("{}/{}: value {} at index {} is outside {}..{}", where, name, v[i], i, lowest, highest));
    return v;
  }
  std::vector<std::string> strings(hid_t group, const std::string& where, const std::string& name,
                                   std::size_t size) const {
    require(group, name, where);
    std::vector<std::string> v = h5::read_strings(group, name);
    check_size(where + "/" + name, v.size(), size);
    return v;
  }
  std::vector<float> floats(hid_t group, const std::string& where, const std::string& name, std::size_t size) const {
    require(group, name, where);
    std::vector<hsize_t> shape;
    const std::vector<double> d = h5::read_doubles(group, name, shape);
    check_size(where + "/" + name, d.size(), size);
    return std::vector<float>(d.begin(), d.end());
  }
  h5::Handle group(hid_t file, const std::string& name) const {
    if (!h5::exists(file, name)) fail(fmt::format("missing group /{}", name));
    return h5::open_group(file, name);
  }

 private:
  void check_size(const std::string& what, std::size_t got, std::size_t want) const {
    if (want != any_size && got != want) fail(fmt::format("{} has {} values, expected {}", what, got, want));
  }
  std::string path_;

 public:
  static constexpr std::size_t any_size = static_cast<std::size_t>(-1);
};

template <class T>
std::vector<T> cast(const std::vector<std::int32_t>& v) {
  std::vector<T> out(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) out[i] = static_cast<T>(v[i]);
  return out;
}

void read_places(const Reader& r, hid_t file, PopulationFile& p) {
  World& w = p.world;
  const auto any = Reader::any_size;
  {
    const h5::Handle g = r.group(file, "regions");
    w.regions.code = r.strings(g.id(), "regions", "code", any);
    w.regions.name = r.strings(g.id(), "regions", "name", w.regions.size());
    if (w.regions.size() == 0) r.fail("regions/code is empty");
  }
  const auto last_region = static_cast<std::int64_t>(w.regions.size()) - 1;
  {
    const h5::Handle g = r.group(file, "zones");
    p.zone_code = r.strings(g.id(), "zones", "code", any);
    const std::size_t n = p.zone_code.size();
    w.zones.x_km = r.floats(g.id(), "zones", "x_km", n);
    w.zones.y_km = r.floats(g.id(), "zones", "y_km", n);
    w.zones.youth_weight = r.floats(g.id(), "zones", "youth_weight", n);
    w.zones.region = r.ints(g.id(), "zones", "region", n, 0, last_region);
  }
  const h5::Handle g = r.group(file, "locations");
  Locations& l = w.locations;
  l.code = r.strings(g.id(), "locations", "code", any);
  const std::size_t n = l.code.size();
  if (n == 0) r.fail("locations/code is empty");
  l.name = r.strings(g.id(), "locations", "name", n);
  l.region = r.ints(g.id(), "locations", "region", n, 0, last_region);
  l.x_km = r.floats(g.id(), "locations", "x_km", n);
  l.y_km = r.floats(g.id(), "locations", "y_km", n);
  l.image = r.floats(g.id(), "locations", "image", n);
  l.leerweg_mask = cast<std::uint8_t>(r.ints(g.id(), "locations", "leerweg_mask", n, 1, 15));
}

void read_programmes_and_students(const Reader& r, hid_t file, PopulationFile& p) {
  World& w = p.world;
  const std::size_t programmes = w.locations.size() * n_profiles;
  {
    const h5::Handle g = r.group(file, "programmes");
    w.programmes.offered = cast<std::uint8_t>(r.ints(g.id(), "programmes", "offered", programmes, 0, 1));
    w.programmes.years_below_viability =
        cast<std::uint8_t>(r.ints(g.id(), "programmes", "years_below_viability", programmes, 0, 255));
  }
  const h5::Handle g = r.group(file, "students");
  Students& s = w.students;
  const auto id = r.ints(g.id(), "students", "id", Reader::any_size, 0, std::numeric_limits<std::int32_t>::max());
  const std::size_t n = id.size();
  s.id = cast<std::uint64_t>(id);
  s.home_zone = r.ints(g.id(), "students", "home_zone", n, 0, static_cast<std::int64_t>(w.zones.size()) - 1);
  s.location = r.ints(g.id(), "students", "location", n, 0, static_cast<std::int64_t>(w.locations.size()) - 1);
  s.cohort = cast<std::int16_t>(r.ints(g.id(), "students", "cohort", n, p.start_year - 3, p.start_year));
  s.grade = cast<std::uint8_t>(r.ints(g.id(), "students", "grade", n, 1, 4));
  s.leerweg = cast<Leerweg>(r.ints(g.id(), "students", "leerweg", n, 0, n_leerwegen - 1));
  s.profile = cast<std::int8_t>(r.ints(g.id(), "students", "profile", n, no_profile, n_profiles - 1));
  s.is_male = cast<std::uint8_t>(r.ints(g.id(), "students", "is_male", n, 0, 1));
  s.propensity.assign(n, 0.0f);
  s.status.assign(n, StudentStatus::enrolled);
  std::uint64_t next = 0;
  for (std::uint64_t i : s.id) next = std::max(next, i + 1);
  w.next_student_id = next;
}

// A student's profile must be open at their location, and their leerweg taught there.
void check_consistency(const Reader& r, const World& w) {
  const Students& s = w.students;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto l = static_cast<std::size_t>(s.location[i]);
    if (!w.locations.offers(l, s.leerweg[i]))
      r.fail(fmt::format("students: student {} is in leerweg {} at location {}, which does not teach it",
                         s.id[i], leerweg_codes[static_cast<int>(s.leerweg[i])], w.locations.code[l]));
    if (s.profile[i] != no_profile && !w.programmes.offered[programme_index(l, s.profile[i])])
      r.fail(fmt::format("students: student {} follows {} at location {}, which does not offer it", s.id[i],
                         profile_codes[s.profile[i]], w.locations.code[l]));
  }
}

}  // namespace

namespace {

void write_contents(hid_t file, const ImportedPopulation& p) {
  write_metadata(file, p);
  const World& w = p.world;
  {
    const h5::Handle g = h5::create_group(file, "regions");
    h5::write_strings(g.id(), "code", w.regions.code);
    h5::write_strings(g.id(), "name", w.regions.name);
  }
  {
    const h5::Handle g = h5::create_group(file, "zones");
    h5::write_strings(g.id(), "code", p.zone_code);
    h5::write_floats(g.id(), "x_km", w.zones.x_km);
    h5::write_floats(g.id(), "y_km", w.zones.y_km);
    h5::write_floats(g.id(), "youth_weight", w.zones.youth_weight);
    h5::write_ints(g.id(), "region", w.zones.region);
  }
  write_locations(file, p);
  {
    const h5::Handle g = h5::create_group(file, "programmes");
    h5::write_ints(g.id(), "offered", as_ints(w.programmes.offered));
    h5::write_ints(g.id(), "years_below_viability", as_ints(w.programmes.years_below_viability));
    h5::write_strings(g.id(), "profile", std::vector<std::string>(profile_codes.begin(), profile_codes.end()));
  }
  write_students(file, w.students);
}

}  // namespace

void write_population_file(const std::string& path, const ImportedPopulation& p) {
  // Built in memory, written with checked writes, read back with every check `run` applies.
  const auto write = [&](const std::string& temporary) {
    std::vector<char> image;
    {
      h5::Handle file = h5::create_memory_file(path);
      write_contents(file.id(), p);
      image = h5::file_image(file.id());
      file.close();
    }
    write_bytes(temporary, image.data(), image.size());
  };
  const auto verify = [](const std::string& temporary) {
    try {
      read_population_file(temporary);
    } catch (const std::exception& e) {
      throw WriteError(std::string("the written file does not read back: ") + e.what());
    }
  };
  write_atomically(path, write, verify);
}

PopulationFile read_population_file(const std::string& path) {
  const Reader r(path);
  h5::Handle file;
  try {
    file = h5::open_file(path);
  } catch (const std::runtime_error&) {
    r.fail("cannot open it as an HDF5 file (does it exist? make one with `stosim import`)");
  }
  PopulationFile p;
  try {
    if (!h5::has_attribute(file.id(), "format") || h5::read_string_attribute(file.id(), "format") != format_name)
      r.fail("not a stosim population file (no format attribute 'stosim-population'; make one with `stosim import`)");
    const std::int64_t version = h5::read_int_attribute(file.id(), "format_version");
    if (version != population_file_format_version)
      r.fail(fmt::format("format version {} is not the {} this stosim reads; import the data again", version,
                         population_file_format_version));
    p.start_year = static_cast<int>(h5::read_int_attribute(file.id(), "start_year"));
    p.world.year = p.start_year;
    p.summary = h5::read_string_attribute(file.id(), "import_summary");
    read_places(r, file.id(), p);
    read_programmes_and_students(r, file.id(), p);
  } catch (const DataError&) {
    throw;
  } catch (const std::runtime_error& e) {
    r.fail(e.what());  // an HDF5 failure: a damaged or incomplete file
  }
  check_consistency(r, p.world);
  return p;
}

}  // namespace stosim
