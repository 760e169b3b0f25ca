// Nanoseconds per block of the counter-based generators stosim could use: a loop of independent
// blocks keyed like a model stream (agent in the counter), the cost a replicate pays some 12
// million times (bench/README.md, "Cheaper random streams").
//   stosim_random_bench [BLOCKS]      (default 20 million)
#include <Random123/philox.h>
#include <Random123/threefry.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

volatile std::uint64_t sink;  // the blocks' sum lands here, so the loop is not optimised away

template <class Generator>
void time_blocks(const char* name, std::uint32_t blocks) {
  Generator generator;
  typename Generator::key_type key{};
  typename Generator::ctr_type counter{};
  key.v[0] = 12345;
  std::uint64_t sum = 0;
  const auto start = std::chrono::steady_clock::now();
  for (std::uint32_t i = 0; i < blocks; ++i) {
    counter.v[1] = i;
    sum += generator(counter, key).v[0];
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  sink = sum;
  std::printf("| %s | %.2f |\n", name, seconds / blocks * 1e9);
}

}  // namespace

int main(int argc, char** argv) {
  const auto blocks = static_cast<std::uint32_t>(argc > 1 ? std::atol(argv[1]) : 20000000);
  std::printf("| generator | ns per block |\n|---|---|\n");
  time_blocks<r123::Philox4x64>("Philox4x64-10", blocks);
  time_blocks<r123::Philox4x32>("Philox4x32-10 (stosim)", blocks);
  time_blocks<r123::Philox2x64>("Philox2x64-10", blocks);
  time_blocks<r123::Threefry4x64>("Threefry4x64-20", blocks);
  time_blocks<r123::Threefry2x64>("Threefry2x64-20", blocks);
  return 0;
}
