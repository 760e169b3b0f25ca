#pragma once
// The fixed vocabularies of Dutch vmbo: leerwegen, profiles and DUO's exam sectors.
// Which profiles count as technical is scenario configuration (profiles.technical), not code.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stosim {

inline constexpr int n_leerwegen = 4;
enum class Leerweg : std::uint8_t { bb = 0, kb = 1, gl = 2, tl = 3 };
inline constexpr std::array<std::string_view, n_leerwegen> leerweg_codes = {"BB", "KB", "GL", "TL"};

// Leerwegen whose students follow a profile (TL students follow none).
inline constexpr bool has_profile(Leerweg lw) {
  return lw != Leerweg::tl;
}

inline constexpr int n_profiles = 10;
inline constexpr std::int8_t no_profile = -1;
inline constexpr std::array<std::string_view, n_profiles> profile_codes = {
    "BWI", "PIE", "M&T", "MaT", "MVI", "Groen", "D&P", "E&O", "Z&W", "HBR"};
inline constexpr std::array<std::string_view, n_profiles> profile_names = {
    "Bouwen, wonen en interieur",
    "Produceren, installeren en energie",
    "Mobiliteit en transport",
    "Maritiem en techniek",
    "Media, vormgeving en ICT",
    "Groen",
    "Dienstverlening en producten",
    "Economie en ondernemen",
    "Zorg en welzijn",
    "Horeca, bakkerij en recreatie"};

// For passes over the students that add a condition to a count instead of branching on it:
// profiles alternate at random in the students' order, so a branch on one is mispredicted often.
// The profile as an index, 0 for no profile (whose count then adds 0).
inline constexpr std::size_t profile_slot(std::int8_t profile) {
  return profile == no_profile ? 0 : static_cast<std::size_t>(profile);
}
// Whether the profile is one of the `technical` ones; false for no profile.
inline constexpr bool is_technical(std::int8_t profile,
                                   const std::array<bool, n_profiles>& technical) {
  return (profile != no_profile) & technical[profile_slot(profile)];
}

// DUO's exam files group vmbo candidates by sector; stosim maps each profile to one.
inline constexpr int n_sectors = 5;
inline constexpr std::array<std::string_view, n_sectors> sector_codes = {
    "techniek", "economie", "zorg_en_welzijn", "landbouw", "intersectoraal"};

std::optional<int> profile_index(std::string_view code);

// The profiles counted as technical unless a scenario says otherwise (profiles.technical).
inline const std::vector<std::string> default_technical_profiles = {"BWI", "PIE", "M&T", "MaT",
                                                                    "MVI"};
// One flag per profile: listed in `codes` (unknown codes are ignored; the scenario loader rejects
// them).
std::array<bool, n_profiles> technical_mask(const std::vector<std::string>& codes);

}  // namespace stosim
