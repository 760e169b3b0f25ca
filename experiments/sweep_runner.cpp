#include "experiments/sweep_runner.hpp"

#include <tbb/global_control.h>
#include <tbb/info.h>
#include <tbb/parallel_for_each.h>
#include <tbb/task_arena.h>
#include <tbb/task_group.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <memory>
#include <mutex>

#include "experiments/journal.hpp"
#include "experiments/mpi_sweep.hpp"
#include "experiments/progress.hpp"
#include "experiments/result_file.hpp"
#include "run/simulation.hpp"
#include "sim/atomic_write.hpp"
#include "sim/data_error.hpp"
#include "sim/version.hpp"

namespace stosim {

namespace {

namespace fs = std::filesystem;

// The work left: runs of this shard with replicates not yet in the journal, in run order.
struct Pending {
  std::vector<std::uint32_t> runs;
  std::vector<std::vector<std::uint32_t>> replicates;  // per entry of `runs`
  std::size_t tasks = 0, done = 0, runs_done = 0;
};

Pending pending_work(const SweepSpec& spec, const SweepOptions& o, const std::vector<std::uint8_t>& done) {
  Pending p;
  const auto replicates = static_cast<std::size_t>(spec.replicates);
  for (std::size_t r = 0; r < spec.runs.size(); ++r) {
    if (static_cast<int>(r % static_cast<std::size_t>(o.shards)) != o.shard) continue;
    std::vector<std::uint32_t> left;
    for (std::size_t k = 0; k < replicates; ++k)
      if (!done[r * replicates + k]) left.push_back(static_cast<std::uint32_t>(k));
    p.tasks += replicates;
    p.done += replicates - left.size();
    if (left.empty()) {
      ++p.runs_done;
      continue;
    }
    p.runs.push_back(static_cast<std::uint32_t>(r));
    p.replicates.push_back(std::move(left));
  }
  return p;
}

// Initial populations, built once each by the first run that needs one and dropped after the
// last run that uses it has built its own initial world.
class PopulationCache {
 public:
  PopulationCache(const SweepSpec& spec, const Pending& pending) : entries_(static_cast<std::size_t>(spec.populations)) {
    for (auto& e : entries_) e = std::make_unique<Entry>();
    for (std::uint32_t run : pending.runs) ++entries_[static_cast<std::size_t>(spec.population_of_run[run])]->users;
  }
  std::shared_ptr<const World> acquire(int id, const Scenario& scenario) {
    Entry& e = *entries_[static_cast<std::size_t>(id)];
    // Isolated: a thread waiting here must not pick up another run that waits for this one.
    std::call_once(e.once, [&] {
      tbb::this_task_arena::isolate([&] { e.world = std::make_shared<const World>(build_population_world(scenario)); });
    });
    std::lock_guard lock(mutex_);
    return e.world;
  }
  void release(int id) {
    Entry& e = *entries_[static_cast<std::size_t>(id)];
    std::lock_guard lock(mutex_);
    if (--e.users == 0) e.world.reset();
  }

 private:
  struct Entry {
    std::once_flag once;
    std::shared_ptr<const World> world;
    int users = 0;
  };
  std::vector<std::unique_ptr<Entry>> entries_;
  std::mutex mutex_;
};

using NextRun = std::function<std::optional<std::size_t>()>;
using Deliver = std::function<void(const JournalRecord&)>;

// Runs every pending run that `next` hands out: one worker loop per thread takes a run, builds
// its initial world and runs its replicates as parallel tasks; each replicate's results are
// encoded in the worker and delivered, then dropped.
void execute(const SweepSpec& spec, const ResultLayout& layout, const Pending& pending, int threads,
             const NextRun& next, const Deliver& deliver) {
  PopulationCache populations(spec, pending);
  const auto process = [&](std::size_t index) {
    const std::uint32_t run = pending.runs[index];
    const Scenario scenario = spec.scenario(run);
    const int population_id = spec.population_of_run[run];
    World initial;
    {
      const std::shared_ptr<const World> population = populations.acquire(population_id, scenario);
      initial = build_initial_world(scenario, *population);
    }
    populations.release(population_id);
    tbb::parallel_for_each(pending.replicates[index].begin(), pending.replicates[index].end(),
                           [&](std::uint32_t replicate) {
                             const IndicatorFrame frame = run_replicate(initial, scenario, static_cast<int>(replicate));
                             deliver(JournalRecord{run, replicate, encode_replicate(layout, spec, frame)});
                           });
  };
  tbb::task_group workers;
  for (int t = 0; t < threads; ++t)
    workers.run([&] {
      while (const auto index = next()) tbb::this_task_arena::isolate([&] { process(*index); });
    });
  workers.wait();
}

std::vector<std::uint8_t> open_journal(const SweepSpec& spec, const SweepOptions& o, std::unique_ptr<Journal>& journal) {
  const std::string path = journal_path(o.output);
  const JournalHeader header{spec.fingerprint(), spec.runs.size(), static_cast<std::uint64_t>(spec.replicates)};
  std::vector<std::uint8_t> done(spec.tasks(), 0);
  if (!fs::exists(path)) {
    journal = std::make_unique<Journal>(Journal::create(path, header));
    return done;
  }
  if (!o.resume)
    throw DataError(fmt::format("{}: the journal of an interrupted run is here: add --resume to continue it, or "
                                "remove it to start afresh", path));
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
  journal = std::make_unique<Journal>(Journal::resume(path, header, pairs));
  for (const auto& [run, replicate] : pairs)
    done[run * static_cast<std::size_t>(spec.replicates) + replicate] = 1;
  return done;
}

// Memory stays flat however many replicates (each is written and dropped), but the disk holds
// them all, twice at the end (journal and file): a sweep that cannot fit is refused before its
// first replicate, not after hours. The results compress about 10x (scale 1, every indicator:
// 25 MB a replicate in memory, 2.4 MB in the file); assuming 50x, the refusal is certain.
void check_room_for_results(const SweepOptions& o, const ResultLayout& layout, const Pending& pending) {
  constexpr std::uintmax_t best_compression = 50;
  std::uintmax_t replicate_bytes = 0;
  for (const StoredBlock& b : layout.blocks) {
    std::uintmax_t n = sizeof(double);
    for (auto extent : b.shape) n *= extent;
    replicate_bytes += n;
  }
  const std::uintmax_t left = pending.tasks - pending.done;
  try {
    check_room_for(journal_path(o.output), 2 * left * (replicate_bytes / best_compression));
  } catch (const WriteError& e) {
    throw DataError(fmt::format("replicates: {} replicate(s) with {:.1f} MB of results each do not fit on the disk "
                                "even compressed 50x; use fewer replicates or runs, a smaller population.scale, "
                                "summaries instead of indicators, or another disk ({})",
                                left, static_cast<double>(replicate_bytes) / 1e6, e.what()));
  }
}

}  // namespace

std::string journal_path(const std::string& output) { return output + ".journal"; }

SweepReport run_sweep(const SweepSpec& spec, const SweepOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  const MpiRank mpi = mpi_rank();
  SweepReport report;
  report.threads = options.threads > 0 ? options.threads : tbb::info::default_concurrency();
  report.ranks = mpi.size;
  check_output_path(options.output);

  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, static_cast<std::size_t>(report.threads));
  tbb::task_arena arena(report.threads);
  std::shared_ptr<const World> population0;
  arena.execute([&] { population0 = std::make_shared<const World>(build_population_world(spec.scenario(0))); });
  const ResultLayout layout =
      make_layout(spec, population0->regions.size(), population0->locations.size(), options.run_file);

