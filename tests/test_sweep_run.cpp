// Running sweeps: results independent of threads, shards, ranks and interruptions
// (experiments/sweep_runner.hpp, journal.hpp, result_file.hpp).
#include <catch2/catch.hpp>

#include <cmath>
#include <iostream>

#include "experiments/result_file.hpp"
#include "experiments/sweep_runner.hpp"
#include "output/csv_export.hpp"
#include "output/sweep_reader.hpp"
#include "run/simulation.hpp"
#include "sim/data_error.hpp"
#include "sweep_helpers.hpp"

using namespace stosim;
using namespace stosim::testing;

namespace {

// 4 runs x 2 replicates of a small world over three years.
const std::string grid_sweep = R"(name: test_grid
scenario: baseline
set:
  population.scale: 0.02
  end_year: 2020
replicates: 2
design:
  type: grid
  parameters:
    profile_choice.beta_distance: [-0.3, -0.1]
    scenario: [baseline, no_sto]
summaries:
  - indicator: technical_share_bovenbouw
    statistic: last
  - name: bwi_students
    indicator: students
    level: region
    category: {profile: BWI}
    years: 2019-2020
indicators:
  levels: [national, region]
  names: [students, technical_share_bovenbouw]
)";

struct Fixture {
  std::filesystem::path dir = scratch_dir("sweep");
  std::string sweep = write_text(dir / "grid.yaml", grid_sweep);
  std::string reference = (dir / "reference.h5").string();
  Fixture() {
    SweepOptions o;
    o.output = reference, o.threads = 1, o.progress = false;
    run_sweep(load_sweep(sweep), o);
  }
};

Fixture& fixture() {
  static Fixture f;
  return f;
}

std::vector<double> read(const std::string& file, const std::string& path, std::vector<hsize_t>& shape) {
  const h5::Handle f = h5::open_file(file);
  return h5::read_doubles(f.id(), path, shape);
}

}  // namespace

TEST_CASE("A sweep's results do not depend on the number of threads", "[sweep]") {
  const std::string out = (fixture().dir / "threads3.h5").string();
  SweepOptions o;
  o.output = out, o.threads = 3, o.progress = false;
  run_sweep(load_sweep(fixture().sweep), o);
  CHECK(compare_results(fixture().reference, out).empty());
  CHECK_FALSE(std::filesystem::exists(journal_path(out)));
}

TEST_CASE("Summaries and indicators are the replicates' own values", "[sweep]") {
  const SweepSpec spec = load_sweep(fixture().sweep);
  std::vector<hsize_t> shape, region_shape, students_shape;
  const auto share = read(fixture().reference, "summaries/technical_share_bovenbouw_national_last", shape);
  const auto bwi = read(fixture().reference, "summaries/bwi_students", region_shape);
  const auto students = read(fixture().reference, "indicators/region/students", students_shape);
  REQUIRE(shape == std::vector<hsize_t>{4, 2, 1});
  const std::size_t share_id = indicator_id("technical_share_bovenbouw"), students_id = indicator_id("students");
  for (std::size_t run : {std::size_t{0}, std::size_t{3}}) {
    const Scenario s = spec.scenario(run);
    const World initial = build_initial_world(s);
    for (int r = 0; r < 2; ++r) {
      const IndicatorFrame frame = run_replicate(initial, s, r);
      const std::size_t at = run * 2 + static_cast<std::size_t>(r);
      CHECK(share[at] == frame.values(share_id, Level::national)[frame.at(share_id, Level::national, 2, 0, 0)]);
      const std::size_t regions = frame.units(Level::region);
      REQUIRE(region_shape[2] == regions);
      for (std::size_t u = 0; u < regions; ++u) {
        double sum = 0;  // BWI (profile 0) over the leerwegen, mean of 2019 and 2020
        for (std::size_t y : {1, 2})
          for (std::size_t l = 0; l < 4; ++l) sum += frame.values(students_id, Level::region)[frame.at(students_id, Level::region, y, u, l)];
        CHECK(bwi[at * regions + u] == sum / 2);
      }
      const auto& full = frame.values(students_id, Level::region);
      CHECK(std::equal(full.begin(), full.end(), students.begin() + static_cast<std::ptrdiff_t>(at * full.size())));
    }
  }
}

