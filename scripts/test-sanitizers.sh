#!/usr/bin/env bash
# The discovery half of CI (docs/RELIABILITY.md): the test suite built with AddressSanitizer +
# UndefinedBehaviorSanitizer (any report fails the test), then a short seeded run of each
# libFuzzer target from its kept corpus (tests/fuzz/corpus).
#   scripts/test-sanitizers.sh            both
#   scripts/test-sanitizers.sh asan|fuzz  one of them
# Kept lean so that it fits CI (2 cores, no warm ccache): -O1 with line tables only (-g1), which
# is what the sanitizers need for their reports with file and line, and the ASan suite leaves the
# one test labelled `heavy` (Catch2 tag [heavy]: the ABC-SMC parameter recovery, 279 s under ASan;
# the other ABC tests run the same code) to scripts/test.sh, which runs it without sanitizers.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
what="${1:-all}"
case "$what" in
  all|asan|fuzz) ;;
  *) echo "usage: scripts/test-sanitizers.sh [asan|fuzz]" >&2; exit 2 ;;
esac
jobs="$(nproc)"
"$root/scripts/install-deps.sh"
lean=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG"
      -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" -DSTOSIM_SANITIZER=address)

# Seconds since the stage began, so that CI's log shows where its time goes.
took() { echo "stosim: $1 took $((SECONDS - $2)) s" >&2; }

if [ "$what" = all ] || [ "$what" = asan ]; then
  start=$SECONDS
  cmake -S "$root" -B "$root/build-asan" "${lean[@]}" -DSTOSIM_BUILD_TESTS=ON \
        -DSTOSIM_WARNINGS_AS_ERRORS=ON >/dev/null
  cmake --build "$root/build-asan" --parallel "$jobs"
  took "the ASan+UBSan build" "$start"
  start=$SECONDS
  # detect_leaks: a leak fails the process; the tests check exit codes, so a leak fails its test.
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir "$root/build-asan" --output-on-failure --parallel "$jobs" --timeout 1500 \
          --label-exclude heavy
  took "the ASan+UBSan suite" "$start"
fi

if [ "$what" = all ] || [ "$what" = fuzz ]; then
  start=$SECONDS
  CC=clang CXX=clang++ cmake -S "$root" -B "$root/build-fuzz" "${lean[@]}" -DSTOSIM_FUZZ=ON \
        -DSTOSIM_BUILD_TESTS=OFF >/dev/null
  cmake --build "$root/build-fuzz" --parallel "$jobs" --target fuzz_scenario fuzz_csv
  took "the fuzz build" "$start"
  start=$SECONDS
  ctest --test-dir "$root/build-fuzz" -L fuzz --output-on-failure --timeout 1200
  took "the fuzz runs" "$start"
fi
