#!/usr/bin/env bash
# Plan implementation monitoring (国土空间规划实施监测) of the sample city: conformance of current use
# with the 用地用海 plan, the three control lines by district (三线占用情况汇总表), and the change
# between the two surveys with its transition matrix. Needs QP, SAMPLE and OUT (scripts/demo.sh).
set -euo pipefail
: "${QP:?}" "${SAMPLE:?}" "${OUT:?}"
M="$OUT/monitoring"
mkdir -p "$M"
L="$SAMPLE|layername"

"$QP" run spm:plan_conformance -- CURRENT="$L=landuse_current" CURRENT_FIELD=DLBM \
  PLAN="$L=landuse_plan" PLAN_FIELD=YDYHFLDM \
  OUTPUT="$M/conformance.gpkg" SUMMARY="$M/conformance_summary.csv" >"$M/conformance.log"
grep -o 'Wholly inside one plan zone.*' "$M/conformance.log" | head -1 | sed 's/^/   /' || true
grep -E '^(符合|不符合|待核): ' "$M/conformance.log" | sed 's/^/   /' || true

"$QP" run spm:control_lines -- LANDUSE="$L=landuse_current" LANDUSE_FIELD=DLBM \
  ECO_REDLINE="$L=eco_redline" FARMLAND="$L=farmland" DEV_BOUNDARY="$L=dev_boundary" \
  DISTRICTS="$L=districts" DISTRICT_FIELD=name \
  OUTPUT="$M/control_line_violations.gpkg" SUMMARY="$M/control_lines_summary.csv" >"$M/control_lines.log"
# 三线占用情况汇总表, one line per district and violation type
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) { gsub(/"/, "", $i); col[$i] = i }; next }
  { gsub(/"/, ""); printf "   %s %s: %d 处, %.2f 公顷\n", $col["DISTRICT"], $col["VNAME"], $col["COUNT"], $col["AREA_HA"] }' \
  "$M/control_lines_summary.csv"

"$QP" run spm:landuse_change -- BEFORE="$L=landuse_previous" BEFORE_FIELD=DLBM \
  AFTER="$L=landuse_current" AFTER_FIELD=DLBM LEVEL=1 \
  DEV_BOUNDARY="$L=dev_boundary" DISTRICTS="$L=districts" DISTRICT_FIELD=name \
  OUTPUT="$M/landuse_changes.gpkg" MATRIX="$M/transition_matrix.csv" \
  NEW_CONSTRUCTION="$M/new_construction.csv" >"$M/landuse_change.log"
grep -o 'Change patches: .*' "$M/landuse_change.log" | head -1 | sed 's/^/   /' || true
grep -o '新增建设用地: .*' "$M/landuse_change.log" | head -1 | sed 's/^/   /' || true
echo "   transition matrix (ha): $M/transition_matrix.csv"
