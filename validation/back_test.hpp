#pragma once
// The back-test from the STO zero situation, school year 2017/18 (§4.2 of the research report):
// `stosim validate` imports 2017/18 from the exam files (population/zero_situation.hpp), runs
// scenario nl_2017 to 2019/20 and compares what it forecasts with DUO's count of 1 October 2019,
// which went into neither that state nor any fit: year-3 technical share per leerweg and per
// region (held out), and programmes per technical profile (fitted: h1.concentration_rate was
// chosen on them). validation/README.md explains each tolerance.
#include "sim/world.hpp"
#include "validation/validation.hpp"

namespace stosim {

// `observed` is the 2019/20 state as imported (the initial world of the validation's scenario).
void back_test_lines(ValidationResult& result, const ValidationOptions& options, const World& observed);

}  // namespace stosim
