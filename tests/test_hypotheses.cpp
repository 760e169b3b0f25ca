// Each hypothesis pathway against the SAME scenario with only its switch off, so with the same
// money: hN (money_only with hN on) against money_only for H1-H8, and for H9, whose input is the
// change of quality that the other pathways bring, baseline against baseline with H9 off. A
// switch that does nothing fails its test. Statistical: small scale, ten replicates with common
// random numbers; the paired difference must lie more than three standard errors from zero in
// the direction of MODEL.md section 5.
#include "paired_effects.hpp"

using namespace stosim;
using namespace stosim::testing;

namespace {

const Arm money_only{"money_only", {}};
Arm alone(const std::string& h) { return {h, {}}; }
const Arm baseline{"baseline", {}};
Arm baseline_without(const std::string& h) { return {"baseline", {{h + ".enabled", "false"}}}; }

}  // namespace

TEST_CASE("Hypotheses.H1AgreementsConcentrateAndLengthenTravel", "[hypotheses][statistical]") {
  check_falls(alone("h1"), money_only, "small_duplicate_pairs", technical_profiles);
  check_rises(alone("h1"), money_only, "programmes_concentrated");
  // Larger programmes: fewer technical programmes for the same students.
  check_falls(alone("h1"), money_only, "technical_programmes");
  // The trade-off of seed report §2.2: concentration lengthens travel.
  check_rises(alone("h1"), money_only, "access_distance_mean", {1});
}

TEST_CASE("Hypotheses.H2HubsRaiseFacilityQualityAndUse", "[hypotheses][statistical]") {
  check_rises(alone("h2"), money_only, "technical_facility_quality");
  check_rises(alone("h2"), money_only, "hub_students");
}

TEST_CASE("Hypotheses.H3KeepsTeachers", "[hypotheses][statistical]") {
  check_falls(alone("h3"), money_only, "vacancy_fte", technical_profiles);
  check_rises(alone("h3"), money_only, "teachers_fte_total");
}

TEST_CASE("Hypotheses.H4RaisesJobChanceOfTechnicalTransitions", "[hypotheses][statistical]") {
  check_rises(alone("h4"), money_only, "mbo_job_chance_all");
  check_rises(alone("h4"), money_only, "mbo_technical");
}

TEST_CASE("Hypotheses.H5RaisesTechnicalChoiceKeuzevakkenAndTransition", "[hypotheses][statistical]") {
  check_rises(alone("h5"), money_only, "technical_share_bovenbouw");
  check_rises(alone("h5"), money_only, "technical_keuzevak_share", {2});  // from TL
  check_rises(alone("h5"), money_only, "mbo_technical");
}

TEST_CASE("Hypotheses.H6RaisesFacilityQuality", "[hypotheses][statistical]") {
  check_rises(alone("h6"), money_only, "technical_facility_quality");
}

TEST_CASE("Hypotheses.H7BuildsInnovationCapacity", "[hypotheses][statistical]") {
  check_rises(alone("h7"), money_only, "innovation");
}

TEST_CASE("Hypotheses.H8RaisesQualificationAndTeachersFromIndustry", "[hypotheses][statistical]") {
  check_rises(alone("h8"), money_only, "teachers_qualified_share_total");
  check_rises(alone("h8"), money_only, "teachers_from_industry");
}

TEST_CASE("Hypotheses.H9QualityRaisesTechnicalChoiceAndLowersDropout", "[hypotheses][statistical]") {
  // Under STO quality rises (H2, H6, H7, H8): H9 turns that into choices and motivation.
  check_rises(baseline, baseline_without("h9"), "technical_share_bovenbouw");
  check_falls(baseline, baseline_without("h9"), "dropped_out");
  check_rises(baseline, baseline_without("h9"), "mbo_technical_share", {1});  // also from non-technical profiles
  check_falls(baseline, baseline_without("h9"), "mbo_dropout_share", {0});
}

TEST_CASE("Hypotheses.MoneyWithoutPathwaysKeepsSmallProgrammes", "[hypotheses][money][statistical]") {
  // Seed report §2.2: money spent by schools on their own programmes keeps small ones alive.
  check_rises(money_only, {"no_sto", {}}, "technical_programmes");
}
