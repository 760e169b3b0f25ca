// libFuzzer target: any bytes as a scenario file. The loader must accept them or throw a
// ScenarioError; a crash, a leak, undefined behaviour, a hang or a huge allocation is a bug.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>

#include "run/scenario.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string path = "/tmp/stosim_fuzz_scenario_" + std::to_string(::getpid()) + ".yaml";
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  try {
    const stosim::Scenario scenario = stosim::load_scenario(path);
    (void)stosim::to_yaml(scenario);
  } catch (const stosim::ScenarioError&) {
  }
  std::remove(path.c_str());
  return 0;
}
