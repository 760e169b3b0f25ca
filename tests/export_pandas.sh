#!/bin/sh
# ctest: a run file and a sweep file exported to CSV read in pandas without a single warning
# (mixed column types, ...). Skipped (77) when python3 or pandas is missing.
set -e
stosim="$1"; dir="$2"; source="$3"
python=""
for candidate in python3 /usr/bin/python3; do
  if "$candidate" -c "import pandas" 2>/dev/null; then python="$candidate"; break; fi
done
[ -n "$python" ] || { echo "skipped: no python3 with pandas"; exit 77; }
rm -rf "$dir"; mkdir -p "$dir"
"$stosim" run baseline -q --scale 0.05 --end-year 2020 --replicates 2 --threads 2 -o "$dir/run.h5"
"$stosim" export "$dir/run.h5" --csv "$dir/run_csv" 2>/dev/null
"$stosim" export "$dir/run.h5" --csv "$dir/per_indicator" --per-indicator --level region 2>/dev/null
"$stosim" sweep "$source/sweeps/example_grid.yaml" -q --threads 2 -o "$dir/sweep.h5"
"$stosim" export "$dir/sweep.h5" --csv "$dir/sweep_csv" 2>/dev/null
exec "$python" "$source/tests/check_csv_types.py" "$dir/run_csv" "$dir/per_indicator" "$dir/sweep_csv"
