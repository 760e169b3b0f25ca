#pragma once
// Home zones: CBS postcode areas (PC4) with their number of young inhabitants, placed at the
// postcode's centroid.
#include <map>
#include <string>
#include <vector>

#include "population/duo_locations.hpp"
#include "population/import_summary.hpp"

namespace stosim {

struct PostcodeCentroids {
  FileRead file;
  std::map<std::string, LatLon> by_pc4;
};

struct PostcodeZones {
  FileRead file;
  std::vector<std::string> pc4;
  std::vector<LatLon> at;
  std::vector<double> youth;         // inhabitants younger than 15 (CBS)
  double youth_in_file = 0.0;        // every postcode's, with or without a centroid
  ImportWarnings warnings;
};

PostcodeCentroids read_postcode_centroids(const std::string& path);
PostcodeZones read_postcode_zones(const std::string& cbs_path, const PostcodeCentroids& centroids);

}  // namespace stosim
