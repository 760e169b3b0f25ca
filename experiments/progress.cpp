#include "experiments/progress.hpp"

#include <fmt/format.h>

#include <cmath>

namespace stosim {

namespace {

std::string duration_text(double seconds) {
  if (!std::isfinite(seconds)) return "?";
  const auto s = static_cast<long long>(seconds + 0.5);
  if (s < 60) return fmt::format("{} s", s);
  if (s < 3600) return fmt::format("{} min {} s", s / 60, s % 60);
  return fmt::format("{} h {} min", s / 3600, s % 3600 / 60);
}

constexpr std::size_t report_steps = 20;  // a line per 5 % when not on a terminal

}  // namespace

SweepProgress::SweepProgress(std::size_t runs, std::size_t replicates, std::size_t done, std::size_t runs_done,
                             bool enabled, bool terminal, std::FILE* out)
    : runs_(runs), replicates_(replicates), total_(runs * replicates), done_at_start_(done), done_(done),
      runs_done_(runs_done), enabled_(enabled), terminal_(terminal), out_(out),
      start_(std::chrono::steady_clock::now()) {
  next_report_ = done + (total_ + report_steps - 1) / report_steps;
}

std::string SweepProgress::line() const {
  const std::size_t done = done_.load();
  const double minutes = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count() / 60.0;
  const double session_tasks = static_cast<double>(done - done_at_start_);
  const double tasks_per_minute = minutes > 0 ? session_tasks / minutes : 0.0;
  const double eta = tasks_per_minute > 0 ? static_cast<double>(total_ - done) / tasks_per_minute * 60.0 : NAN;
  const double percent = total_ > 0 ? 100.0 * static_cast<double>(done) / static_cast<double>(total_) : 100.0;
  if (runs_ == 1)
    return fmt::format("stosim: {}/{} replicates ({:.0f} %), {:.1f} replicates/min, ETA {}", done, total_, percent,
                       tasks_per_minute, duration_text(eta));
  return fmt::format("stosim: {}/{} runs ({}/{} replicates, {:.0f} %), {:.1f} runs/min, ETA {}", runs_done_.load(),
                     runs_, done, total_, percent, tasks_per_minute / static_cast<double>(replicates_),
                     duration_text(eta));
}

void SweepProgress::replicate_done(bool run_finished) {
  const std::size_t done = ++done_;
  if (run_finished) ++runs_done_;
  if (!enabled_) return;
  std::lock_guard lock(mutex_);
  if (terminal_) {
    const auto now = std::chrono::steady_clock::now();
    if (done < total_ && now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    std::fprintf(out_, "\r%s   ", line().c_str());
    if (done == total_) std::fputc('\n', out_);
  } else if (done >= next_report_ || done == total_) {
    while (next_report_ <= done) next_report_ += (total_ + report_steps - 1) / report_steps;
    std::fprintf(out_, "%s\n", line().c_str());
  }
  std::fflush(out_);
}

void SweepProgress::finish() {
  if (enabled_ && terminal_ && done_.load() < total_) std::fputc('\n', out_);
}

}  // namespace stosim
