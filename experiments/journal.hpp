#pragma once
// The journal of a sweep: an append-only file beside the output (OUT.h5.journal) holding every
// finished replicate as one checksummed record. A process killed at any moment leaves at most one
// torn record at the end, which `--resume` cuts off before it continues; the output file itself
// is written from the journal only when every replicate is in it.
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

namespace stosim {

struct JournalRecord {
  std::uint32_t run = 0;
  std::uint32_t replicate = 0;
  std::vector<char> payload;  // the replicate's encoded results (experiments/result_file.hpp)
};

struct JournalHeader {
  std::string fingerprint;  // of the sweep: a resumed sweep must be the same sweep
  std::uint64_t runs = 0;
  std::uint64_t replicates = 0;
};

class Journal {
 public:
  // Creates a new journal (the file must not exist).
  static Journal create(const std::string& path, const JournalHeader& header);
  // Opens an existing journal for appending after cutting off a torn last record; `done` gets
  // the (run, replicate) pairs it holds.
  static Journal resume(const std::string& path, const JournalHeader& expected,
                        std::vector<std::pair<std::uint32_t, std::uint32_t>>& done);
  Journal(Journal&& other) noexcept;
  Journal& operator=(Journal&&) = delete;
  ~Journal();

  // Appends one record (thread-safe); the record is on disk in full or, after a crash, cut off.
  void append(const JournalRecord& record);
  const std::string& path() const { return path_; }

 private:
  Journal(std::string path, int fd) : path_(std::move(path)), fd_(fd) {}
  std::string path_;
  int fd_ = -1;
  std::mutex mutex_;
  std::uint64_t appended_ = 0;
};

JournalHeader read_journal_header(const std::string& path);
// Calls `visit` for every complete record in order; returns how many there were.
std::size_t for_each_record(const std::string& path, const std::function<void(const JournalRecord&)>& visit);

// A test hook: STOSIM_TEST_CRASH=record:N kills the process (SIGKILL) after the Nth record,
// torn:N half-way through writing the Nth, finalize half-way through writing the output file.
bool crash_requested(const std::string& point, std::uint64_t count);

}  // namespace stosim
