#pragma once
// docs/PARAMETERS.md and docs/OUTPUT.md are generated from the declarations in code
// (`stosim docs DIR`); a test fails when the committed files differ from what the code says.
#include <string>

namespace stosim {

std::string parameters_markdown();
std::string output_markdown();

}  // namespace stosim
