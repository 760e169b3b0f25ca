// The channel table (models/channels.hpp): every channel belongs to one pathway or to the money,
// each switch moves only its own channels in the resolver, and with a pathway off the strength
// parameters of its channels change nothing in a run (their code paths are neutral).
#include <catch2/catch.hpp>

#include <fstream>
#include <functional>
#include <set>
#include <sstream>

#include "models/channels.hpp"
#include "run_helpers.hpp"

using namespace stosim;
using namespace stosim::testing;

namespace {

// The members of ChannelValues by the names the table uses.
using Equal = std::function<bool(const ChannelValues&, const ChannelValues&)>;
#define STOSIM_MEMBER(m) {#m, [](const ChannelValues& a, const ChannelValues& b) { return a.m == b.m; }}
const std::vector<std::pair<std::string, Equal>> members = {
    STOSIM_MEMBER(own_programme_money),     STOSIM_MEMBER(threshold_relief),
    STOSIM_MEMBER(opening_factor),
    STOSIM_MEMBER(concentration_rate),      STOSIM_MEMBER(protect_sole_provider),
    STOSIM_MEMBER(hub_money),               STOSIM_MEMBER(modernisation_money),
    STOSIM_MEMBER(attrition_factor),        STOSIM_MEMBER(side_entrant_factor),
    STOSIM_MEMBER(aligned_technical_shift), STOSIM_MEMBER(aligned_job_chance_weight),
    STOSIM_MEMBER(primary_exposure_shift),  STOSIM_MEMBER(keuzevak_adoption),
    STOSIM_MEMBER(keuzevak_shift),          STOSIM_MEMBER(keuzevak_choice_effect),
    STOSIM_MEMBER(innovation_growth),       STOSIM_MEMBER(innovation_decay),
    STOSIM_MEMBER(development_hours),       STOSIM_MEMBER(training_speedup),
    STOSIM_MEMBER(hybrids_per_core_partner), STOSIM_MEMBER(quality_choice),
    STOSIM_MEMBER(quality_dropout),         STOSIM_MEMBER(quality_mbo),
    STOSIM_MEMBER(quality_mbo_dropout)};
#undef STOSIM_MEMBER

std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  std::istringstream in{std::string(text)};
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// The ChannelValues members the table gives to a pathway.
std::set<std::string> members_of(Pathway p) {
  std::set<std::string> out;
  for (const ChannelSpec& c : channel_table())
    if (c.pathway == p)
      for (const std::string& m : words(c.value)) out.insert(m);
  return out;
}

bool& switch_of(PathwayParams& pw, Pathway p) {
  switch (p) {
    case Pathway::h1: return pw.h1.enabled;
    case Pathway::h2: return pw.h2.enabled;
    case Pathway::h3: return pw.h3.enabled;
    case Pathway::h4: return pw.h4.enabled;
    case Pathway::h5: return pw.h5.enabled;
    case Pathway::h6: return pw.h6.enabled;
    case Pathway::h7: return pw.h7.enabled;
    case Pathway::h8: return pw.h8.enabled;
    case Pathway::h9: break;
    case Pathway::money: break;
  }
  return pw.h9.enabled;
}

// A small world in which every region has an agreement and money in every envelope.
World funded_world() {
  const Scenario s = small_scenario(0.03);
  World w = build_initial_world(s);
  for (std::size_t r = 0; r < w.regions.size(); ++r) {
    w.region_state.plan_status[r] = PlanStatus::approved;
    w.region_state.collaboration[r] = 1.0f;
    for (int e = 0; e < n_envelopes; ++e) w.flows.envelope[r * n_envelopes + static_cast<std::size_t>(e)] = 1000.0 * (e + 1) * static_cast<double>(r + 1);
  }
  return w;
}

ChannelValues resolved(const World& w, const PathwayParams& pw) {
  ModelParameters p;
  p.pathways = pw;
  ChannelValues out;
  resolve_channels(w, p, out);
  return out;
}

std::set<std::string> changed(const ChannelValues& a, const ChannelValues& b) {
  std::set<std::string> out;
  for (const auto& [name, equal] : members)
    if (!equal(a, b)) out.insert(name);
  return out;
}

constexpr Pathway hypotheses[] = {Pathway::h1, Pathway::h2, Pathway::h3, Pathway::h4, Pathway::h5,
                                  Pathway::h6, Pathway::h7, Pathway::h8, Pathway::h9};

// A valid value different from the default for a scenario key (empty for text keys).
class Alternative {
 public:
  explicit Alternative(std::string key) : key_(std::move(key)) {}
  std::string value;

