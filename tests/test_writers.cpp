// Every writer under faults: a full disk (RLIMIT_FSIZE), SIGINT and SIGTERM during the write,
// SIGKILL (a temporary left behind), a verification that fails. Each output appears complete
// and verified under its final name, or not at all; an existing output survives a failed write.
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>

#include "cli_helpers.hpp"
#include "import_helpers.hpp"
#include "output/report.hpp"
#include "sim/atomic_write.hpp"

using namespace stosim;
using namespace stosim::testing;

namespace {

// A failed write: non-zero exit (not a crash), a message naming the output and the cause, no
// HDF5 diagnostics, nothing under `final_name` and no temporary in `dir`.
void check_clean_failure(const Outcome& r, const fs::path& dir, const fs::path& final_name) {
  INFO(r.output);
  CHECK(r.signal == 0);
  CHECK(r.code == 1);
  CHECK_THAT(r.output, Catch::Contains(final_name.filename().string()));
  CHECK_THAT(r.output, Catch::Contains("disk is full"));
  CHECK_THAT(r.output, !Catch::Contains("HDF5-DIAG"));
  CHECK_THAT(r.output, !Catch::Contains("wrote"));
  CHECK_FALSE(fs::exists(final_name));
  CHECK_FALSE(has_temporaries(dir));
}

// A child process that starts writing `path` and then does `fault` (raises a signal).
int child_interrupted_while_writing(const fs::path& path, int signal_number) {
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    clean_up_temporaries_on_signals();
    write_atomically(path.string(), [&](const std::string& temporary) {
      std::ofstream(temporary) << "half of a file";
      ::raise(signal_number);
    });
    ::_exit(0);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFSIGNALED(status) ? WTERMSIG(status) : 0;
}

}  // namespace

TEST_CASE("Writers.FullDisk.Run", "[writers][e2e]") {
  const fs::path dir = fresh_folder("full_run");
  const fs::path out = dir / "out.h5";
  const Outcome full = stosim_run(small_run_arguments(out), 32 * 1024);
  check_clean_failure(full, dir, out);
  // The finished replicates wait in the journal for --resume, which writes the file once there is room.
  CHECK_THAT(full.output, Catch::Contains("out.h5.journal") && Catch::Contains("--resume"));
  CHECK(stosim_run(small_run_arguments(out)).code == 2);
  REQUIRE(stosim_run(small_run_arguments(out) + " --resume").code == 0);
  CHECK_FALSE(fs::exists(out.string() + ".journal"));

  // An existing output survives a failed write byte for byte.
  const std::string before = file_text(out);
  const Outcome again = stosim_run(small_run_arguments(out, 2), 32 * 1024);
  CHECK(again.code == 1);
  CHECK(file_text(out) == before);
  CHECK_FALSE(has_temporaries(dir));
}

TEST_CASE("Writers.FullDisk.Docs", "[writers][e2e]") {
  const fs::path dir = fresh_folder("full_docs");
  const Outcome r = stosim_run("docs " + dir.string(), 8 * 1024);
  check_clean_failure(r, dir, dir / "PARAMETERS.md");
  CHECK_FALSE(fs::exists(dir / "OUTPUT.md"));
  CHECK(listing(dir).empty());
}

TEST_CASE("Writers.FullDisk.ExportCompareReport", "[writers][e2e]") {
  const fs::path dir = fresh_folder("full_outputs");
  const fs::path a = dir / "a.h5", b = dir / "b.h5";
  REQUIRE(stosim_run(small_run_arguments(a, 2)).code == 0);
  REQUIRE(stosim_run(small_run_arguments(b, 2, 2019, "--set policy.enabled=false")).code == 0);

  SECTION("export: no CSV at all, even those that fitted") {
    const fs::path csv = dir / "csv";
    const Outcome r = stosim_run("export " + a.string() + " --csv " + csv.string(), 64 * 1024);
    INFO(r.output);
    CHECK(r.code == 1);
    CHECK_THAT(r.output, Catch::Contains("disk is full"));
    for (const char* name : {"national.csv", "region.csv", "location.csv"}) CHECK_FALSE(fs::exists(csv / name));
    if (fs::exists(csv)) CHECK_FALSE(has_temporaries(csv));
  }
  SECTION("compare -o") {
    const fs::path effects = dir / "effects.csv";
    check_clean_failure(stosim_run("compare " + a.string() + " " + b.string() + " --all-years -o " + effects.string(), 2048),
                        dir, effects);
  }
}

TEST_CASE("Writers.FullDisk.Report", "[writers][e2e]") {
  if (find_report_assets().empty()) {  // the chart library comes from `npm ci` in report/
    std::cout << "STOSIM_SKIPPED: no report assets (run scripts/install-deps.sh, or set STOSIM_REPORT_ASSETS)\n";
    WARN("skipped: no report assets");
    return;
  }
  const fs::path dir = fresh_folder("full_report");
  const fs::path a = dir / "a.h5", b = dir / "b.h5";
  REQUIRE(stosim_run(small_run_arguments(a, 2)).code == 0);
  REQUIRE(stosim_run(small_run_arguments(b, 2, 2019, "--set policy.enabled=false")).code == 0);
  const fs::path html = dir / "report.html";
  check_clean_failure(stosim_run("report " + a.string() + " --against " + b.string() + " -o " + html.string(), 8 * 1024),
                      dir, html);
}

