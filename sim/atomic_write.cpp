#include "sim/atomic_write.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <climits>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>

namespace stosim {

namespace fs = std::filesystem;

namespace {

// Why a system call failed, with the likely cause where there is one.
std::string reason(int error) {
  std::string text = std::strerror(error);
  if (error == ENOSPC || error == EFBIG || error == EDQUOT)
    text += ": the disk is full or the file is larger than allowed";
  return text;
}

// ---------------------------------------------------------------- temporaries and signals

// The temporaries being written, for the signal handler: fixed storage, no allocation there.
constexpr int max_pending = 16;
struct Slot {
  std::atomic<int> state{0};  // 0 free, 1 being filled, 2 holds a path
  char path[PATH_MAX + 1] = {};
};
std::array<Slot, max_pending> pending_slots;

void remove_pending_and_die(int signal_number) {
  for (Slot& slot : pending_slots)
    if (slot.state.load() == 2) ::unlink(slot.path);
  ::raise(signal_number);  // SA_RESETHAND restored the default action: end as the signal would
}

// A temporary file while it is written: removed when the write fails or the process is
// interrupted; kept only by commit().
class Pending {
 public:
  explicit Pending(std::string path) : path_(std::move(path)) {
    for (int i = 0; i < max_pending; ++i) {
      int expected = 0;
      if (path_.size() <= PATH_MAX && pending_slots[i].state.compare_exchange_strong(expected, 1)) {
        std::memcpy(pending_slots[i].path, path_.c_str(), path_.size() + 1);
        pending_slots[i].state.store(2);
        slot_ = i;
        break;
      }
    }
  }
  Pending(const Pending&) = delete;
  Pending& operator=(const Pending&) = delete;
  ~Pending() {
    if (!committed_) {
      std::error_code ignored;
      fs::remove(path_, ignored);
    }
    if (slot_ >= 0) pending_slots[slot_].state.store(0);
  }
  const std::string& path() const { return path_; }
  void commit() { committed_ = true; }

 private:
  std::string path_;
  int slot_ = -1;
  bool committed_ = false;
};

bool process_alive(long pid) {
  return pid > 0 && pid <= INT_MAX && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH);
}

// The PID of a temporary of `name` ("." NAME ".tmp-" PID, or NAME ".tmp-" PID), or -1.
long temporary_pid(const std::string& entry, const std::string& name) {
  for (const std::string& prefix : {"." + name + ".tmp-", name + ".tmp-"}) {
    if (entry.size() <= prefix.size() || entry.compare(0, prefix.size(), prefix) != 0) continue;
    const std::string digits = entry.substr(prefix.size());
    if (digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos) return -1;
    return std::stol(digits);
  }
  return -1;
}

void sync_directory(const fs::path& directory) {
  const int fd = ::open(directory.empty() ? "." : directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;  // not every file system lets a directory be opened; the rename is done
  ::fsync(fd);
  ::close(fd);
}

std::string too_long(const std::string& path) {
  return "the output path is " + std::to_string(path.size()) + " characters long; at most " +
         std::to_string(PATH_MAX) + " are allowed";
}

fs::path parent_of(const std::string& path) {
  const fs::path parent = fs::path(path).parent_path();
  return parent.empty() ? fs::path(".") : parent;
}

}  // namespace

// ---------------------------------------------------------------- checks before the work

void check_output_path(const std::string& path) {
  if (path.empty()) throw OutputPathError("the output file name is empty");
  const fs::path p(path);
  const std::string name = p.filename().string();
  if (name.empty() || name == "." || name == "..")
    throw OutputPathError(path + ": names a directory; give a file name");
  if (path.size() > PATH_MAX)
    throw OutputPathError(too_long(path));
  // The temporary ".NAME.tmp-PID" must fit too.
  constexpr std::size_t room_for_temporary = 17;
  if (name.size() + room_for_temporary > NAME_MAX)
    throw OutputPathError("the output file name is " + std::to_string(name.size()) +
                          " characters long; at most " + std::to_string(NAME_MAX - room_for_temporary) +
                          " are allowed");
  std::error_code error;
  if (fs::is_directory(p, error))
    throw OutputPathError(path + ": is a directory; give a file name");
  const fs::path parent = parent_of(path);
  if (!fs::exists(parent, error))
    throw OutputPathError(path + ": the directory " + parent.string() + " does not exist");
  if (!fs::is_directory(parent, error))
    throw OutputPathError(path + ": " + parent.string() + " is not a directory");
  if (::access(parent.c_str(), W_OK | X_OK) != 0)
    throw OutputPathError(path + ": cannot write in the directory " + parent.string() + " (" +
                          std::strerror(errno) + ")");
}

void check_output_directory(const std::string& directory) {
  if (directory.empty()) throw OutputPathError("the output directory name is empty");
  if (directory.size() > PATH_MAX) throw OutputPathError(too_long(directory));
  std::error_code error;
  fs::path existing = fs::absolute(directory, error);
  for (const auto& part : fs::path(directory))
    if (part.string().size() > NAME_MAX)
      throw OutputPathError(directory + ": a name in it is longer than " + std::to_string(NAME_MAX) + " characters");
  while (!existing.empty() && !fs::exists(existing, error)) existing = existing.parent_path();
  if (!fs::is_directory(existing, error))
    throw OutputPathError(directory + ": " + existing.string() + " is not a directory");
  if (::access(existing.c_str(), W_OK | X_OK) != 0)
    throw OutputPathError(directory + ": cannot write in " + existing.string() + " (" + std::strerror(errno) + ")");
}

std::string temporary_name(const std::string& path) {
  const fs::path p(path);
  return (p.parent_path() / ("." + p.filename().string() + ".tmp-" + std::to_string(::getpid()))).string();
}

int remove_stale_temporaries(const std::string& path) {
  const std::string name = fs::path(path).filename().string();
  std::error_code error;
  int removed = 0;
  for (const auto& entry : fs::directory_iterator(parent_of(path), error)) {
    const long pid = temporary_pid(entry.path().filename().string(), name);
    if (pid < 0 || pid == ::getpid() || process_alive(pid)) continue;
    std::error_code ignored;
    if (fs::remove(entry.path(), ignored)) ++removed;
  }
  return removed;
}

// ---------------------------------------------------------------- writing

void write_bytes(const std::string& path, const char* data, std::size_t size) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) throw WriteError("cannot create " + path + ": " + reason(errno));
  std::size_t done = 0;
  while (done < size) {
    const ssize_t n = ::write(fd, data + done, size - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int error = n < 0 ? errno : EIO;
      ::close(fd);
      throw WriteError("cannot write " + path + ": " + reason(error));
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) {
    const int error = errno;
    ::close(fd);
    throw WriteError("cannot flush " + path + " to the disk: " + reason(error));
  }
  if (::close(fd) != 0) throw WriteError("cannot close " + path + ": " + reason(errno));
}

