// Progress lines of long work (experiments/progress.hpp).
#include <catch2/catch.hpp>

#include <cstdio>
#include <string>

#include "experiments/progress.hpp"

using namespace stosim;

namespace {

std::string contents(std::FILE* f) {
  std::rewind(f);
  std::string text;
  for (int c; (c = std::fgetc(f)) != EOF;) text += static_cast<char>(c);
  return text;
}

std::size_t lines(const std::string& text) {
  std::size_t n = 0;
  for (char c : text) n += c == '\n';
  return n;
}

}  // namespace

TEST_CASE("Progress in a log: a line per 5 % with runs, runs/min and ETA", "[progress]") {
  std::FILE* log = std::tmpfile();
  {
    SweepProgress progress(100, 4, 0, 0, true, false, log);
    for (int run = 0; run < 100; ++run)
      for (int r = 0; r < 4; ++r) progress.replicate_done(r == 3);
    progress.finish();
  }
  const std::string text = contents(log);
  CHECK(lines(text) == 20);
  CHECK(text.find("stosim: 5/100 runs (20/400 replicates, 5 %)") != std::string::npos);
  CHECK(text.find("stosim: 100/100 runs (400/400 replicates, 100 %)") != std::string::npos);
  CHECK(text.find("runs/min, ETA") != std::string::npos);
  std::fclose(log);
}

TEST_CASE("Progress of a resumed sweep counts what the journal held", "[progress]") {
  std::FILE* log = std::tmpfile();
  SweepProgress progress(10, 2, 6, 3, true, false, log);
  CHECK(progress.line().find("3/10 runs (6/20 replicates, 30 %)") != std::string::npos);
  progress.replicate_done(false);
  progress.replicate_done(true);
  CHECK(progress.line().find("4/10 runs (8/20 replicates, 40 %)") != std::string::npos);
  std::fclose(log);
}

TEST_CASE("Quiet progress prints nothing", "[progress]") {
  std::FILE* log = std::tmpfile();
  {
    SweepProgress progress(3, 1, 0, 0, false, false, log);
    for (int i = 0; i < 3; ++i) progress.replicate_done(true);
    progress.finish();
  }
  CHECK(contents(log).empty());
  std::fclose(log);
}
