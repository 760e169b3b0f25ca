#include "app/progress.hpp"

#include <cstdio>

namespace stosim::app {

Progress::Progress(int replicates, int years, bool enabled)
    : total_(replicates * years), enabled_(enabled), start_(std::chrono::steady_clock::now()) {}

void Progress::operator()(int replicate, int year) {
  const int done = ++done_;
  if (!enabled_) return;
  std::lock_guard lock(mutex_);
  const auto now = std::chrono::steady_clock::now();
  if (done < total_ && now - last_ < std::chrono::milliseconds(200)) return;
  last_ = now;
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  const double eta = done > 0 ? elapsed * (total_ - done) / done : 0.0;
  std::fprintf(stderr,
               "\rstosim: replicate %d, year %d — %d/%d replicate-years (%3.0f%%), ETA %.0f s   ",
               replicate + 1, year, done, total_, 100.0 * done / total_, eta);
  if (done == total_) std::fputc('\n', stderr);
}

}  // namespace stosim::app
