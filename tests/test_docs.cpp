// The reference docs are generated from the declarations; the committed copies must match.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "run/reference_docs.hpp"

namespace {
std::string read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}
}  // namespace

TEST_CASE("Docs.ParametersMatchTheCode", "[docs]") {
  INFO("regenerate with: build/stosim docs docs/");
  CHECK(read(std::string(STOSIM_SOURCE_DIR) + "/docs/PARAMETERS.md") == stosim::parameters_markdown());
}

TEST_CASE("Docs.OutputMatchesTheCode", "[docs]") {
  INFO("regenerate with: build/stosim docs docs/");
  CHECK(read(std::string(STOSIM_SOURCE_DIR) + "/docs/OUTPUT.md") == stosim::output_markdown());
}
