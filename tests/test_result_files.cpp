// Damaged, inconsistent and unpaired run files given to export, compare and report: each is
// refused with exit code 2 and a message naming the file (and the dataset or the difference),
// never read out of bounds, never turned into an empty or wrong table.
#include <catch2/catch.hpp>

#include <fstream>
#include <random>

#include "cli_helpers.hpp"
#include "sim/hdf5_file.hpp"

using namespace stosim;
using namespace stosim::testing;

namespace {

// Runs export, compare (against `good`) and report on `bad`; each must exit with 2 and name it.
void check_refused_everywhere(const fs::path& bad, const fs::path& good, const fs::path& dir,
                              const std::string& message) {
  const std::string commands[] = {
      "export " + bad.string() + " --csv " + (dir / "csv").string(),
      "compare " + good.string() + " " + bad.string() + " -o " + (dir / "effects.csv").string(),
      "report " + bad.string() + " -o " + (dir / "report.html").string(),
      "report " + good.string() + " --against " + bad.string() + " -o " + (dir / "report.html").string(),
  };
  for (const std::string& command : commands) {
    const Outcome r = stosim_run(command);
    INFO(command << "\n" << r.output);
    CHECK(r.code == 2);
    CHECK_THAT(r.output, Catch::Contains(bad.filename().string()));
    CHECK_THAT(r.output, Catch::Contains(message));
  }
  CHECK_FALSE(fs::exists(dir / "csv" / "national.csv"));
  CHECK_FALSE(fs::exists(dir / "effects.csv"));
  CHECK_FALSE(fs::exists(dir / "report.html"));
}

const fs::path& good_run() {
  static const fs::path dir = fresh_folder("result_files");
  static const fs::path path = [] {
    const fs::path p = dir / "good.h5";
    REQUIRE(stosim_run(small_run_arguments(p, 2)).code == 0);
    return p;
  }();
  return path;
}

fs::path copy_of_good(const fs::path& dir, const std::string& name) {
  const fs::path copy = dir / name;
  fs::copy_file(good_run(), copy, fs::copy_options::overwrite_existing);
  return copy;
}

}  // namespace

TEST_CASE("ResultFiles.NotRunFilesAreInvalidInput", "[results][e2e][errors]") {
  const fs::path dir = fresh_folder("not_runs");
  for (const char* name : {"empty.h5", "text.h5"})
    check_refused_everywhere(test_data / "bad_runs" / name, good_run(), dir, "not an HDF5 file");

  const fs::path truncated = dir / "truncated.h5";
  const std::string bytes = file_text(good_run());
  std::ofstream(truncated, std::ios::binary) << bytes.substr(0, bytes.size() / 2);
  check_refused_everywhere(truncated, good_run(), dir, "truncated.h5");
}

