#include "sim/random.hpp"

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define STOSIM_PHILOX_AVX2 1
#endif

namespace stosim {

namespace {

// The counter's third word (RandomStream's layout): word 0 is the block (0: the first), word 1
// the agent, word 3 year_purpose_word.
std::uint32_t replicate_word(const StreamFamily& f) { return static_cast<std::uint32_t>(f.key.replicate); }

#ifdef STOSIM_PHILOX_AVX2
// The high and low 32 bits of eight 32 x 32-bit products: the multiply takes the even lanes,
// so the odd lanes are shifted down for a second one and the halves blended back.
__attribute__((target("avx2"))) inline void mulhilo8(__m256i a, __m256i m, __m256i& hi,
                                                     __m256i& lo) {
  const __m256i even = _mm256_mul_epu32(a, m);
  const __m256i odd = _mm256_mul_epu32(_mm256_srli_epi64(a, 32), m);
  lo = _mm256_blend_epi32(even, _mm256_slli_epi64(odd, 32), 0xAA);
  hi = _mm256_blend_epi32(_mm256_srli_epi64(even, 32), odd, 0xAA);
}
#endif

}  // namespace

StreamBatch::StreamBatch(const StreamFamily& family, const std::uint64_t* agents, int count)
    : family_(family) {
  if (count < 1 || count > width) throw std::out_of_range("stream batch: 1 to 16 agents");
  std::uint64_t agent_bits = 0;
  for (int j = 0; j < width; ++j) {
    const std::uint64_t agent = agents[j < count ? j : 0];  // lanes beyond count repeat the first
    agent_bits |= agent;
    agents_[j] = static_cast<std::uint32_t>(agent);
  }
  year_purpose_ = year_purpose_word(family.year, family.purpose, agent_bits);
  if (has_avx2())
    compute_avx2(family, agents_, word_);
  else
    compute_scalar(family, agents_, word_);
}

bool StreamBatch::has_avx2() {
#ifdef STOSIM_PHILOX_AVX2
  static const bool available = __builtin_cpu_supports("avx2");
  return available;
#else
  return false;
#endif
}

void StreamBatch::compute_scalar(const StreamFamily& family, const std::uint32_t* agents,
                                 std::uint32_t (&word)[4][width]) {
  const r123::Philox4x32 generator;
  const r123::Philox4x32::key_type key{{static_cast<std::uint32_t>(family.key.seed),
                                        static_cast<std::uint32_t>(family.key.seed >> 32)}};
  for (int j = 0; j < width; ++j) {
    const r123::Philox4x32::ctr_type counter{
        {0, agents[j], replicate_word(family), year_purpose_word(family.year, family.purpose, 0)}};
    const r123::Philox4x32::ctr_type block = generator(counter, key);
    for (int w = 0; w < 4; ++w) word[w][j] = block.v[w];
  }
}

#ifdef STOSIM_PHILOX_AVX2
// Philox4x32-10 (Random123's philox4x32round and key schedule) on 16 counters at once, as two
// groups of eight lanes so that one group's multiplies run while the other's wait.
__attribute__((target("avx2"))) void StreamBatch::compute_avx2(const StreamFamily& family,
                                                               const std::uint32_t* agents,
                                                               std::uint32_t (&word)[4][width]) {
  constexpr int groups = width / 8;
  __m256i x0[groups], x1[groups], x2[groups], x3[groups];
  for (int g = 0; g < groups; ++g) {
    x0[g] = _mm256_setzero_si256();
    x1[g] = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(agents + 8 * g));
    x2[g] = _mm256_set1_epi32(static_cast<int>(replicate_word(family)));
    x3[g] = _mm256_set1_epi32(static_cast<int>(year_purpose_word(family.year, family.purpose, 0)));
  }
  const __m256i m0 = _mm256_set1_epi32(static_cast<int>(PHILOX_M4x32_0));
  const __m256i m1 = _mm256_set1_epi32(static_cast<int>(PHILOX_M4x32_1));
  auto k0 = static_cast<std::uint32_t>(family.key.seed),
       k1 = static_cast<std::uint32_t>(family.key.seed >> 32);
  for (int round = 0; round < 10; ++round) {
    const __m256i key0 = _mm256_set1_epi32(static_cast<int>(k0)),
                  key1 = _mm256_set1_epi32(static_cast<int>(k1));
    for (int g = 0; g < groups; ++g) {
      __m256i hi0, lo0, hi1, lo1;
      mulhilo8(x0[g], m0, hi0, lo0);
      mulhilo8(x2[g], m1, hi1, lo1);
      x0[g] = _mm256_xor_si256(_mm256_xor_si256(hi1, x1[g]), key0);
      x1[g] = lo1;
      x2[g] = _mm256_xor_si256(_mm256_xor_si256(hi0, x3[g]), key1);
      x3[g] = lo0;
    }
    k0 += PHILOX_W32_0;
    k1 += PHILOX_W32_1;
  }
  for (int g = 0; g < groups; ++g) {
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(word[0] + 8 * g), x0[g]);
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(word[1] + 8 * g), x1[g]);
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(word[2] + 8 * g), x2[g]);
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(word[3] + 8 * g), x3[g]);
  }
}
#else
void StreamBatch::compute_avx2(const StreamFamily& family, const std::uint32_t* agents,
                               std::uint32_t (&word)[4][width]) {
  compute_scalar(family, agents, word);
}
#endif

}  // namespace stosim
