#!/usr/bin/env bash
# The whole monitoring job on the sample city, through qgis_process, step by step (demo/steps/).
set -euo pipefail
source "$(dirname "$0")/env.sh"
export OUT="${1:-$SPM_ROOT/demo_output}"
rm -rf "$OUT" && mkdir -p "$OUT"

"$QP" plugins enable spatial_planning_monitor >/dev/null 2>&1 || true
if ! "$QP" list 2>/dev/null | grep -q "spm:"; then
  echo "demo: the spm provider is not listed by qgis_process" >&2
  exit 1
fi
echo "== spm provider: $("$QP" list 2>/dev/null | grep -c 'spm:') algorithms"
"$QP" list 2>/dev/null | grep 'spm:' | sed 's/^/   /'

for step in "$SPM_ROOT"/demo/steps/*.sh; do
  [ -e "$step" ] || continue
  echo "== $(basename "$step")"
  bash "$step"
done
echo
echo "Demo results are in: $OUT"
