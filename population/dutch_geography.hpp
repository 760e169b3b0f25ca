#pragma once
// Public geographic knowledge used to place the synthetic Netherlands: the larger Dutch towns
// (approximate centre and population, rounded) and a coarse outline of the mainland.
#include <span>
#include <string_view>

namespace stosim {

struct Town {
  std::string_view name;
  double lat, lon;
  double population_thousands;
};

std::span<const Town> dutch_towns();

struct LatLon {
  double lat, lon;
};
// A coarse polygon of the Dutch mainland (counter-clockwise from Zeeuws-Vlaanderen).
std::span<const LatLon> dutch_outline();

}  // namespace stosim
