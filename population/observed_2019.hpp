#pragma once
// Published national figures for school year 2019/20 (DUO, "Leerlingen vo per vestiging naar
// onderwijstype", 1 October 2019), which the synthetic Netherlands reproduces at scale 1.
// Small routes (vakmanschaps- and beroepsroutes, about 1 % of year-3 students) are counted with
// the profile of their sector: techniek routes with D&P so that the technical share stays DUO's.
#include <array>

#include "sim/catalog.hpp"

namespace stosim::observed_2019 {

inline constexpr int locations_with_years_3_4 = 925;

// Locations with students in years 3-4, by the combination of leerwegen they offer.
struct LeerwegCombination {
  std::uint8_t mask;  // bit 0 BB, 1 KB, 2 GL, 3 TL
  int locations;
};
inline constexpr std::array<LeerwegCombination, 12> leerweg_combinations = {{
    {0b1000, 351}, {0b0111, 137}, {0b1111, 130}, {0b1011, 114}, {0b0011, 102}, {0b1100, 59},
    {0b0100, 9},   {0b1010, 8},   {0b1110, 6},   {0b0001, 5},   {0b1101, 2},   {0b0110, 2},
}};

// Locations offering each profile (BWI PIE M&T MaT MVI Groen D&P E&O Z&W HBR).
inline constexpr std::array<int, n_profiles> locations_per_profile = {179, 223, 98, 6,   53,
                                                                      93,  311, 257, 312, 99};

// Year-3 students per leerweg (BB, KB, GL) and profile.
inline constexpr std::array<std::array<int, n_profiles>, 3> year3_students = {{
    {1185, 1697, 631, 84, 279, 2651, 3578, 1880, 4452, 895},
    {1845, 2543, 777, 103, 910, 3187, 6563, 3944, 7165, 1397},
    {365, 576, 103, 85, 326, 2342, 9039, 1197, 1500, 209},
}};
inline constexpr int year3_tl = 38083;
inline constexpr std::array<int, n_leerwegen> year4_students = {17291, 28179, 12265, 44240};

// Share of boys among year-3 students of each profile, and in TL.
inline constexpr std::array<double, n_profiles> male_share_per_profile = {
    0.861, 0.951, 0.971, 0.897, 0.696, 0.470, 0.557, 0.653, 0.185, 0.559};
inline constexpr double male_share_tl = 0.524;

}  // namespace stosim::observed_2019
