#!/usr/bin/env bash
# Sensor placement (感知终端布设) on the sample city: how well the existing sensors cover the six kinds
# of risk points (by kind and district, redundant sensors), then where 40 more sensors should go
# along the roads (MCLP, network distance, exact with HiGHS) and the fewest that cover every point
# (LSCP). Needs QP, SAMPLE and OUT (scripts/demo.sh).
set -euo pipefail
: "${QP:?}" "${SAMPLE:?}" "${OUT:?}"
S="$OUT/sensors"
mkdir -p "$S"
L="$SAMPLE|layername"
RISK=(RISK_POINTS="$L=risk_points" KIND_FIELD=kind WEIGHT_FIELD=weight)

"$QP" run spm:evaluate_sensor_coverage -- "${RISK[@]}" DISTRICT_FIELD=district \
  SENSORS="$L=sensors_existing" SENSOR_RADIUS_FIELD=radius DISTANCE=EUCLIDEAN \
  OUTPUT="$S/risk_coverage.gpkg" SUMMARY="$S/coverage_summary.csv" SENSOR_STATS="$S/sensor_stats.gpkg" \
  >"$S/evaluate.log"
# the all-kinds (last) row of a summary table: covered points, coverage %, and the solver's report
total() {
  awk -F, -v what="$2" 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next } { last = $0 }
    END { n = split(last, v, ","); for (k in col) { gsub(/"/, "", v[col[k]]); val[k] = v[col[k]] }
      printf "   %s: %s of %s risk points covered (%.1f %%, weighted %.1f %%)", what, val["N_COVERED"],
        val["N_POINTS"], val["COVER_PCT"], val["WCOVER_PCT"]
      if ("N_NEW" in val) printf " with %s new + %s existing sensors, %s %s, proven gap %s %%", val["N_NEW"],
        val["N_EXISTING"], val["SOLVER"], val["STATUS"], val["GAP_PCT"]
      if ("N_REDUNDANT" in val) printf "; %s of %s sensors redundant", val["N_REDUNDANT"], val["N_SENSORS"]
      printf "\n" }' "$1"
}
total "$S/coverage_summary.csv" "existing sensors"

"$QP" run spm:plan_sensors -- "${RISK[@]}" EXISTING="$L=sensors_existing" EXISTING_RADIUS_FIELD=radius \
  ROADS="$L=roads" DISTANCE=NETWORK SPACING=100 MODEL=MCLP P=40 TIME_LIMIT=60 \
  OUTPUT="$S/mclp_sites.gpkg" ASSIGNMENTS="$S/mclp_assignments.gpkg" SUMMARY="$S/mclp_summary.csv" \
  >"$S/mclp.log"
total "$S/mclp_summary.csv" "MCLP, P = 40 along the roads"

"$QP" run spm:plan_sensors -- "${RISK[@]}" EXISTING="$L=sensors_existing" EXISTING_RADIUS_FIELD=radius \
  ROADS="$L=roads" DISTANCE=NETWORK SPACING=100 MODEL=LSCP TIME_LIMIT=60 \
  OUTPUT="$S/lscp_sites.gpkg" ASSIGNMENTS="$S/lscp_assignments.gpkg" SUMMARY="$S/lscp_summary.csv" \
  >"$S/lscp.log"
total "$S/lscp_summary.csv" "LSCP, every reachable point"
echo "   sensor sites: $S/mclp_sites.gpkg, $S/lscp_sites.gpkg; coverage by kind and district: $S/coverage_summary.csv"
