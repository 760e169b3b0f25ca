#!/usr/bin/env bash
# Every include points down the layers: a file in a layer may include only its own layer and
# those below it. Prints each upward include and fails if there is one.
set -euo pipefail
root="${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
layers=(sim models population output run experiments validation app)
rank() {
  case "$1" in
    sim) echo 0 ;; models) echo 1 ;; population) echo 2 ;; output) echo 3 ;; run) echo 4 ;;
    experiments | validation) echo 5 ;; app) echo 6 ;; *) echo -1 ;;
  esac
}
bad=0
for layer in "${layers[@]}"; do
  [ -d "$root/$layer" ] || continue
  own=$(rank "$layer")
  while IFS=: read -r file _ target; do
    folder="${target%%/*}"
    other=$(rank "$folder")
    [ "$other" -lt 0 ] && continue
    if [ "$other" -gt "$own" ] || { [ "$other" -eq "$own" ] && [ "$folder" != "$layer" ]; }; then
      echo "upward include: $file includes $target" >&2
      bad=1
    fi
  done < <(grep -rHo '#include "[a-z_]*/[^"]*"' "$root/$layer" --include='*.hpp' --include='*.cpp' |
           sed 's/#include "\(.*\)"/\1/' | awk -F: '{print $1 "::" $2}')
done
if [ "$bad" -ne 0 ]; then exit 1; fi
echo "layers: every include points down"
