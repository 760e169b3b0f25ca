#include "experiments/journal.hpp"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <utility>

#include "sim/data_error.hpp"

namespace stosim {

namespace {

constexpr char file_magic[8] = {'S', 'T', 'O', 'S', 'J', 'R', 'N', '1'};
constexpr std::uint32_t record_magic = 0x52454331;  // "REC1"

struct RecordHead {
  std::uint32_t magic, run, replicate, reserved;
  std::uint64_t size, checksum;
};

std::uint64_t checksum(const char* data, std::size_t size) {
  std::uint64_t hash = 14695981039346656037ull;
  for (std::size_t i = 0; i < size; ++i) hash = (hash ^ static_cast<unsigned char>(data[i])) * 1099511628211ull;
  return hash;
}

void write_all(int fd, const char* data, std::size_t size, const std::string& path) {
  while (size > 0) {
    const ssize_t n = ::write(fd, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw std::runtime_error(path + ": cannot write the journal: " + std::strerror(errno));
    data += n, size -= static_cast<std::size_t>(n);
  }
}

std::string header_bytes(const JournalHeader& h) {
  std::string bytes(file_magic, sizeof file_magic);
  std::string fp = h.fingerprint;
  fp.resize(32, ' ');
  bytes += fp;
  bytes.append(reinterpret_cast<const char*>(&h.runs), 8);
  bytes.append(reinterpret_cast<const char*>(&h.replicates), 8);
  return bytes;
}
constexpr std::size_t header_size = 8 + 32 + 8 + 8;

// Reads records from `in` until the end or a torn/corrupt record; returns the end of the last
// good one.
template <class Visit>
std::uint64_t scan(std::ifstream& in, Visit&& visit) {
  std::uint64_t good = header_size;
  in.seekg(static_cast<std::streamoff>(header_size));
  JournalRecord record;
  RecordHead head{};
  while (in.read(reinterpret_cast<char*>(&head), sizeof head)) {
    if (head.magic != record_magic || head.size > (std::uint64_t{1} << 36)) break;
    record.payload.resize(head.size);
    if (!in.read(record.payload.data(), static_cast<std::streamsize>(head.size))) break;
    if (checksum(record.payload.data(), record.payload.size()) != head.checksum) break;
    record.run = head.run, record.replicate = head.replicate;
    visit(record);
    good += sizeof head + head.size;
  }
  return good;
}

}  // namespace

bool crash_requested(const std::string& point, std::uint64_t count) {
  const char* hook = std::getenv("STOSIM_TEST_CRASH");
  if (!hook) return false;
  const std::string text = hook;
  if (text == point) return true;
  return text.rfind(point + ":", 0) == 0 && std::strtoull(text.c_str() + point.size() + 1, nullptr, 10) == count;
}

JournalHeader read_journal_header(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::string bytes(header_size, '\0');
  if (!in.read(bytes.data(), static_cast<std::streamsize>(header_size)) ||
      bytes.compare(0, sizeof file_magic, std::string(file_magic, sizeof file_magic)) != 0)
    throw DataError(path + ": not a stosim sweep journal (remove it to start afresh)");
  JournalHeader h;
  h.fingerprint = bytes.substr(8, 32);
  h.fingerprint.erase(h.fingerprint.find_last_not_of(' ') + 1);
  std::memcpy(&h.runs, bytes.data() + 40, 8);
  std::memcpy(&h.replicates, bytes.data() + 48, 8);
  return h;
}

Journal Journal::create(const std::string& path, const JournalHeader& header) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) throw std::runtime_error(path + ": cannot create the journal: " + std::strerror(errno));
  Journal journal(path, fd);
  const std::string bytes = header_bytes(header);
  write_all(fd, bytes.data(), bytes.size(), path);
  return journal;
}

Journal Journal::resume(const std::string& path, const JournalHeader& expected,
                        std::vector<std::pair<std::uint32_t, std::uint32_t>>& done) {
  const JournalHeader found = read_journal_header(path);
  if (found.fingerprint != expected.fingerprint || found.runs != expected.runs ||
      found.replicates != expected.replicates)
    throw DataError(path + ": the journal belongs to a different sweep (other runs, scenarios or stosim "
                           "version): resume with the same sweep file and build, or remove the journal");
  std::uint64_t good = 0;
  {
    std::ifstream in(path, std::ios::binary);
    good = scan(in, [&](const JournalRecord& r) { done.emplace_back(r.run, r.replicate); });
  }
  if (::truncate(path.c_str(), static_cast<off_t>(good)) != 0)
    throw std::runtime_error(path + ": cannot cut off the torn record: " + std::strerror(errno));
  const int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
  if (fd < 0) throw std::runtime_error(path + ": cannot open the journal: " + std::strerror(errno));
  return Journal(path, fd);
}

Journal::Journal(Journal&& other) noexcept
    : path_(std::move(other.path_)), fd_(std::exchange(other.fd_, -1)), appended_(other.appended_) {}

Journal::~Journal() {
  if (fd_ >= 0) ::close(fd_);
}

void Journal::append(const JournalRecord& record) {
  const RecordHead head{record_magic, record.run, record.replicate, 0, record.payload.size(),
                        checksum(record.payload.data(), record.payload.size())};
  std::vector<char> bytes(sizeof head + record.payload.size());
  std::memcpy(bytes.data(), &head, sizeof head);
  std::memcpy(bytes.data() + sizeof head, record.payload.data(), record.payload.size());
  std::lock_guard lock(mutex_);
  ++appended_;
  if (crash_requested("torn", appended_)) {
    write_all(fd_, bytes.data(), bytes.size() / 2, path_);
    ::kill(::getpid(), SIGKILL);
  }
  write_all(fd_, bytes.data(), bytes.size(), path_);
  if (crash_requested("record", appended_)) ::kill(::getpid(), SIGKILL);
}

std::size_t for_each_record(const std::string& path, const std::function<void(const JournalRecord&)>& visit) {
  read_journal_header(path);
  std::ifstream in(path, std::ios::binary);
  std::size_t count = 0;
  scan(in, [&](const JournalRecord& r) { visit(r), ++count; });
  return count;
}

}  // namespace stosim
