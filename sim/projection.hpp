#pragma once
// The map projection every world uses: kilometres east and north of a point in the middle of the
// Netherlands (an equirectangular projection; within the country its error is below 1 %).
// Synthetic and imported worlds share it so that distances mean the same in both.
#include <cmath>

namespace stosim {

struct PointKm {
  double x, y;
};

inline constexpr double projection_lat = 52.2, projection_lon = 5.3;

inline PointKm project(double lat, double lon) {
  return {(lon - projection_lon) * 111.32 * std::cos(projection_lat * M_PI / 180.0),
          (lat - projection_lat) * 110.57};
}

// The inverse of project(): degrees of a point in kilometres.
inline double unproject_lat(double y_km) { return projection_lat + y_km / 110.57; }
inline double unproject_lon(double x_km) {
  return projection_lon + x_km / (111.32 * std::cos(projection_lat * M_PI / 180.0));
}

}  // namespace stosim