TEST_CASE("Every point of a sweep draws the same random numbers (common random numbers)", "[sweep]") {
  const std::string sweep = write_text(fixture().dir / "twins.yaml", R"(scenario: baseline
set: {population.scale: 0.02, end_year: 2019}
replicates: 2
design:
  type: list
  points: [{seed: 2018}, {seed: 2018}, {seed: 7}]
summaries: [{indicator: students_all_years, statistic: sum}]
)");
  const std::string out = (fixture().dir / "twins.h5").string();
  SweepOptions o;
  o.output = out, o.threads = 2, o.progress = false;
  run_sweep(load_sweep(sweep), o);
  std::vector<hsize_t> shape;
  const auto v = read(out, "summaries/students_all_years_national_sum", shape);
  CHECK(v[0] == v[2]);  // run 0 and run 1, replicate 0
  CHECK(v[1] == v[3]);
  CHECK(v[0] != v[1]);  // replicates differ
  CHECK(v[0] != v[4]);  // another seed differs
}

TEST_CASE("Shards of a sweep merged give the whole sweep", "[sweep]") {
  const SweepSpec spec = load_sweep(fixture().sweep);
  std::vector<std::string> shards;
  for (int i = 0; i < 3; ++i) {
    SweepOptions o;
    o.output = (fixture().dir / ("shard" + std::to_string(i) + ".h5")).string();
    o.threads = 2, o.progress = false, o.shard = i, o.shards = 3;
    run_sweep(spec, o);
    shards.push_back(o.output);
  }
  const std::string merged = (fixture().dir / "merged.h5").string();
  merge_shards(merged, {shards[2], shards[0], shards[1]});
  CHECK(compare_results(fixture().reference, merged).empty());
  CHECK_THROWS_AS(merge_shards(merged, {shards[0], shards[1]}), DataError);             // run 2 missing
  CHECK_THROWS_AS(merge_shards(merged, {shards[0], shards[1], shards[2], shards[0]}), DataError);  // twice
}

TEST_CASE("A sweep killed at any moment and resumed ends with the uninterrupted results", "[sweep][resume]") {
  const std::string out = (fixture().dir / "killed.h5").string();
  const std::string sweep = stosim_command("sweep '" + fixture().sweep + "' -q --threads 2 -o '" + out + "'");
  // Killed after the first record, half-way through a record, near the end, and while writing
  // the output file; then twice in a row.
  for (const std::string point : {"record:1", "torn:4", "record:7", "finalize", "record:2 torn:2"}) {
    INFO(point);
    std::filesystem::remove(out);
    std::string first = point, second;
    if (const auto space = point.find(' '); space != std::string::npos)
      first = point.substr(0, space), second = point.substr(space + 1);
    REQUIRE(shell("STOSIM_TEST_CRASH=" + first + " " + sweep) == -SIGKILL);
    REQUIRE(std::filesystem::exists(journal_path(out)));
    CHECK_FALSE(std::filesystem::exists(out));
    if (!second.empty()) REQUIRE(shell("STOSIM_TEST_CRASH=" + second + " " + sweep + " --resume") == -SIGKILL);
    // Without --resume the journal is kept, not overwritten.
    CHECK(shell(sweep + " 2>/dev/null") == 2);
    REQUIRE(shell(sweep + " --resume") == 0);
    CHECK(compare_results(fixture().reference, out).empty());
    CHECK_FALSE(std::filesystem::exists(journal_path(out)));
  }
}

TEST_CASE("A resumed sweep must be the same sweep", "[sweep][resume]") {
  const std::string out = (fixture().dir / "other.h5").string();
  REQUIRE(shell("STOSIM_TEST_CRASH=record:1 " +
                stosim_command("sweep '" + fixture().sweep + "' -q --threads 1 -o '" + out + "'")) == -SIGKILL);
  const std::string other = write_text(fixture().dir / "other.yaml",
                                       std::string(grid_sweep).replace(grid_sweep.find("end_year: 2020"), 14, "end_year: 2021"));
  CHECK(shell(stosim_command("sweep '" + other + "' -q --resume -o '" + out + "' 2>/dev/null")) == 2);
}

