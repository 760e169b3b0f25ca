// `stosim sweep`: a design of many runs, on threads, MPI ranks or job-array shards.
#include <fmt/format.h>

#include <cstdio>
#include <memory>
#include <optional>
#include <tuple>

#include "app/commands.hpp"
#include "experiments/mpi_sweep.hpp"
#include "experiments/sweep_runner.hpp"
#include "sim/data_error.hpp"

namespace stosim::app {

namespace {

struct SweepArgs {
  std::string sweep, output, shard;
  std::optional<int> threads;
  bool resume = false, quiet = false;
};

// "I/N" with 0 <= I < N.
std::pair<int, int> parse_shard(const std::string& text) {
  int index = -1, count = 0;
  char tail = 0;
  if (std::sscanf(text.c_str(), "%d/%d%c", &index, &count, &tail) != 2 || count < 1 || index < 0 ||
      index >= count)
    throw DataError(fmt::format("command line: --shard {}: expected I/N with 0 <= I < N, e.g. 0/4", text));
  return {index, count};
}

void print_messages(const std::vector<std::string>& messages, const char* what) {
  for (const auto& m : messages) std::fprintf(stderr, "%s\n", m.c_str());
  std::fprintf(stderr, "stosim: %s, nothing was run or written\n", what);
}

std::string description(const SweepSpec& spec, const SweepOptions& options, int ranks) {
  std::string text = fmt::format("stosim: sweep {}: {} runs x {} replicates ({} design)", spec.name,
                                 spec.runs.size(), spec.replicates, spec.design);
  if (options.shards > 1) text += fmt::format(", shard {}/{}", options.shard, options.shards);
  if (ranks > 1) text += fmt::format(", {} MPI ranks", ranks);
  return text;
}

int sweep(const SweepArgs& a) {
  // Under mpirun every rank reads and checks the sweep; only rank 0 speaks.
  MpiSession mpi;
  const MpiRank rank = mpi_rank();
  const bool leader = rank.rank == 0;
  try {
    const SweepSpec spec = load_sweep(a.sweep);
    SweepOptions options;
    options.output = a.output;
    options.threads = a.threads.value_or(0);
    options.resume = a.resume;
    options.progress = !a.quiet;
    if (!a.shard.empty()) std::tie(options.shard, options.shards) = parse_shard(a.shard);
    if (leader && !a.quiet) std::fprintf(stderr, "%s\n", description(spec, options, rank.size).c_str());
    const SweepReport report = run_sweep(spec, options);
    if (leader && !a.quiet)
      std::fprintf(stderr, "stosim: wrote %s (%zu replicates, %zu of them from the journal; %.1f s, %d threads x %d ranks)\n",
                   a.output.c_str(), report.tasks, report.resumed, report.seconds, report.threads, report.ranks);
    return 0;
  } catch (const ScenarioError& e) {
    if (leader) print_messages(e.messages(), "invalid sweep");
    return exit_invalid_input;
  } catch (const DataError& e) {
    if (leader) print_messages(e.messages(), "invalid input");
    return exit_invalid_input;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "stosim: error: %s\n", e.what());
    if (rank.size > 1) mpi_abort(1);
    return 1;
  }
}

}  // namespace

Command add_sweep_command(CLI::App& app) {
  auto a = std::make_shared<SweepArgs>();
  CLI::App* cmd = app.add_subcommand("sweep", R"TEXT(Run a design of many runs and write one HDF5 file.

SWEEP is a YAML file: a base scenario, a design over its keys or over scenarios (list, grid,
latin_hypercube, sobol), the replicates of every run (common random numbers), and the per-run
summaries and full indicators to keep (docs/EXPERIMENTS.md). Every run is resolved and checked
before anything runs. Finished replicates go to OUTPUT.journal as they finish; an interrupted
sweep continues with --resume and ends with the same results. Under mpirun, runs are handed out
to the ranks and rank 0 writes the file; --shard I/N runs every N-th run from run I (job
arrays) and `stosim merge` joins the shards. Results do not depend on threads, ranks or shards.
Progress (runs, runs/min, ETA) goes to stderr.

Examples:
  stosim sweep sweeps/example_grid.yaml -o grid.h5 --threads 2
  stosim sweep big.yaml -o big.h5 --resume            # after a crash or a kill
  mpirun -np 4 stosim sweep big.yaml -o big.h5 --threads 16
  stosim sweep big.yaml -o part0.h5 --shard 0/2 && stosim sweep big.yaml -o part1.h5 --shard 1/2
  stosim merge big.h5 part0.h5 part1.h5
  stosim export big.h5 --csv big_csv                  # design.csv, summaries.csv, ...)TEXT");
  cmd->add_option("SWEEP", a->sweep, "Sweep file (YAML)")->required()->check(CLI::ExistingFile);
  cmd->add_option("-o,--output", a->output, "HDF5 file to write (replaced when complete)")->required();
  cmd->add_option("--threads", a->threads, "Worker threads per process (default: all cores)")
      ->check(CLI::PositiveNumber);
  cmd->add_flag("--resume", a->resume, "Continue an interrupted sweep from OUTPUT.journal");
  cmd->add_option("--shard", a->shard, "Run only shard I of N (I from 0), for job arrays: I/N");
  cmd->add_flag("-q,--quiet", a->quiet, "No messages on stderr");
  return {cmd, [a] { return sweep(*a); }};
}

}  // namespace stosim::app