  // Rank 0 owns the journal; every rank learns from it which replicates are done.
  std::unique_ptr<Journal> journal;
  std::vector<std::uint8_t> done;
  int status = 0;
  std::string problem;
  if (mpi.rank == 0) {
    try {
      done = open_journal(spec, options, journal);
      check_room_for_results(options, layout, pending_work(spec, options, done));
    } catch (const DataError& e) {
      status = 2, problem = e.what();
      if (journal && std::count(done.begin(), done.end(), 1) == 0) {
        journal.reset();  // refused before its first replicate: no journal to resume
        fs::remove(journal_path(options.output));
      }
    }
  }
  if (mpi_broadcast_status(status) != 0) {
    if (mpi.rank == 0) throw DataError(problem);
    mpi_abort(2);
  }
  mpi_broadcast(done);
  const Pending pending = pending_work(spec, options, done);
  report.tasks = pending.tasks, report.resumed = pending.done;

  const bool terminal = isatty(STDERR_FILENO);
  SweepProgress progress(options.run_file ? 1 : pending.tasks / static_cast<std::size_t>(spec.replicates),
                         static_cast<std::size_t>(spec.replicates), pending.done, pending.runs_done,
                         options.progress && mpi.rank == 0, terminal);
  // Replicates left per run, to count runs as they complete.
  std::vector<std::atomic<std::uint32_t>> left(spec.runs.size());
  for (std::size_t i = 0; i < pending.runs.size(); ++i)
    left[pending.runs[i]] = static_cast<std::uint32_t>(pending.replicates[i].size());
  const Deliver to_journal = [&](const JournalRecord& record) {
    journal->append(record);
    progress.replicate_done(--left[record.run] == 0);
  };
  std::atomic<std::size_t> handed_out{0};
  const NextRun local_next = [&]() -> std::optional<std::size_t> {
    const std::size_t i = handed_out++;
    if (i >= pending.runs.size()) return std::nullopt;
    return i;
  };

  arena.execute([&] {
    if (mpi.size == 1) {
      execute(spec, layout, pending, report.threads, local_next, to_journal);
    } else if (mpi.rank == 0) {
      MpiDispatcher dispatcher(local_next, to_journal);
      execute(spec, layout, pending, report.threads, local_next, to_journal);
      dispatcher.join();
    } else {
      execute(spec, layout, pending, report.threads, mpi_request_run, mpi_send_record);
      mpi_send_finished();
    }
  });
  progress.finish();
  if (mpi.rank != 0) {
    report.wrote_output = false;
    return report;
  }
  journal.reset();
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  try {
    write_results(options.output, journal_path(options.output), spec, layout, *population0,
                  ResultInfo{report.threads, report.seconds, options.shard, options.shards});
  } catch (const WriteError& e) {
    // Hours of work are in the journal: say how to finish without them being lost.
    throw WriteError(fmt::format("{}\nstosim: every finished replicate is kept in {}: make room and run the same "
                                 "command with --resume to write {}",
                                 e.what(), journal_path(options.output), options.output));
  }
  fs::remove(journal_path(options.output));
  return report;
}

}  // namespace stosim
