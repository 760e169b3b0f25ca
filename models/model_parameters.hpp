#pragma once
// The parameters of every mechanism, one section each in a scenario file.
#include "models/demography.hpp"
#include "models/dropout.hpp"
#include "models/exams.hpp"
#include "models/mbo_transition.hpp"
#include "models/profile_choice.hpp"
#include "models/programme_viability.hpp"
#include "models/school_choice.hpp"

namespace stosim {

struct ModelParameters {
  DemographyParams demography;
  SchoolChoiceParams school_choice;
  ProgrammeViabilityParams programme_viability;
  DropoutParams dropout;
  ExamParams exams;
  MboTransitionParams mbo_transition;
  ProfileChoiceParams profile_choice;

  template <class V>
  void visit(V& v) {
    v.section("demography", demography);
    v.section("school_choice", school_choice);
    v.section("programme_viability", programme_viability);
    v.section("dropout", dropout);
    v.section("exams", exams);
    v.section("mbo_transition", mbo_transition);
    v.section("profile_choice", profile_choice);
  }
};

}  // namespace stosim