TEST_CASE("ResultFiles.ShapesThatDisagreeAreRefused", "[results][e2e][errors]") {
  const fs::path dir = fresh_folder("bad_shapes");
  const fs::path bad = copy_of_good(dir, "fewer_locations.h5");
  {
    // Drop the last location: every location indicator now has one unit too many.
    const hid_t file = H5Fopen(bad.string().c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
    REQUIRE(file >= 0);
    std::vector<std::string> codes = h5::read_strings(file, "entities/locations/code");
    codes.pop_back();
    REQUIRE(H5Ldelete(file, "entities/locations/code", H5P_DEFAULT) >= 0);
    const h5::Handle group = h5::open_group(file, "entities/locations");
    h5::write_strings(group.id(), "code", codes);
    H5Fclose(file);
  }
  // Sealed again, as a writer that made it so would have: the shape check, not the seal, must refuse it.
  h5::seal_file(bad.string());
  check_refused_everywhere(bad, good_run(), dir, "disagrees with");
  const Outcome r = stosim_run("export " + bad.string() + " --csv " + (dir / "csv").string());
  CHECK_THAT(r.output, Catch::Contains("/indicators/location/"));
}

// Flipped bytes anywhere after the seal (sim/hdf5_file.hpp): in HDF5's own metadata they used to
// crash libhdf5 1.10 inside H5Fopen (exit 139); the seal is checked before HDF5 reads a byte.
TEST_CASE("ResultFiles.DamagedValuesAreRefusedByEveryReader", "[results][e2e][errors]") {
  const fs::path dir = fresh_folder("flipped");
  const std::string original = file_text(good_run());
  // 200 flipped bytes at seeded places beyond the superblock: whatever one reader refuses, the
  // others refuse too (report reads and checks every dataset, as export does).
  for (unsigned seed : {1u, 2u, 3u, 4u, 5u}) {
    std::string bytes = original;
    std::mt19937 rng(seed);
    std::uniform_int_distribution<std::size_t> at(512, bytes.size() - 1);
    for (int i = 0; i < 200; ++i) bytes[at(rng)] ^= static_cast<char>(0x5A);
    const fs::path bad = dir / ("flipped_" + std::to_string(seed) + ".h5");
    std::ofstream(bad, std::ios::binary) << bytes;
    const Outcome exported = stosim_run("export " + bad.string() + " --csv " + (dir / "csv").string());
    const Outcome compared = stosim_run("compare " + good_run().string() + " " + bad.string());
    const Outcome reported = stosim_run("report " + bad.string() + " -o " + (dir / "r.html").string());
    INFO("seed " << seed << "\nexport: " << exported.output << "\ncompare: " << compared.output
                 << "\nreport: " << reported.output);
    CHECK(exported.signal == 0);
    CHECK(compared.signal == 0);
    CHECK(reported.signal == 0);
    CHECK(exported.code == 2);
    CHECK(compared.code == exported.code);
    CHECK(reported.code == exported.code);
  }
}

TEST_CASE("ResultFiles.UnpairedRunsAreRefusedNamingTheDifference", "[results][e2e][errors]") {
  const fs::path dir = fresh_folder("unpaired");
  const struct {
    std::string arguments, difference;
  } cases[] = {
      {"--scale 0.03 --replicates 2 --end-year 2019", "population 'synthetic, scale 0.02' / 'synthetic, scale 0.03'"},
      {"--scale 0.02 --replicates 2 --end-year 2019 --seed 7", "seed 2018 / 7"},
      {"--scale 0.02 --replicates 3 --end-year 2019", "replicates 2 / 3"},
      {"--scale 0.02 --replicates 2 --end-year 2020", "years 2018-2019 / 2018-2020"},
  };
  for (const auto& c : cases) {
    const fs::path other = dir / ("other_" + c.difference.substr(0, c.difference.find(' ')) + ".h5");
    REQUIRE(stosim_run("run baseline -o " + other.string() + " --threads 1 --quiet " + c.arguments).code == 0);
    for (const std::string& command :
         {"compare " + good_run().string() + " " + other.string(),
          "report " + good_run().string() + " --against " + other.string() + " -o " + (dir / "r.html").string()}) {
      const Outcome r = stosim_run(command);
      INFO(command << "\n" << r.output);
      CHECK(r.code == 2);
      CHECK_THAT(r.output, Catch::Contains("cannot be paired"));
      CHECK_THAT(r.output, Catch::Contains(c.difference));
    }
  }
  CHECK_FALSE(fs::exists(dir / "r.html"));
}

TEST_CASE("ResultFiles.TheSealCatchesAnyChangedByte", "[results][errors]") {
  const fs::path dir = fresh_folder("seal");
  const std::string original = file_text(good_run());
  REQUIRE(original.compare(0, 23, "stosim sealed HDF5 file") == 0);
  // One byte of HDF5's superblock, just after the seal, and one of the last bytes.
  for (std::size_t at : {h5::seal_bytes + 40, original.size() - 3}) {
    std::string bytes = original;
    bytes[at] ^= 0x01;
    const fs::path changed = dir / ("changed_" + std::to_string(at) + ".h5");
    std::ofstream(changed, std::ios::binary) << bytes;
    INFO("byte " << at);
    CHECK_THROWS_WITH(h5::open_file(changed.string()), Catch::Contains("do not match the checksum"));
  }
  CHECK_NOTHROW(h5::open_file(good_run().string()));
}