void check_room_for(const std::string& path, std::uintmax_t bytes) {
  std::uintmax_t room = UINTMAX_MAX;
  const fs::path directory = fs::absolute(path).parent_path();
  struct statvfs disk {};
  if (::statvfs(directory.c_str(), &disk) == 0)
    room = static_cast<std::uintmax_t>(disk.f_bavail) * static_cast<std::uintmax_t>(disk.f_frsize);
  struct rlimit limit {};
  if (::getrlimit(RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY)
    room = std::min<std::uintmax_t>(room, limit.rlim_cur);
  if (bytes <= room) return;
  const auto mib = [](std::uintmax_t b) { return std::to_string((b + (1u << 20) - 1) >> 20); };
  throw WriteError("cannot write " + path + ": " + reason(ENOSPC) + " (it needs about " + mib(bytes) +
                   " MiB, there is room for " + mib(room) + " MiB)");
}

void sync_file(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw WriteError("cannot reopen " + path + ": " + reason(errno));
  const bool synced = ::fsync(fd) == 0;
  const int error = errno;
  ::close(fd);
  if (!synced) throw WriteError("cannot flush " + path + " to the disk: " + reason(error));
}

OutputFile text_output(const std::string& path, std::function<void(std::ostream&)> write) {
  auto size = std::make_shared<std::streamoff>(-1);
  auto make = [write = std::move(write), size](const std::string& temporary) {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) throw WriteError("cannot create " + temporary + ": " + reason(errno));
    errno = 0;
    write(out);
    out.flush();
    *size = out.tellp();
    const int error = errno;
    out.close();
    if (!out || *size < 0) throw WriteError("cannot write " + temporary + ": " + reason(error ? error : EIO));
    sync_file(temporary);
  };
  auto verify = [size](const std::string& temporary) {
    std::error_code error;
    const auto on_disk = fs::file_size(temporary, error);
    if (error || static_cast<std::streamoff>(on_disk) != *size)
      throw WriteError(temporary + " holds " + std::to_string(on_disk) + " bytes, not the " +
                       std::to_string(*size) + " written");
  };
  return {path, make, verify};
}

void write_atomically(const std::vector<OutputFile>& files) {
  std::vector<std::unique_ptr<Pending>> pending;
  for (const OutputFile& file : files) {
    remove_stale_temporaries(file.path);
    pending.push_back(std::make_unique<Pending>(temporary_name(file.path)));
    const std::string& temporary = pending.back()->path();
    try {
      file.write(temporary);
      if (file.verify) file.verify(temporary);
    } catch (const WriteError& e) {
      throw WriteError(file.path + ": " + e.what() + "; nothing was written under this name");
    }
  }
  for (std::size_t i = 0; i < files.size(); ++i) {
    std::error_code error;
    fs::rename(pending[i]->path(), files[i].path, error);
    if (error)
      throw WriteError(files[i].path + ": cannot rename the written file into place: " + error.message());
    pending[i]->commit();
    sync_directory(parent_of(files[i].path));
  }
}

void write_text_atomically(const std::string& path, const std::string& text) {
  write_atomically({text_output(path, [&text](std::ostream& out) { out << text; })});
}

void write_atomically(const std::string& path, const std::function<void(const std::string&)>& write,
                      const std::function<void(const std::string&)>& verify) {
  write_atomically(std::vector<OutputFile>{{path, write, verify}});
}

void clean_up_temporaries_on_signals() {
  struct sigaction action {};
  action.sa_handler = remove_pending_and_die;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESETHAND;
  ::sigaction(SIGINT, &action, nullptr);
  ::sigaction(SIGTERM, &action, nullptr);
  ::signal(SIGXFSZ, SIG_IGN);
}

}  // namespace stosim
