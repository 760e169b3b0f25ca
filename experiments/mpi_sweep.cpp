#include "experiments/mpi_sweep.hpp"

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <stdexcept>

#if STOSIM_HAVE_MPI
// The C API only: the deprecated C++ bindings would need their own library.
#define OMPI_SKIP_MPICXX 1
#define MPICH_SKIP_MPICXX 1
#include <mpi.h>
#endif

namespace stosim {

bool launched_by_mpirun() {
  return std::getenv("OMPI_COMM_WORLD_SIZE") || std::getenv("PMI_SIZE") || std::getenv("PMIX_RANK");
}

#if STOSIM_HAVE_MPI

namespace {

enum Tag : int { request_tag = 1, reply_tag = 2, record_tag = 3, finished_tag = 4 };
constexpr std::uint64_t no_more_runs = ~std::uint64_t{0};
bool initialised = false;
std::mutex mpi_mutex;  // MPI_THREAD_SERIALIZED: one thread in MPI at a time

}  // namespace

MpiSession::MpiSession() {
  if (!launched_by_mpirun()) return;
  int provided = 0;
  MPI_Init_thread(nullptr, nullptr, MPI_THREAD_SERIALIZED, &provided);
  if (provided < MPI_THREAD_SERIALIZED) {
    MPI_Finalize();
    throw std::runtime_error("MPI: this MPI library does not allow calls from several threads");
  }
  initialised = true;
}

MpiSession::~MpiSession() {
  if (initialised) MPI_Finalize();
  initialised = false;
}

MpiRank mpi_rank() {
  MpiRank r;
  if (!initialised) return r;
  MPI_Comm_rank(MPI_COMM_WORLD, &r.rank);
  MPI_Comm_size(MPI_COMM_WORLD, &r.size);
  return r;
}

void mpi_broadcast(std::vector<std::uint8_t>& bytes) {
  if (!initialised) return;
  std::uint64_t n = bytes.size();
  MPI_Bcast(&n, 1, MPI_UINT64_T, 0, MPI_COMM_WORLD);
  bytes.resize(n);
  MPI_Bcast(bytes.data(), static_cast<int>(n), MPI_BYTE, 0, MPI_COMM_WORLD);
}

int mpi_broadcast_status(int status) {
  if (initialised) MPI_Bcast(&status, 1, MPI_INT, 0, MPI_COMM_WORLD);
  return status;
}

void mpi_abort(int code) {
  if (initialised) MPI_Abort(MPI_COMM_WORLD, code);
  std::exit(code);
}

MpiDispatcher::MpiDispatcher(std::function<std::optional<std::size_t>()> next,
                             std::function<void(const JournalRecord&)> deliver) {
  thread_ = std::thread([next = std::move(next), deliver = std::move(deliver)] {
    const int others = mpi_rank().size - 1;
    int finished = 0;
    JournalRecord record;
    std::vector<char> buffer;
    while (finished < others) {
      int flag = 0;
      MPI_Status status;
      MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &flag, &status);
      if (!flag) {
        // Not MPI's busy wait: rank 0's own workers need the core.
        std::this_thread::sleep_for(std::chrono::microseconds(200));
        continue;
      }
      int count = 0;
      MPI_Get_count(&status, MPI_BYTE, &count);
      buffer.resize(static_cast<std::size_t>(count));
      MPI_Recv(buffer.data(), count, MPI_BYTE, status.MPI_SOURCE, status.MPI_TAG, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
      if (status.MPI_TAG == request_tag) {
        const auto run = next();
        const std::uint64_t answer = run ? *run : no_more_runs;
        MPI_Send(&answer, 1, MPI_UINT64_T, status.MPI_SOURCE, reply_tag, MPI_COMM_WORLD);
      } else if (status.MPI_TAG == record_tag) {
        std::memcpy(&record.run, buffer.data(), 4);
        std::memcpy(&record.replicate, buffer.data() + 4, 4);
        record.payload.assign(buffer.begin() + 8, buffer.end());
        deliver(record);
      } else if (status.MPI_TAG == finished_tag) {
        ++finished;
      }
    }
  });
}

void MpiDispatcher::join() {
  if (thread_.joinable()) thread_.join();
}
MpiDispatcher::~MpiDispatcher() { join(); }

std::optional<std::size_t> mpi_request_run() {
  std::lock_guard lock(mpi_mutex);
  std::uint64_t answer = no_more_runs;
  MPI_Send(nullptr, 0, MPI_BYTE, 0, request_tag, MPI_COMM_WORLD);
  MPI_Recv(&answer, 1, MPI_UINT64_T, 0, reply_tag, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
  if (answer == no_more_runs) return std::nullopt;
  return static_cast<std::size_t>(answer);
}

void mpi_send_record(const JournalRecord& record) {
  std::vector<char> buffer(8 + record.payload.size());
  std::memcpy(buffer.data(), &record.run, 4);
  std::memcpy(buffer.data() + 4, &record.replicate, 4);
  std::memcpy(buffer.data() + 8, record.payload.data(), record.payload.size());
  std::lock_guard lock(mpi_mutex);
  MPI_Send(buffer.data(), static_cast<int>(buffer.size()), MPI_BYTE, 0, record_tag, MPI_COMM_WORLD);
}

void mpi_send_finished() {
  std::lock_guard lock(mpi_mutex);
  MPI_Send(nullptr, 0, MPI_BYTE, 0, finished_tag, MPI_COMM_WORLD);
}

#else  // built without MPI: a job of one rank

MpiSession::MpiSession() {}
MpiSession::~MpiSession() {}
MpiRank mpi_rank() { return {}; }
void mpi_broadcast(std::vector<std::uint8_t>&) {}
int mpi_broadcast_status(int status) { return status; }
void mpi_abort(int code) { std::exit(code); }
MpiDispatcher::MpiDispatcher(std::function<std::optional<std::size_t>()>, std::function<void(const JournalRecord&)>) {}
void MpiDispatcher::join() {}
MpiDispatcher::~MpiDispatcher() {}
std::optional<std::size_t> mpi_request_run() { return std::nullopt; }
void mpi_send_record(const JournalRecord&) {}
void mpi_send_finished() {}

#endif

}  // namespace stosim
