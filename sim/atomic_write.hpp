#pragma once
// Outputs appear complete or not at all. Every file is written to a temporary beside its final
// name (DIR/.NAME.tmp-PID), checked at each step (write, flush, fsync, close), re-opened and
// verified, and only then renamed. A temporary left by a killed process (SIGKILL, power cut)
// is removed by the next write of the same output once its process is gone; SIGINT and SIGTERM
// remove the temporaries of the running process before it ends. docs/RELIABILITY.md.
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <stdexcept>
#include <string>
#include <vector>

namespace stosim {

// The output cannot be written where the user asked: no such directory, not writable, a
// directory, a name too long. Found before any work is done; the command line exits with 2.
class OutputPathError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Writing failed (disk full, file size limit, I/O error) or the written file did not read back
// as written. Nothing is left under the final name; the command line exits with 1.
class WriteError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Throws OutputPathError unless `path` can be written: its directory exists and is writable,
// it is not itself a directory, and its name fits the file system.
void check_output_path(const std::string& path);
// The same for a directory that will hold outputs; it may be missing when its parent can hold it.
void check_output_directory(const std::string& directory);

// DIR/.NAME.tmp-PID: hidden, and named so that a later run can tell whether its writer lives.
std::string temporary_name(const std::string& path);
// Removes DIR/.NAME.tmp-PID (and the older NAME.tmp-PID) left by processes that are gone;
// returns how many it removed.
int remove_stale_temporaries(const std::string& path);

// One output: `write` makes the whole file at the path it is given; `verify` re-opens it there
// and throws when it is not what was meant to be written.
struct OutputFile {
  std::string path;
  std::function<void(const std::string& temporary)> write;
  std::function<void(const std::string& temporary)> verify;
};

// Writes every file to its temporary and verifies it; renames them only when all are done, so
// a failure leaves none of them under its final name (and the earlier files untouched).
// Failures are WriteErrors naming the file.
void write_atomically(const std::vector<OutputFile>& files);
void write_atomically(const std::string& path, const std::function<void(const std::string&)>& write,
                      const std::function<void(const std::string&)>& verify = {});

// A text output streamed into `write`; verified by its size on disk.
OutputFile text_output(const std::string& path, std::function<void(std::ostream&)> write);

// A whole text known in advance, as one output.
void write_text_atomically(const std::string& path, const std::string& text);

// Writes bytes to a new file, checking every write, fsync and close.
void write_bytes(const std::string& path, const char* data, std::size_t size);
// Throws WriteError before a write of about `bytes` into `path` begins when the disk beside it
// has less room, or the process may not write a file that large (RLIMIT_FSIZE): for writers
// that stream to disk rather than from memory, so that they fail before the first byte.
void check_room_for(const std::string& path, std::uintmax_t bytes);

// Flushes a written file to the disk (fsync), or throws WriteError.
void sync_file(const std::string& path);

// From now on SIGINT and SIGTERM remove the temporaries being written before the process ends
// (with the signal's own status). SIGXFSZ is ignored, so a file size limit is a write error.
void clean_up_temporaries_on_signals();

}  // namespace stosim