TEST_CASE("Writers.FullDisk.Import", "[writers][e2e][import]") {
  STOSIM_REQUIRE_SHARED_DATA();
  const fs::path dir = fresh_folder("full_import");
  const fs::path out = dir / "population.h5";
  check_clean_failure(stosim_run("import --data " + shared_data.string() + " -o " + out.string() + " --quiet", 256 * 1024),
                      dir, out);
}

TEST_CASE("Writers.SignalsRemoveTheTemporary", "[writers]") {
  for (int signal_number : {SIGTERM, SIGINT}) {
    const fs::path dir = fresh_folder("signal_" + std::to_string(signal_number));
    const fs::path out = dir / "out.txt";
    CHECK(child_interrupted_while_writing(out, signal_number) == signal_number);
    INFO(listing(dir));
    CHECK(listing(dir).empty());
  }
}

TEST_CASE("Writers.NextWriteRemovesTheTemporaryOfAKilledProcess", "[writers]") {
  const fs::path dir = fresh_folder("sigkill");
  const fs::path out = dir / "out.txt";
  CHECK(child_interrupted_while_writing(out, SIGKILL) == SIGKILL);
  REQUIRE(has_temporaries(dir));  // SIGKILL cannot be caught: the temporary stays ...
  write_atomically(out.string(), [](const std::string& temporary) { std::ofstream(temporary) << "complete"; });
  CHECK_FALSE(has_temporaries(dir));  // ... until the next write of the same output
  CHECK(file_text(out) == "complete");

  // A temporary of a process that still runs (this one) is left alone.
  const fs::path live = dir / (".out.txt.tmp-" + std::to_string(::getppid()));
  std::ofstream(live) << "another writer";
  CHECK(remove_stale_temporaries(out.string()) == 0);
  CHECK(fs::exists(live));
}

TEST_CASE("Writers.VerificationFailureLeavesNothing", "[writers]") {
  const fs::path dir = fresh_folder("verify");
  const fs::path out = dir / "out.txt";
  std::ofstream(out) << "the old output";
  CHECK_THROWS_AS(write_atomically(
                      out.string(), [](const std::string& temporary) { std::ofstream(temporary) << "new"; },
                      [](const std::string&) { throw WriteError("does not read back"); }),
                  WriteError);
  CHECK(file_text(out) == "the old output");
  CHECK_FALSE(has_temporaries(dir));

  // Several files are one output: none is renamed into place unless all are written.
  const fs::path first = dir / "first.txt", second = dir / "second.txt";
  CHECK_THROWS_AS(write_atomically({text_output(first.string(), [](std::ostream& o) { o << "1"; }),
                                    {second.string(), [](const std::string&) { throw WriteError("fails"); }, {}}}),
                  WriteError);
  CHECK_FALSE(fs::exists(first));
  CHECK_FALSE(has_temporaries(dir));
}

TEST_CASE("Writers.OutputPathIsCheckedBeforeTheRun", "[writers][e2e][errors]") {
  const fs::path dir = fresh_folder("paths");
  fs::create_directories(dir / "a_directory");
  const struct {
    std::string output, message;
  } cases[] = {
      {(dir / "missing" / "out.h5").string(), "does not exist"},
      {(dir / "a_directory").string(), "is a directory"},
      {(dir / std::string(300, 'x')).string(), "characters long"},
  };
  for (const auto& c : cases) {
    // A run of 100,000 replicates would take hours: the check must come first.
    const Outcome r = stosim_run("run baseline -o " + c.output + " --scale 0.02 --replicates 100000 --quiet");
    INFO(r.output);
    CHECK(r.code == 2);
    CHECK_THAT(r.output, Catch::Contains(c.message));
  }
  if (::geteuid() != 0) {  // root writes anywhere
    fs::create_directories(dir / "read_only");
    fs::permissions(dir / "read_only", fs::perms::owner_read | fs::perms::owner_exec);
    const Outcome r = stosim_run(small_run_arguments(dir / "read_only" / "out.h5"));
    CHECK(r.code == 2);
    CHECK_THAT(r.output, Catch::Contains("cannot write in"));
  }
}

TEST_CASE("Writers.ReplacingAnOutputSaysSo", "[writers][e2e]") {
  const fs::path dir = fresh_folder("replace");
  const fs::path out = dir / "out.h5";
  const std::string arguments = "run baseline -o " + out.string() + " --scale 0.02 --end-year 2018 --threads 1";
  const Outcome first = stosim_run(arguments);
  REQUIRE(first.code == 0);
  CHECK_THAT(first.output, !Catch::Contains("replaces the existing"));
  const Outcome second = stosim_run(arguments);
  REQUIRE(second.code == 0);
  CHECK_THAT(second.output, Catch::Contains("replaces the existing"));
}
