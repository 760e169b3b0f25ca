#!/usr/bin/env bash
# The discovery half of CI (docs/RELIABILITY.md): the whole test suite built with
# AddressSanitizer + UndefinedBehaviorSanitizer (any report fails the test), then a short seeded
# run of each libFuzzer target from its kept corpus (tests/fuzz/corpus).
#   scripts/test-sanitizers.sh            both
#   scripts/test-sanitizers.sh asan|fuzz  one of them
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
what="${1:-all}"
jobs="$(nproc)"
"$root/scripts/install-deps.sh"

if [ "$what" = all ] || [ "$what" = asan ]; then
  cmake -S "$root" -B "$root/build-asan" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSTOSIM_SANITIZER=address \
        -DSTOSIM_BUILD_TESTS=ON -DSTOSIM_WARNINGS_AS_ERRORS=ON >/dev/null
  cmake --build "$root/build-asan" --parallel "$jobs"
  # detect_leaks: a leak fails the process; the tests check exit codes, so a leak fails its test.
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir "$root/build-asan" --output-on-failure --parallel "$jobs" --timeout 3000
fi

if [ "$what" = all ] || [ "$what" = fuzz ]; then
  CC=clang CXX=clang++ cmake -S "$root" -B "$root/build-fuzz" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DSTOSIM_FUZZ=ON -DSTOSIM_SANITIZER=address -DSTOSIM_BUILD_TESTS=OFF >/dev/null
  cmake --build "$root/build-fuzz" --parallel "$jobs" --target fuzz_scenario fuzz_csv
  ctest --test-dir "$root/build-fuzz" -L fuzz --output-on-failure --timeout 1200
fi
