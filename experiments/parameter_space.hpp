#pragma once
// Numeric scenario keys as the parameters of an experiment: their declared ranges (the bounds of
// every search) and a way to set them on a scenario without going through YAML.
#include <string>
#include <vector>

#include "run/scenario.hpp"

namespace stosim {

struct ParameterRange {
  std::string key;  // e.g. "h9.choice_effect", as in scenario files
  double low = 0.0, high = 1.0;
  bool integer = false;  // an int or bool key: values are rounded when set
};

// The declaration of a number, whole number or switch (0/1): its declared range. Throws
// ScenarioError for an unknown key, a key that is not a number, or one without a finite range.
ParameterRange declared_range(const std::string& key);

// Sets a declared key; throws ScenarioError when the key is unknown or the value out of range.
void set_parameter(Scenario& scenario, const std::string& key, double value);
double get_parameter(const Scenario& scenario, const std::string& key);

// A scenario with keys[i] = values[i].
Scenario with_parameters(const Scenario& base, const std::vector<std::string>& keys, const std::vector<double>& values);

// Maps a point of the unit cube onto the ranges.
std::vector<double> from_unit(const std::vector<ParameterRange>& ranges, const double* unit);

}  // namespace stosim
