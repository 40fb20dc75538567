#!/usr/bin/env bash
# 耕地进出平衡 of the sample city between the 2020 and 2023 surveys, by district: 耕地 lost
# (非农化 to construction, 非粮化 to 园地/林地/坑塘/other farm use) and gained, in 图斑地类面积
# (TBDLMJ, the default area method on 三调 layers). Needs QP, SAMPLE and OUT (scripts/demo.sh).
set -euo pipefail
: "${QP:?}" "${SAMPLE:?}" "${OUT:?}"
M="$OUT/monitoring"
mkdir -p "$M"
L="$SAMPLE|layername"

"$QP" run spm:farmland_balance -- BEFORE="$L=landuse_previous" BEFORE_FIELD=DLBM \
  AFTER="$L=landuse_current" AFTER_FIELD=DLBM DISTRICTS="$L=districts" DISTRICT_FIELD=name \
  AREA_METHOD=ELLIPSOIDAL OUTPUT="$M/farmland_flows.gpkg" SUMMARY="$M/farmland_balance.csv" \
  >"$M/farmland_balance.log"
grep -o 'Areas: .*' "$M/farmland_balance.log" | head -1 | sed 's/^/   /' || true
grep -o '耕地 流出 .*' "$M/farmland_balance.log" | head -1 | sed 's/^/   /' || true
# 耕地进出平衡表: one line per district (合计 row)
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) { gsub(/"/, "", $i); col[$i] = i }; next }
  { gsub(/"/, "") } $col["ROW"] == "TOTAL" {
    printf "   %s 耕地 流出 %.2f 公顷, 流入 %.2f 公顷, 净增减 %+.2f 公顷\n", $col["DISTRICT"], $col["OUT_HA"], $col["IN_HA"], $col["NET_HA"] }' \
  "$M/farmland_balance.csv"
