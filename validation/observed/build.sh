#!/usr/bin/env bash
# Rebuilds validation/observed/*.csv (the observed moments of docs/CALIBRATION.md) from the
# publishers' own files. Usage: validation/observed/build.sh [STOSIM_BINARY] [DATA_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
stosim="${1:-$here/../../build/stosim}"
data="${2:-$here/../../../shared/data}"
"$stosim" observed --data "$data" -o "$here"
