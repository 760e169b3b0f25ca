#include "population/dutch_geography.hpp"

#include <array>

namespace stosim {

namespace {

// Rounded figures from general reference works (municipal populations around 2019).
constexpr std::array towns = {
    Town{"Amsterdam", 52.37, 4.90, 870},      Town{"Rotterdam", 51.92, 4.48, 650},
    Town{"Den Haag", 52.08, 4.30, 545},       Town{"Utrecht", 52.09, 5.12, 360},
    Town{"Eindhoven", 51.44, 5.48, 235},      Town{"Groningen", 53.22, 6.57, 233},
    Town{"Tilburg", 51.56, 5.09, 220},        Town{"Almere", 52.37, 5.21, 210},
    Town{"Breda", 51.59, 4.78, 185},          Town{"Nijmegen", 51.84, 5.85, 177},
    Town{"Apeldoorn", 52.21, 5.97, 163},      Town{"Arnhem", 51.98, 5.91, 162},
    Town{"Haarlem", 52.38, 4.64, 162},        Town{"Enschede", 52.22, 6.89, 159},
    Town{"Amersfoort", 52.16, 5.39, 157},     Town{"Zaanstad", 52.44, 4.83, 156},
    Town{"'s-Hertogenbosch", 51.70, 5.30, 155}, Town{"Zoetermeer", 52.06, 4.49, 125},
    Town{"Zwolle", 52.51, 6.09, 128},         Town{"Leiden", 52.16, 4.49, 124},
    Town{"Leeuwarden", 53.20, 5.80, 124},     Town{"Maastricht", 50.85, 5.69, 121},
    Town{"Dordrecht", 51.81, 4.67, 119},      Town{"Ede", 52.04, 5.67, 116},
    Town{"Alphen aan den Rijn", 52.13, 4.66, 112}, Town{"Alkmaar", 52.63, 4.75, 109},
    Town{"Emmen", 52.79, 6.90, 107},          Town{"Delft", 52.01, 4.36, 103},
    Town{"Venlo", 51.37, 6.17, 101},          Town{"Deventer", 52.25, 6.16, 100},
    Town{"Sittard-Geleen", 51.00, 5.87, 92},  Town{"Helmond", 51.48, 5.66, 92},
    Town{"Oss", 51.76, 5.52, 92},             Town{"Amstelveen", 52.30, 4.86, 90},
    Town{"Hilversum", 52.22, 5.18, 90},       Town{"Heerlen", 50.89, 5.98, 87},
    Town{"Hengelo", 52.27, 6.79, 81},         Town{"Purmerend", 52.50, 4.95, 81},
    Town{"Schiedam", 51.92, 4.40, 79},        Town{"Lelystad", 52.52, 5.47, 78},
    Town{"Roosendaal", 51.53, 4.46, 77},      Town{"Hoofddorp", 52.30, 4.69, 75},
    Town{"Gouda", 52.01, 4.71, 73},           Town{"Hoorn", 52.64, 5.06, 73},
    Town{"Almelo", 52.36, 6.66, 73},          Town{"Spijkenisse", 51.85, 4.33, 72},
    Town{"Vlaardingen", 51.91, 4.34, 73},     Town{"Assen", 52.99, 6.56, 68},
    Town{"Velsen", 52.46, 4.62, 68},          Town{"Bergen op Zoom", 51.49, 4.29, 67},
    Town{"Veenendaal", 52.03, 5.56, 66},      Town{"Capelle aan den IJssel", 51.93, 4.58, 67},
    Town{"Zeist", 52.09, 5.23, 65},           Town{"Nieuwegein", 52.03, 5.08, 63},
    Town{"Barneveld", 52.14, 5.58, 59},       Town{"Doetinchem", 51.97, 6.29, 58},
    Town{"Roermond", 51.19, 5.99, 58},        Town{"Heerhugowaard", 52.67, 4.83, 57},
    Town{"Den Helder", 52.96, 4.76, 56},      Town{"Oosterhout", 51.64, 4.86, 56},
    Town{"Hoogeveen", 52.72, 6.48, 55},       Town{"Terneuzen", 51.33, 3.83, 54},
    Town{"Kampen", 52.56, 5.91, 54},          Town{"Woerden", 52.09, 4.88, 52},
    Town{"Heerenveen", 52.96, 5.92, 50},      Town{"Weert", 51.25, 5.71, 50},
    Town{"Middelburg", 51.50, 3.61, 48},      Town{"Zutphen", 52.14, 6.20, 48},
    Town{"Waalwijk", 51.68, 5.07, 48},        Town{"Harderwijk", 52.35, 5.62, 47},
    Town{"Drachten", 53.11, 6.10, 45},        Town{"Veldhoven", 51.42, 5.40, 45},
    Town{"Vlissingen", 51.44, 3.57, 44},      Town{"Venray", 51.53, 5.97, 43},
    Town{"Tiel", 51.89, 5.43, 42},            Town{"Uden", 51.66, 5.62, 42},
    Town{"Wageningen", 51.97, 5.66, 39},      Town{"Goes", 51.50, 3.89, 38},
    Town{"Gorinchem", 51.83, 4.97, 37},       Town{"Coevorden", 52.66, 6.74, 35},
    Town{"Sneek", 53.03, 5.66, 34},           Town{"Meppel", 52.70, 6.19, 34},
    Town{"Oldenzaal", 52.31, 6.93, 32},       Town{"Stadskanaal", 52.99, 6.95, 32},
    Town{"Boxtel", 51.59, 5.33, 31},          Town{"Valkenswaard", 51.35, 5.46, 31},
    Town{"Culemborg", 51.96, 5.23, 29},       Town{"Zaltbommel", 51.81, 5.25, 29},
    Town{"Winterswijk", 51.97, 6.72, 29},     Town{"Rijssen", 52.31, 6.52, 28},
    Town{"Emmeloord", 52.71, 5.75, 26},       Town{"Delfzijl", 53.33, 6.92, 25},
    Town{"Nijverdal", 52.36, 6.46, 24},       Town{"Steenwijk", 52.79, 6.12, 22},
    Town{"Hardenberg", 52.58, 6.62, 20},      Town{"Raalte", 52.39, 6.28, 19},
    Town{"Enkhuizen", 52.70, 5.29, 18},       Town{"Winschoten", 53.14, 7.04, 18},
    Town{"Harlingen", 53.17, 5.42, 15},       Town{"Dokkum", 53.33, 5.99, 13},
    Town{"Zierikzee", 51.65, 3.92, 11},       Town{"Oostburg", 51.33, 3.49, 5},
};

constexpr std::array outline = {
    LatLon{51.37, 3.37}, LatLon{51.27, 3.80}, LatLon{51.36, 4.24}, LatLon{51.46, 4.40},
    LatLon{51.44, 4.85}, LatLon{51.41, 5.02}, LatLon{51.26, 5.22}, LatLon{51.22, 5.55},
    LatLon{51.16, 5.82}, LatLon{50.75, 5.65}, LatLon{50.76, 6.02}, LatLon{51.00, 6.08},
    LatLon{51.18, 6.10}, LatLon{51.40, 6.22}, LatLon{51.62, 6.10}, LatLon{51.84, 5.95},
    LatLon{51.86, 6.38}, LatLon{51.95, 6.83}, LatLon{52.12, 7.06}, LatLon{52.45, 7.07},
    LatLon{52.65, 7.05}, LatLon{52.85, 7.08}, LatLon{53.18, 7.22}, LatLon{53.32, 7.05},
    LatLon{53.45, 6.85}, LatLon{53.46, 6.20}, LatLon{53.40, 5.75}, LatLon{53.20, 5.38},
    LatLon{53.05, 5.15}, LatLon{52.93, 5.03}, LatLon{52.96, 4.72}, LatLon{52.70, 4.62},
    LatLon{52.45, 4.55}, LatLon{52.20, 4.38}, LatLon{51.98, 4.10}, LatLon{51.82, 3.90},
    LatLon{51.70, 3.70}, LatLon{51.58, 3.43}, LatLon{51.45, 3.52},
};

}  // namespace

std::span<const Town> dutch_towns() { return towns; }
std::span<const LatLon> dutch_outline() { return outline; }

}  // namespace stosim
