// Numbers on the command line are taken exactly or refused with a short message and exit code 2:
// the seed (0 to 2^64-1, stored exactly), the thread count (1 to 1024), and runs too large for
// the machine's memory, refused before they start.
#include <catch2/catch.hpp>

#include "cli_helpers.hpp"
#include "sim/hdf5_file.hpp"

using namespace stosim;
using namespace stosim::testing;

namespace {

std::uint64_t stored_seed(const fs::path& run) {
  const h5::Handle file = h5::open_file(run.string());
  const h5::Handle meta = h5::open_group(file.id(), "metadata");
  const h5::Handle attribute(H5Aopen(meta.id(), "seed", H5P_DEFAULT), H5Aclose, "open seed");
  const h5::Handle type(H5Aget_type(attribute.id()), H5Tclose, "type of seed");
  CHECK(H5Tget_sign(type.id()) == H5T_SGN_NONE);
  CHECK(H5Tget_size(type.id()) == 8);
  return h5::read_uint_attribute(meta.id(), "seed");
}

}  // namespace

TEST_CASE("CliNumbers.SeedIsExact", "[cli][e2e]") {
  const fs::path dir = fresh_folder("seeds");
  for (const std::string seed : {"18446744073709551615", "9223372036854775808", "9007199254740993", "0"}) {
    const fs::path out = dir / ("seed_" + seed + ".h5");
    const Outcome r = stosim_run("run baseline -o " + out.string() + " --scale 0.02 --end-year 2018 --threads 1 -q --seed " + seed);
    INFO(r.output);
    REQUIRE(r.code == 0);
    CHECK(stored_seed(out) == std::stoull(seed));
  }
  for (const std::string seed : {"18446744073709551616", "-1", "1.5", "1e3", "seven", "' 7'"}) {
    const Outcome r = stosim_run("run baseline -o " + (dir / "x.h5").string() + " --scale 0.02 -q --seed " + seed);
    INFO(seed << ": " << r.output);
    CHECK(r.code == 2);
    CHECK_THAT(r.output, Catch::Contains("--seed: expected a whole number from 0 to 18446744073709551615"));
    CHECK_FALSE(fs::exists(dir / "x.h5"));
  }
}

TEST_CASE("CliNumbers.ThreadsHaveBounds", "[cli][e2e]") {
  const fs::path dir = fresh_folder("threads");
  for (const std::string threads : {"0", "1025", "1000000", "-2", "two"}) {
    for (const std::string& command : {"run baseline -o " + (dir / "x.h5").string() + " --scale 0.02 -q",
                                      "validate --initial-only --data " + dir.string()}) {
      const Outcome r = stosim_run(command + " --threads " + threads);
      INFO(command << " --threads " << threads << ": " << r.output);
      CHECK(r.code == 2);
      CHECK_THAT(r.output, Catch::Contains("--threads: expected a whole number from 1 to 1024"));
      CHECK(r.output.size() < 300);
    }
  }
  CHECK_FALSE(fs::exists(dir / "x.h5"));

  // Other bounded numbers: short messages too, never CLI11's 309-digit range.
  const struct {
    std::string command, message;
  } others[] = {
      {"import --data " + dir.string() + " -o " + (dir / "p.h5").string() + " --regions 0",
       "--regions: expected a whole number from 1 to 10000, got '0'"},
      {"import --data " + dir.string() + " -o " + (dir / "p.h5").string() + " --seed -1",
       "--seed: expected a whole number from 0 to 18446744073709551615, got '-1'"},
      {"validate --replicates 0", "--replicates: expected a whole number from 1 to 100000, got '0'"},
  };
  for (const auto& c : others) {
    const Outcome r = stosim_run(c.command);
    INFO(c.command << ": " << r.output);
    CHECK(r.code == 2);
    CHECK_THAT(r.output, Catch::Contains(c.message));
    CHECK(r.output.size() < 300);
  }
}

// Memory stays flat however many replicates (each is written and dropped as it finishes), but
// the disk must hold them: 100,000 replicates at scale 4 need terabytes even compressed 50x.
TEST_CASE("CliNumbers.RunsTooLargeForTheDiskAreRefusedFirst", "[cli][e2e]") {
  const fs::path dir = fresh_folder("disk");
  const Outcome r = stosim_run("run baseline -o " + (dir / "x.h5").string() + " --scale 4 --replicates 100000 --threads 1");
  INFO(r.output);
  CHECK(r.code == 2);
  CHECK_THAT(r.output, Catch::Contains("disk"));
  CHECK_THAT(r.output, Catch::Contains("replicates"));
  CHECK_FALSE(fs::exists(dir / "x.h5"));
  CHECK_FALSE(fs::exists(dir / "x.h5.journal"));
}
