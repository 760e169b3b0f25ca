#pragma once
// The parameters of every mechanism, one section each in a scenario file, and the nine pathways
// (sections h1 ... h9).
#include "models/demography.hpp"
#include "models/dropout.hpp"
#include "models/exams.hpp"
#include "models/facilities.hpp"
#include "models/firms.hpp"
#include "models/keuzevakken.hpp"
#include "models/mbo_transition.hpp"
#include "models/pathways.hpp"
#include "models/policy.hpp"
#include "models/profile_choice.hpp"
#include "models/programme_openings.hpp"
#include "models/programme_viability.hpp"
#include "models/quality.hpp"
#include "models/regional_coordination.hpp"
#include "models/school_choice.hpp"
#include "models/teachers.hpp"

namespace stosim {

struct ModelParameters {
  DemographyParams demography;
  SchoolChoiceParams school_choice;
  PolicyParams policy;
  FirmParams firms;
  CoordinationParams regional_coordination;
  FacilityParams facilities;
  ProgrammeViabilityParams programme_viability;
  ProgrammeOpeningParams programme_openings;
  TeacherParams teachers;
  QualityParams quality;
  DropoutParams dropout;
  ExamParams exams;
  MboTransitionParams mbo_transition;
  ProfileChoiceParams profile_choice;
  KeuzevakParams keuzevakken;
  PathwayParams pathways;

  template <class V>
  void visit(V& v) {
    v.section("demography", demography);
    v.section("school_choice", school_choice);
    v.section("policy", policy);
    v.section("firms", firms);
    v.section("regional_coordination", regional_coordination);
    v.section("facilities", facilities);
    v.section("programme_viability", programme_viability);
    v.section("programme_openings", programme_openings);
    v.section("teachers", teachers);
    v.section("quality", quality);
    v.section("dropout", dropout);
    v.section("exams", exams);
    v.section("mbo_transition", mbo_transition);
    v.section("profile_choice", profile_choice);
    v.section("keuzevakken", keuzevakken);
    pathways.visit(v);
  }
};

}  // namespace stosim