  template <class T>
  void operator()(T& field, std::string_view name, const ParamInfo& info) {
    if (join(std::string(name)) != key_) return;
    if constexpr (std::is_same_v<T, bool>) {
      value = field ? "false" : "true";
    } else if constexpr (std::is_same_v<T, int>) {
      value = std::to_string(field + 1 <= info.max ? field + 1 : field - 1);
    } else if constexpr (std::is_same_v<T, double>) {
      double x = field == 0.0 ? 0.5 : field * 0.5;
      if (x < info.min || x > info.max) x = field * 1.5;
      value = std::to_string(x);
    }
  }
  template <class Section>
  void section(std::string_view name, Section& s) {
    const std::string saved = prefix_;
    prefix_ = join(std::string(name));
    s.visit(*this);
    prefix_ = saved;
  }

 private:
  std::string join(const std::string& name) const { return prefix_.empty() ? name : prefix_ + "." + name; }
  std::string key_, prefix_;
};

std::string alternative_value(const std::string& key) {
  Scenario s = default_scenario();
  Alternative a(key);
  s.visit(a);
  return a.value;
}

std::string read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("Channels.EveryChannelHasOneOwnerAndKnownParameters", "[channels]") {
  std::set<std::string> names, values;
  std::set<Pathway> owners;
  const std::vector<std::string> keys = parameter_keys();
  const std::set<std::string> known(keys.begin(), keys.end());
  for (const ChannelSpec& c : channel_table()) {
    INFO(c.channel);
    CHECK(names.insert(std::string(c.channel)).second);  // one row per channel
    owners.insert(c.pathway);
    for (const std::string& key : words(c.parameters)) CHECK(known.count(key) == 1);
    for (const std::string& m : words(c.value)) CHECK(values.insert(m).second);  // one owner per value
  }
  CHECK(owners.size() == static_cast<std::size_t>(n_pathways));  // money and each of H1-H9
  // Every resolved value belongs to exactly one channel.
  for (const auto& [name, equal] : members) CHECK(values.count(name) == 1);
  CHECK(values.size() == members.size());
}

TEST_CASE("Channels.EachSwitchMovesOnlyItsOwnChannels", "[channels]") {
  const World w = funded_world();
  PathwayParams all_on, all_off;
  for (Pathway p : hypotheses) switch_of(all_off, p) = false;
  const ChannelValues on = resolved(w, all_on), off = resolved(w, all_off);
  for (Pathway p : hypotheses) {
    INFO(pathway_name(p));
    PathwayParams one_off = all_on, one_on = all_off;
    switch_of(one_off, p) = false;
    switch_of(one_on, p) = true;
    // Turning one switch off (from all on) or on (from all off) changes its channels, all of
    // them, and nothing else.
    CHECK(changed(on, resolved(w, one_off)) == members_of(p));
    CHECK(changed(off, resolved(w, one_on)) == members_of(p));
  }
}

TEST_CASE("Channels.OffMeansNeutral", "[channels]") {
  const World w = funded_world();
  PathwayParams all_off;
  for (Pathway p : hypotheses) switch_of(all_off, p) = false;
  const ChannelValues c = resolved(w, all_off);
  for (std::size_t r = 0; r < w.regions.size(); ++r) {
    CHECK(c.concentration_rate[r] == 0.0f);
    CHECK(c.protect_sole_provider[r] == 0);
    CHECK(c.hub_money[r] == 0.0);
    CHECK(c.modernisation_money[r] == 0.0);
    CHECK(c.attrition_factor[r] == 1.0f);
    CHECK(c.side_entrant_factor[r] == 1.0f);
    CHECK(c.aligned_technical_shift[r] == 0.0f);
    CHECK(c.aligned_job_chance_weight[r] == 0.0f);
    CHECK(c.primary_exposure_shift[r] == 0.0f);
    CHECK(c.keuzevak_adoption[r] == 0.0f);
    CHECK(c.keuzevak_shift[r] == 0.0f);
    CHECK(c.keuzevak_choice_effect[r] == 0.0f);
    CHECK(c.innovation_growth[r] == 0.0f);
    CHECK(c.innovation_decay[r] == 0.0f);
    CHECK(c.development_hours[r] == 0.0f);
    CHECK(c.training_speedup[r] == 0.0f);
    CHECK(c.hybrids_per_core_partner[r] == 0.0f);
    CHECK(c.quality_choice[r] == 0.0f);
    CHECK(c.quality_dropout[r] == 0.0f);
    CHECK(c.quality_mbo[r] == 0.0f);
    CHECK(c.quality_mbo_dropout[r] == 0.0f);
    CHECK(c.own_programme_money[r] > 0.0);  // the money's own channel stays
  }
}

TEST_CASE("Channels.DoseGrowsWithMoneyUpToTheFullDose", "[channels][money]") {
  CHECK(money_dose(0.0, 100.0, 50.0) == 0.0);
  CHECK(money_dose(2500.0, 100.0, 50.0) == Approx(0.5));
  CHECK(money_dose(1e9, 100.0, 50.0) == 1.0);
  CHECK(money_dose(1.0, 0.0, 50.0) == 1.0);  // no reference: any money is the full dose
  World w = funded_world();
  const ChannelValues full = resolved(w, {});
  for (double& e : w.flows.envelope) e *= 1e-3;
  const ChannelValues little = resolved(w, {});
  for (std::size_t r = 0; r < w.regions.size(); ++r) {
    CHECK(little.attrition_factor[r] > full.attrition_factor[r]);
    CHECK(little.development_hours[r] < full.development_hours[r]);
    CHECK(little.keuzevak_shift[r] < full.keuzevak_shift[r]);
  }
}

// With its pathway off, a channel's strength parameters change nothing: the whole run (money
// flowing) is bit-identical whatever their values. A channel whose code path ignored the
// resolved value (read its parameter or switch directly) would fail here.
TEST_CASE("Channels.WithItsPathwayOffAChannelChangesNothing", "[channels][slow]") {
  const std::vector<Override> small = {{"population.scale", "0.03"}, {"end_year", "2023"}};
  for (const ChannelSpec& c : channel_table()) {
    if (c.pathway == Pathway::money || c.parameters.empty()) continue;
    std::string section = std::string(pathway_name(c.pathway));
    section[0] = 'h';
    std::vector<Override> base = small;
    base.push_back({section + ".enabled", "false"});
    const Scenario reference_s = load_scenario("baseline", base);
    const IndicatorFrame reference = run_replicate(build_initial_world(reference_s), reference_s, 0);
    for (const std::string& key : words(c.parameters)) {
      const std::string value = alternative_value(key);
      INFO(c.channel << ": " << key << "=" << value << " with " << section << " off");
      REQUIRE(!value.empty());
      std::vector<Override> changed_s = base;
      changed_s.push_back({key, value});
      const Scenario s = load_scenario("baseline", changed_s);
      CHECK(identical(run_replicate(build_initial_world(s), s, 0), reference));
    }
  }
}

// The money's own channels act without any pathway: with STO money off, their parameters change
// nothing either.
TEST_CASE("Channels.WithoutMoneyTheMoneyChannelsChangeNothing", "[channels][money][slow]") {
  const std::vector<Override> small = {{"population.scale", "0.03"}, {"end_year", "2023"}};
  const Scenario reference_s = load_scenario("no_sto", small);
  const IndicatorFrame reference = run_replicate(build_initial_world(reference_s), reference_s, 0);
  for (const std::string key : {"programme_viability.funded_threshold_relief", "programme_viability.relief_full_dose",
                                "programme_openings.funded_effect", "programme_openings.full_dose",
                                "facilities.substitution", "policy.own_programmes_share"}) {
    std::vector<Override> o = small;
    o.push_back({key, alternative_value(key)});
    const Scenario s = load_scenario("no_sto", o);
    INFO(key);
    CHECK(identical(run_replicate(build_initial_world(s), s, 0), reference));
  }
}

TEST_CASE("Channels.OddTableMatchesTheCode", "[channels][docs]") {
  INFO("regenerate with: build/stosim docs docs/");
  const std::string odd = read(std::string(STOSIM_SOURCE_DIR) + "/docs/ODD.md");
  CHECK(odd.find(channels_markdown()) != std::string::npos);
}
