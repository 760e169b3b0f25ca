#pragma once
// Pathway channels in one place. Every way in which STO changes the model is a channel; each
// channel belongs to exactly one of the nine hypothesis pathways H1-H9 of MODEL.md section 5, or
// to the money itself (what the money does whatever the pathways: it funds schools' own
// programmes, coordination and firms' subsidy, and follows the rules of plans and cofinancing).
// `channel_table()` lists them; `resolve_channels` turns this year's switches, agreements and
// envelopes into per-region values (World::channels), neutral where the owning pathway is off,
// so the mechanisms read values and never a switch. docs/ODD.md's channel table is generated
// from `channel_table()` (`stosim docs`).
//
// A pathway that is off keeps the money's amount and rules: the envelopes are split as always
// (models/policy.cpp) and booked as spent, but the activity of the pathway changes nothing, which
// is what "the hypothesis does not hold" means for attribution.
#include <span>
#include <string>
#include <string_view>

#include "models/model_parameters.hpp"
#include "models/context.hpp"
#include "sim/world.hpp"

namespace stosim {

enum class Pathway : std::uint8_t { money, h1, h2, h3, h4, h5, h6, h7, h8, h9 };
inline constexpr int n_pathways = 10;
std::string_view pathway_name(Pathway p);  // "money", "H1", ..., "H9"

struct ChannelSpec {
  std::string_view channel;     // name, as in docs/ODD.md
  Pathway pathway;              // the one owner
  std::string_view mechanism;   // the file whose code path reads it
  std::string_view meaning;
  std::string_view parameters;  // scenario keys of its strength, space separated
  std::string_view value;       // the ChannelValues member(s) it fills ("" for money read from flows)
};

std::span<const ChannelSpec> channel_table();

// The markdown table of docs/ODD.md (channel, pathway, mechanism, meaning, parameters).
std::string channels_markdown();

// Dose of a money pathway in [0, 1]: its envelope relative to `full_dose` euro per year-1 student
// of the region (1 for any money when full_dose is 0).
double money_dose(double envelope, double full_dose, double region_cohort);

// Phase 2b (after policy): this year's channel values per region. Pure: reads the parameters,
// the plan/agreement state and the envelopes of world.flows; writes only `out`.
void resolve_channels(const World& world, const ModelParameters& params, ChannelValues& out);

}  // namespace stosim
