#pragma once
// docs/PARAMETERS.md and docs/OUTPUT.md are generated from the declarations in code
// (`stosim docs DIR`); a test fails when the committed files differ from what the code says.
#include <string>

namespace stosim {

std::string parameters_markdown();
std::string output_markdown();
// docs/ODD.md with its channel table (between the markers <!-- channels:begin --> and
// <!-- channels:end -->) replaced by the one generated from models/channels.cpp.
std::string odd_with_channel_table(const std::string& odd);

// The same for a terminal: `stosim describe --keys` (every key with its type, default, allowed
// values, unit, meaning and source) and `stosim indicators` (every indicator with its levels,
// categories, unit and meaning).
std::string parameters_text();
std::string indicators_text();

}  // namespace stosim
