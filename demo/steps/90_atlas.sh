#!/usr/bin/env bash
# The district monitoring reports (区县国土空间规划实施监测报告) of the sample city: one A3 page per
# district, as one PDF, and an A4 summary per district, with the control-line violations (step 20),
# the indicator table (step 30), the sensor layout (step 50) and the carbon grid (step 60) when
# those steps ran, and the farmland balance (step 25) and new construction land (step 20) in a small
# table. Needs QP, SAMPLE and OUT (set by scripts/demo.sh).
set -euo pipefail
: "${QP:?}" "${SAMPLE:?}" "${OUT:?}"
A="$OUT/atlas"
mkdir -p "$A"
L="$SAMPLE|layername"

# the indicator table of step 30, or a quick one from the land use and the control lines
TABLE="$OUT/indicators/indicator_table.csv"
if [ ! -f "$TABLE" ]; then
  TABLE="$A/indicator_table.csv"
  "$QP" run spm:indicators -- DISTRICTS="$L=districts" DISTRICT_FIELD=adcode POPULATION_FIELD=population \
    LANDUSE="$L=landuse_current" LANDUSE_FIELD=DLBM ECO_REDLINE="$L=eco_redline" FARMLAND="$L=farmland" \
    DEV_BOUNDARY="$L=dev_boundary" OUTPUT=TEMPORARY_OUTPUT TABLE="$TABLE" >"$A/indicators.log"
fi

# the control-line violation patches of step 20, or spm:control_lines run here
VIOLATIONS="$OUT/monitoring/control_line_violations.gpkg"
if [ ! -f "$VIOLATIONS" ]; then
  VIOLATIONS="$A/violations.gpkg"
  "$QP" run spm:control_lines -- LANDUSE="$L=landuse_current" LANDUSE_FIELD=DLBM ECO_REDLINE="$L=eco_redline" \
    FARMLAND="$L=farmland" DEV_BOUNDARY="$L=dev_boundary" DISTRICTS="$L=districts" DISTRICT_FIELD=name \
    OUTPUT="$VIOLATIONS" SUMMARY="$A/control_lines_summary.csv" >"$A/control_lines.log"
fi

# the sensor layout of step 50 (existing and new sites), else the existing sensors
OPTIONAL=(SENSORS="$L=sensors_existing")
if [ -f "$OUT/sensors/mclp_sites.gpkg" ]; then
  OPTIONAL=(SENSORS="$OUT/sensors/mclp_sites.gpkg")
fi
if [ -f "$OUT/carbon/emissions_100m.tif" ]; then
  OPTIONAL+=(CARBON="$OUT/carbon/emissions_100m.tif")
fi
# the page's small table: 耕地进出平衡 (step 25) and 新增建设用地 in / out of the boundary (step 20)
if [ -f "$OUT/monitoring/farmland_balance.csv" ]; then
  OPTIONAL+=(FARMLAND_BALANCE="$OUT/monitoring/farmland_balance.csv")
fi
if [ -f "$OUT/monitoring/new_construction.csv" ]; then
  OPTIONAL+=(NEW_CONSTRUCTION="$OUT/monitoring/new_construction.csv")
fi

PDF="$A/莆田市区县国土空间规划实施监测报告.pdf"
start=$SECONDS
"$QP" run spm:export_atlas -- DISTRICTS="$L=districts" DISTRICT_FIELD=name LANDUSE="$L=landuse_plan" \
  VIOLATIONS="$VIOLATIONS" INDICATORS="$TABLE" "${OPTIONAL[@]}" TEMPLATE=district_report_a3 \
  FORMAT=0 DPI=300 YEAR="$(date +%Y)" OUTPUT="$PDF" >"$A/atlas.log"
seconds=$((SECONDS - start))
"$QP" run spm:export_atlas -- DISTRICTS="$L=districts" DISTRICT_FIELD=name LANDUSE="$L=landuse_plan" \
  VIOLATIONS="$VIOLATIONS" INDICATORS="$TABLE" "${OPTIONAL[@]}" TEMPLATE=summary_a4 \
  FORMAT=1 DPI=200 YEAR="$(date +%Y)" OUTPUT="$A/summaries" >"$A/summaries.log"

echo "   $(pdfinfo "$PDF" | awk '/^Pages:/ {print $2}') pages (A3, one per district) in ${seconds} s (with QGIS start-up); A4 summaries: $(ls "$A/summaries" | tr '\n' ' ')"
echo "   district atlas: $PDF"
