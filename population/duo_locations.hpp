#pragma once
// Where locations are: DUO's address file ("02. Alle vestigingen vo": postcode, gemeente and
// regional codes) and a geocoded location file (vestigingscode, lon, lat).
#include <array>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "population/import_summary.hpp"

namespace stosim {

// Regional divisions DUO gives per location, in this order.
inline constexpr std::array<std::string_view, 4> regional_divisions = {"corop", "rpa", "onderwijsgebied", "rmc"};

struct AddressRecord {
  std::string name, postcode, town, gemeente;
  std::array<std::string, 4> division_code, division_name;  // as regional_divisions
  int line = 0;
};

struct DuoAddresses {
  FileRead file;
  std::map<std::string, AddressRecord> by_code;  // location code (BRIN + vestigingsnummer)
};

struct LatLon {
  double lat = 0.0, lon = 0.0;
};

struct GeocodedLocations {
  FileRead file;
  std::map<std::string, LatLon> by_code;
  std::vector<std::pair<std::string, LatLon>> town_points;  // (town, where) of every row with a town
  ImportWarnings warnings;
};

DuoAddresses read_duo_addresses(const std::string& path);
GeocodedLocations read_geocoded_locations(const std::string& path);

// Great-circle distance in km (for checks on coordinates; the model uses projected km).
double distance_km(LatLon a, LatLon b);
// Coordinates inside a box around the Netherlands.
bool in_netherlands(LatLon p);

}  // namespace stosim