TEST_CASE("stosim run resumes after a kill with the same results", "[sweep][resume]") {
  const auto dir = fixture().dir;
  const std::string args = "run baseline -q --scale 0.02 --end-year 2020 --replicates 5 --threads 2 -o ";
  REQUIRE(shell(stosim_command(args + "'" + (dir / "run_ref.h5").string() + "'")) == 0);
  const std::string out = (dir / "run_killed.h5").string();
  REQUIRE(shell("STOSIM_TEST_CRASH=torn:3 " + stosim_command(args + "'" + out + "'")) == -SIGKILL);
  REQUIRE(shell(stosim_command(args + "'" + out + "' --resume")) == 0);
  CHECK(compare_results((dir / "run_ref.h5").string(), out).empty());
}

TEST_CASE("An invalid sweep runs nothing and writes nothing (exit 2)", "[sweep]") {
  const auto dir = fixture().dir;
  const std::string bad = write_text(dir / "bad.yaml", grid_sweep + "  - indicator: nonsense\n");
  const std::string out = (dir / "bad.h5").string();
  CHECK(shell(stosim_command("sweep '" + bad + "' -q -o '" + out + "' 2>/dev/null")) == 2);
  CHECK_FALSE(std::filesystem::exists(out));
  CHECK_FALSE(std::filesystem::exists(journal_path(out)));
}

TEST_CASE("Two MPI ranks give the single-process results", "[sweep][mpi]") {
#ifndef STOSIM_MPIEXEC
  std::cout << "STOSIM_SKIPPED: stosim was built without MPI (STOSIM_MPI=OFF)\n";
  return;
#else
  const std::string out = (fixture().dir / "mpi.h5").string();
  // Under AddressSanitizer the ranks do not check for leaks: Open MPI's own plugins leak at exit
  // (unloaded by then, so no suppression can name them). stosim's sweep code is leak-checked by
  // the single-process sweep tests; without ASan the variable is ignored.
  const std::string command = std::string("ASAN_OPTIONS=\"${ASAN_OPTIONS:-}:detect_leaks=0\" "
                                          "OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1 '") +
                              STOSIM_MPIEXEC + "' -np 2 --oversubscribe " +
                              stosim_command("sweep '" + fixture().sweep + "' -q --threads 1 -o '" + out + "'");
  REQUIRE(shell(command) == 0);
  CHECK(compare_results(fixture().reference, out).empty());
#endif
}

TEST_CASE("A sweep file whose values were changed is refused by every reader", "[sweep][errors]") {
  const auto damaged = fixture().dir / "damaged.h5";
  std::filesystem::copy_file(fixture().reference, damaged, std::filesystem::copy_options::overwrite_existing);
  {
    // One summary value changed where it is stored, as a bad disk or a careless edit would.
    const h5::Handle file(H5Fopen(damaged.c_str(), H5F_ACC_RDWR, H5P_DEFAULT), H5Fclose, "open");
    const h5::Handle set(H5Dopen2(file.id(), "summaries/bwi_students", H5P_DEFAULT), H5Dclose, "open");
    const h5::Handle space(H5Dget_space(set.id()), H5Sclose, "space");
    const hsize_t at[3] = {1, 1, 0}, one[3] = {1, 1, 1};
    H5Sselect_hyperslab(space.id(), H5S_SELECT_SET, at, nullptr, one, nullptr);
    const h5::Handle memory(H5Screate_simple(3, one, nullptr), H5Sclose, "space");
    const double changed = 12345.0;
    REQUIRE(H5Dwrite(set.id(), H5T_NATIVE_DOUBLE, memory.id(), space.id(), H5P_DEFAULT, &changed) >= 0);
  }
  // The whole file's seal sees the change first; sealed again, the dataset's own checksum must.
  CHECK_THROWS_WITH(check_result_file(damaged.string()), Catch::Contains("damaged"));
  h5::seal_file(damaged.string());
  CHECK_NOTHROW(check_result_file(fixture().reference));
  CHECK_THROWS_WITH(check_result_file(damaged.string()), Catch::Contains("summaries/bwi_students") &&
                                                            Catch::Contains("checksum"));
  CHECK_THROWS_AS(export_csv(damaged.string(), (fixture().dir / "damaged_csv").string()), DataError);
  CHECK_FALSE(std::filesystem::exists(fixture().dir / "damaged_csv" / "summaries.csv"));
  CHECK_THROWS_AS(merge_shards((fixture().dir / "merged_damaged.h5").string(), {damaged.string()}), DataError);
}
