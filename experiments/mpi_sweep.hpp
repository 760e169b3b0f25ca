#pragma once
// The MPI side of a sweep, when stosim is built with STOSIM_MPI and launched under mpirun: rank 0
// keeps the journal and hands out runs one at a time to whichever rank asks (so fast and slow
// nodes balance); other ranks send each finished replicate to rank 0. Without MPI every function
// here behaves as a job of one rank.
#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <thread>
#include <vector>

#include "experiments/journal.hpp"

namespace stosim {

// True when this process was started by mpirun/mpiexec (Open MPI or a PMI launcher).
bool launched_by_mpirun();

// Initialises MPI for the life of the object when built with MPI and launched by mpirun.
class MpiSession {
 public:
  MpiSession();
  ~MpiSession();
  MpiSession(const MpiSession&) = delete;
  MpiSession& operator=(const MpiSession&) = delete;
};

struct MpiRank {
  int rank = 0, size = 1;
};
MpiRank mpi_rank();

// Rank 0's bytes to every rank.
void mpi_broadcast(std::vector<std::uint8_t>& bytes);
// Rank 0's status to every rank (other ranks pass anything).
int mpi_broadcast_status(int status);
[[noreturn]] void mpi_abort(int code);

// Rank 0: answers run requests from `next` and passes records from other ranks to `deliver`,
// until every other rank has said it is finished.
class MpiDispatcher {
 public:
  MpiDispatcher(std::function<std::optional<std::size_t>()> next, std::function<void(const JournalRecord&)> deliver);
  void join();
  ~MpiDispatcher();

 private:
  std::thread thread_;
};

// Ranks other than 0 (thread-safe): the next run to do, a finished record, the end.
std::optional<std::size_t> mpi_request_run();
void mpi_send_record(const JournalRecord& record);
void mpi_send_finished();

}  // namespace stosim
