#pragma once
// Parameters are declared once, in a `visit` member of each parameter struct:
//
//   struct ExitParams {
//     double dropout_rate = 0.015;
//     template <class V> void visit(V& v) {
//       v(dropout_rate, "dropout_rate", {.unit = "1/year", .min = 0, .max = 1,
//         .description = "...", .source = "..."});
//     }
//   };
//
// The default is the member's initialiser. The same declaration drives YAML loading and
// validation, `stosim describe`, the resolved scenario in output files and docs/PARAMETERS.md,
// so none of them can drift from the code.
#include <limits>
#include <string_view>

namespace stosim {

struct ParamInfo {
  std::string_view unit = "";
  double min = -std::numeric_limits<double>::infinity();
  double max = std::numeric_limits<double>::infinity();
  std::string_view description = "";
  std::string_view source = "";
  std::string_view choices = "";  // for text and text lists: allowed values separated by '|'
};

}  // namespace stosim
