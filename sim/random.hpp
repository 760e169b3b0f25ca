#pragma once
// Counter-based random streams (Random123 Philox4x32-10).
//
// A stream is a pure function of (seed, replicate, year, purpose, agent): there is no generator
// state shared between agents or threads, so results do not depend on the order of work, and the
// same replicate in two scenarios draws the same numbers for the same agent and purpose (common
// random numbers).
#include <Random123/philox.h>

#include <array>
#include <cmath>
#include <cstdint>
#include <stdexcept>

namespace stosim {

// One id per use of randomness. Append new purposes at the end: renumbering changes results.
enum class Purpose : std::uint32_t {
  world_geography = 1,
  world_locations,
  world_programmes,
  world_students,
  world_regions,
  cohort_size,
  home_zone,
  leerweg,  // retired: cohort entry draws the leerweg from the propensity stream's block
  propensity,
  location_choice,
  profile_choice,
  dropout,
  leaving,  // retired (unused); kept so that later purposes keep their numbers
  exam,
  repeat_year,  // retired (unused)
  mbo_transition,
  programme_move,
  location_image,  // retired (unused)
  plan_quality,
  plan_approval,
  keuzevak,
  mbo_programme,
  mbo_dropout,  // retired: mbo entry draws first-year dropout from the mbo_transition block
  concentration,
  world_mbo,
  world_firms,
  world_region_state,
  firm_partnership,
  labour_demand_spread,
  world_teachers,
  world_facilities,
  teacher_exit,
  teacher_qualification,
  teacher_hiring,
  // Experiments (designs, bootstrap, samplers): never inside a model run.
  shapley_ordering,
  morris_design,
  bootstrap,
  abc_prior,
  abc_proposal,
  sweep_design,  // Latin hypercube designs of sweeps (agent = the design's dimension)
  // Dynamics (issue 7): year-3 intake, closure hazard, openings, programme appeal.
  year3_intake,
  programme_closure,
  programme_opening,
  programme_appeal,
  initial_propensity,  // years 3-4 of the initial state, given their profile
  keuzevak_adoption,   // a location starting a funded keuzevak offer (agent = location)
  test = 1000,
};

struct StreamKey {
  std::uint64_t seed = 0;
  std::uint64_t replicate = 0;
};

// Philox4x32-10 rather than Philox4x64-10: about half the cost per block (6 against 11 ns on the
// development machine, bench/README.md), and a national replicate computes some 12 million
// blocks, about one per (student, purpose, year). The 192 bits of key and counter hold the
// stream's parts as
//   key     = seed (64 bits)
//   counter = block within the stream, agent, replicate, year << 12 | purpose (32 bits each),
// so agents are below 2^32, years below 2^20 and purposes below 2^12 (the constructor throws
// otherwise), and replicates count modulo 2^32 (the world's own slots, ~0 and ~0 - 1, become
// 2^32 - 1 and 2^32 - 2, which no run reaches).
//
// The counter's last word, year << 12 | purpose, for streams of agents whose ids ORed together
// are `agent_bits`: throws when an agent, the year or the purpose does not fit its bits.
inline std::uint32_t year_purpose_word(int year, Purpose purpose, std::uint64_t agent_bits) {
  if (agent_bits >> 32 != 0 || year < 0 || year >= (1 << 20) ||
      static_cast<std::uint32_t>(purpose) >= (1u << 12))
    throw std::out_of_range("random stream: agent, year or purpose beyond its counter's bits");
  return (static_cast<std::uint32_t>(year) << 12) | static_cast<std::uint32_t>(purpose);
}

class RandomStream {
 public:
  using Block = std::array<std::uint32_t, 4>;

  RandomStream(StreamKey key, int year, Purpose purpose, std::uint64_t agent)
      : key_{{static_cast<std::uint32_t>(key.seed), static_cast<std::uint32_t>(key.seed >> 32)}},
        counter_{{0, static_cast<std::uint32_t>(agent), static_cast<std::uint32_t>(key.replicate),
                  year_purpose_word(year, purpose, agent)}} {}

  // Uniform on the open interval (0, 1) with 32 bits, four per block: fine enough for every
  // probability the model draws against (the smallest step is 2^-32).
  double uniform() {
    if (next_ == 4) refill();
    const std::uint32_t bits = block_.v[next_++];
    return (static_cast<double>(bits) + 0.5) * 0x1.0p-32;
  }

  bool bernoulli(double p) { return uniform() < p; }

  // Standard normal by Box-Muller; two uniforms per draw keeps the stream position simple.
  double normal() {
    const double u1 = uniform();
    const double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
  }

  // Integer in [0, n).
  std::uint64_t below(std::uint64_t n) {
    return static_cast<std::uint64_t>(uniform() * static_cast<double>(n)) % (n == 0 ? 1 : n);
  }

 private:
  friend class StreamBatch;
  // The stream with its first block already computed (by StreamBatch): the same numbers as the
  // stream computing it itself.
  // StreamBatch has checked the parts against the counter's bits.
  RandomStream(StreamKey key, std::uint32_t year_purpose, std::uint32_t agent, const Block& first)
      : key_{{static_cast<std::uint32_t>(key.seed), static_cast<std::uint32_t>(key.seed >> 32)}},
        counter_{{1, agent, static_cast<std::uint32_t>(key.replicate), year_purpose}},
        block_{{first[0], first[1], first[2], first[3]}},
        next_(0) {}

  void refill() {
    block_ = generator_(counter_, key_);
    ++counter_.v[0];
    next_ = 0;
  }

  r123::Philox4x32 generator_;
  r123::Philox4x32::key_type key_;
  r123::Philox4x32::ctr_type counter_;
  r123::Philox4x32::ctr_type block_{};
  int next_ = 4;
};

// The streams of one purpose in one year, one per agent: what a loop over agents draws from.
struct StreamFamily {
  StreamKey key;
  int year = 0;
  Purpose purpose = Purpose::test;
  RandomStream of(std::uint64_t agent) const { return RandomStream(key, year, purpose, agent); }
};

// The streams of up to `width` agents of one family, their first blocks computed together. One
// stream at a time waits on each of its ten rounds' multiplies; sixteen blocks side by side (in
// AVX2 registers where the machine has them) cost about half as much each, and a national
// replicate computes some 12 million first blocks (bench/README.md). Each stream is
// bit-identical to family.of(agent): only where its first block comes from differs.
class StreamBatch {
 public:
  static constexpr int width = 16;
  // agents[0..count), count at most width; each below 2^32 like any stream's agent.
  StreamBatch(const StreamFamily& family, const std::uint64_t* agents, int count);
  RandomStream stream(int j) const {
    return RandomStream(family_.key, year_purpose_, agents_[j],
                        {word_[0][j], word_[1][j], word_[2][j], word_[3][j]});
  }

  // The two ways to compute the blocks, exposed for the test that they agree with Random123.
  static bool has_avx2();
  static void compute_scalar(const StreamFamily& family, const std::uint32_t* agents,
                             std::uint32_t (&word)[4][width]);
  static void compute_avx2(const StreamFamily& family, const std::uint32_t* agents,
                           std::uint32_t (&word)[4][width]);

 private:
  StreamFamily family_;
  std::uint32_t year_purpose_;  // the counter's last word
  alignas(32) std::uint32_t agents_[width];
  alignas(32) std::uint32_t word_[4][width];  // word_[w][j]: word w of agent j's first block
};

}  // namespace stosim
