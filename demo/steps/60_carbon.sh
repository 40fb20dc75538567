#!/usr/bin/env bash
# Carbon: energy, land-use and building accounts of the sample city, downscaled to a 100 m grid,
# and hot spots of the building grid. Needs QP, SAMPLE and OUT (set by scripts/demo.sh).
set -euo pipefail
: "${QP:?}" "${SAMPLE:?}" "${OUT:?}"
C="$OUT/carbon"
mkdir -p "$C"
GRID_FACTOR=0.4092   # 福建 2022 provincial grid factor, t CO2/MWh (生态环境部/国家统计局, 2024-12-20)
YEAR=$(sqlite3 "$SAMPLE" "select max(year) from energy_use")

"$QP" run spm:energy_carbon -- TABLE="$SAMPLE|layername=energy_use" YEAR="$YEAR" \
  DISTRICT_FIELD=adcode FUEL_FIELD=fuel AMOUNT_FIELD=amount UNIT_FIELD=unit YEAR_FIELD=year \
  GRID_FACTOR=$GRID_FACTOR DISTRICTS="$SAMPLE|layername=districts" DISTRICTS_KEY=adcode \
  OUTPUT="$C/energy_by_fuel.csv" TOTALS="$C/energy_totals.gpkg" >"$C/energy.log"
echo "   energy CO2 by district ($YEAR, t CO2/a): $(grep -o '[0-9]* district(s): [0-9.]* t CO₂ in all' "$C/energy.log" || true)"

"$QP" run spm:landuse_carbon -- LANDUSE="$SAMPLE|layername=landuse_current" LANDUSE_FIELD=DLBM \
  DISTRICTS="$SAMPLE|layername=districts" DISTRICT_FIELD=adcode \
  OUTPUT="$C/landuse_carbon.gpkg" SUMMARY="$C/landuse_carbon_summary.csv" >"$C/landuse.log"
echo "   land use: $(grep -o '[0-9]* parcels.*t CO₂/a' "$C/landuse.log" | head -1)"

"$QP" run spm:building_carbon -- BUILDINGS="$SAMPLE|layername=buildings" USE_FIELD=use \
  FLOORS_FIELD=floors GRID_FACTOR=$GRID_FACTOR GRID_SIZE=500 \
  OUTPUT="$C/building_carbon.gpkg" GRID_OUTPUT="$C/building_grid_500m.gpkg" >"$C/building.log"
echo "   buildings: $(grep -o '[0-9]* buildings.*t CO₂/a' "$C/building.log" | head -1)"

# A seeded, synthetic night-light-like proxy derived from the buildings (floors summed per 250 m
# cell), delivered in geographic coordinates so that the downscaling shows how it resamples.
gdal_rasterize -q -l buildings -a floors -add -init 0 -tr 250 250 -ot Float32 "$SAMPLE" "$C/lights_4528.tif"
gdalwarp -q -overwrite -t_srs EPSG:4490 -r average "$C/lights_4528.tif" "$C/lights_4490.tif"
rm -f "$C/lights_4528.tif"

"$QP" run spm:downscale_emissions -- REGIONS="$C/energy_totals.gpkg" TOTAL_FIELD=CO2_T NAME_FIELD=NAME \
  PROXIES="$C/lights_4490.tif" PROXIES="$SAMPLE|layername=buildings" WEIGHTS=0.5,0.5 PIXEL_SIZE=100 \
  OUTPUT="$C/emissions_100m.tif" >"$C/downscale.log"
grep -E 'resampled|evenly|relative difference' "$C/downscale.log" | sed 's/^/   /'

"$QP" run spm:carbon_hotspots -- INPUT="$C/building_grid_500m.gpkg" FIELD=CO2_T WEIGHTS=1 ALPHA=0.05 \
  OUTPUT="$C/carbon_hotspots.gpkg" >"$C/hotspots.log"
echo "   $(grep -o 'Spatial weights.*features\.' "$C/hotspots.log" | head -1)"
echo "   carbon results: $C"
