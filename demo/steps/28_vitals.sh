#!/usr/bin/env bash
# 城市运行体征 on the sample city: replay the rainstorm of 2024-06-20 from three weeks of readings
# (sample/vital_readings.csv.gz): warning levels per sensor, the events (their START/END drive QGIS's
# temporal controller when the layer is loaded), offline sensors and the district table; then the
# risk points the offline sensors no longer cover. Needs QP, SAMPLE and OUT (scripts/demo.sh).
set -euo pipefail
: "${QP:?}" "${SAMPLE:?}" "${OUT:?}"
V="$OUT/vitals"
mkdir -p "$V"
L="$SAMPLE|layername"
READINGS="$(dirname "$SAMPLE")/vital_readings.csv.gz"

"$QP" run spm:vital_signs -- READINGS="$READINGS" SENSORS="$L=sensors_existing" \
  DISTRICTS="$L=districts" DISTRICT_FIELD=adcode \
  TIME_FROM='2024-06-20 12:00:00' TIME_TO='2024-06-21 12:00:00' \
  OUTPUT="$V/vital_sensors.gpkg" EVENTS="$V/vital_events.gpkg" DISTRICT_TABLE="$V/vital_districts.csv" \
  >"$V/vital_signs.log"
grep -E 'sensors: .* offline' "$V/vital_signs.log" | sed 's/^.*[0-9]\.\.\.//' || true
echo "storm events (level ≥ orange), in time order:"
ogrinfo -q -ro "$V/vital_events.gpkg" -sql "SELECT NAME, METRIC, LEVEL_NAME, START, END, PEAK, UNIT FROM vital_events \
  WHERE TYPE = 'level' AND LEVEL >= 3 ORDER BY START" | grep -E '= ' | paste - - - - - - - | \
  sed -E 's/ +[A-Z_]+ \([A-Za-z0-9]+\) = /|/g' | head -20
echo "district table:"
cut -d, -f1-5,10,11,14 "$V/vital_districts.csv"

# close the loop: the risk points covered only by sensors now offline (coverage by online sensors)
"$QP" run spm:evaluate_sensor_coverage -- RISK_POINTS="$L=risk_points" KIND_FIELD=kind \
  SENSORS="$V/vital_sensors.gpkg|subset=\"OFFLINE\" = 0" SENSOR_RADIUS_FIELD=radius DISTANCE=EUCLIDEAN \
  OUTPUT="$V/coverage_online.gpkg" SUMMARY="$V/coverage_online.csv" >"$V/coverage_online.log"
echo "coverage by online sensors only (all kinds):"
tail -1 "$V/coverage_online.csv"
