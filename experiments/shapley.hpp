#pragma once
// Shapley values of a cooperative game with few players (at most 20), from the value of every
// coalition: exact over all 2^n coalitions, or sampled over random orderings of the players.
// Used by `stosim attribute` to split a scenario's effect over the nine pathways.
#include <cstdint>
#include <functional>
#include <vector>

namespace stosim {

// v[S] is the worth of the coalition whose members are the set bits of S (player i: bit i).
using CoalitionValues = std::vector<double>;

struct ShapleyResult {
  std::vector<double> value;        // Shapley value of each player; they add up to v[N] - v[0]
  std::vector<double> alone;        // v[{i}] - v[0]: the player's effect on its own
  std::vector<double> interaction;  // [i * n + j]: Shapley interaction index of the pair i, j
};

// Exact Shapley values and pairwise Shapley interaction indices (Grabisch & Roubens 1999):
//   phi_i  = sum over S without i of |S|!(n-|S|-1)!/n! (v[S+i] - v[S])
//   I_ij   = sum over S without i, j of |S|!(n-|S|-2)!/(n-1)! (v[S+ij] - v[S+i] - v[S+j] + v[S])
// `values` must have 2^n entries.
ShapleyResult exact_shapley(const CoalitionValues& values, int players);

// Monte Carlo estimate over `orderings` random orderings of the players (antithetic pairs: each
// ordering and its reverse), for games too large to enumerate. `worth` is called once per
// coalition on the orderings' paths, from one thread. Returns the mean marginal contribution of
// each player and its standard error.
struct SampledShapley {
  std::vector<double> value, standard_error;
};
SampledShapley sampled_shapley(const std::function<double(std::uint32_t)>& worth, int players,
                               int orderings, std::uint64_t seed);

}  // namespace stosim
