#!/usr/bin/env bash
# City indicators (城市体检) of the sample city per district: status 正常/预警/超标 against the
# shipped targets. Energy CO2 totals (spm:energy_carbon, latest year) feed 人均碳排放 and 单位面积碳排放;
# with district_stats (GDP by year) they give 单位GDP二氧化碳排放降低比例; the existing sensors
# (radius 300 m) feed 风险点感知覆盖率. Needs QP, SAMPLE and OUT (scripts/demo.sh).
set -euo pipefail
: "${QP:?}" "${SAMPLE:?}" "${OUT:?}"
I="$OUT/indicators"
mkdir -p "$I"
L="$SAMPLE|layername"

CARBON=()
if "$QP" help spm:energy_carbon >/dev/null 2>&1; then
  # every year: spm:indicators takes the latest (人均碳排放) and the one before (单位GDP二氧化碳排放降低比例)
  "$QP" run spm:energy_carbon -- TABLE="$L=energy_use" DISTRICT_FIELD=adcode FUEL_FIELD=fuel \
    AMOUNT_FIELD=amount UNIT_FIELD=unit YEAR_FIELD=year \
    OUTPUT="$I/energy_by_fuel.csv" TOTALS="$I/energy_totals.csv" >"$I/energy.log"
  CARBON=(CARBON="$I/energy_totals.csv" CARBON_DISTRICT_FIELD=DIST CARBON_FIELD=CO2_T CARBON_YEAR_FIELD=YEAR
          STATS="$L=district_stats" STATS_DISTRICT_FIELD=adcode STATS_YEAR_FIELD=year)
fi
if [ -f "$OUT/life_circle/districts.csv" ]; then   # step 25: the 社区生活圈 indicators
  CARBON+=(LIFE_CIRCLE="$OUT/life_circle/districts.csv")
fi
if [ -f "$OUT/vitals/vital_districts.csv" ]; then   # step 28: the 城市运行体征 indicators
  CARBON+=(VITALS="$OUT/vitals/vital_districts.csv")
fi

"$QP" run spm:indicators -- DISTRICTS="$L=districts" DISTRICT_FIELD=adcode \
  POPULATION_FIELD=population URBAN_POPULATION_FIELD=urban_population \
  LANDUSE="$L=landuse_current" LANDUSE_FIELD=DLBM ECO_REDLINE="$L=eco_redline" FARMLAND="$L=farmland" \
  DEV_BOUNDARY="$L=dev_boundary" BUILDINGS="$L=buildings" ROADS="$L=roads" \
  RISK_POINTS="$L=risk_points" RISK_KIND_FIELD=kind SENSORS="$L=sensors_existing" SENSOR_RADIUS=300 \
  "${CARBON[@]}" OUTPUT="$I/district_indicators.gpkg" TABLE="$I/indicator_table.csv" >"$I/indicators.log"

echo "   $(grep -o '[0-9]* indicator values computed.*' "$I/indicators.log" | head -1)"
grep -o 'Indicator .*not computed.*' "$I/indicators.log" | cut -c1-140 | sed 's/^/   /' || true
# 开发强度 and its status per district, straight from the long table
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
  { gsub(/"/, "") } $col["IND_ID"] == "DEV_INTENS" { printf "   %s 开发强度 %.2f %% %s\n", $col["DISTRICT"], $col["VALUE"], $col["STATUS"] }' \
  "$I/indicator_table.csv"
