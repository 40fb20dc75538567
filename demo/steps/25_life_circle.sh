#!/usr/bin/env bash
# 社区生活圈 of the sample city: walking distance from every home (住宅 buildings, residents from their
# floor area) to the nearest facility of each kind along the roads and footpaths, coverage against the
# GB 50180-2018 5/10/15-minute thresholds, by district (step 30 turns it into 城市体检 indicators).
# Needs QP, SAMPLE and OUT (scripts/demo.sh).
set -euo pipefail
: "${QP:?}" "${SAMPLE:?}" "${OUT:?}"
C="$OUT/life_circle"
mkdir -p "$C"
L="$SAMPLE|layername"

"$QP" run spm:life_circle -- RESIDENTIAL="$L=buildings|subset=\"use\" = '住宅'" POPULATION_FIELD=population \
  FACILITIES="$L=facilities" KIND_FIELD=kind PARKS="$L=parks" ROADS="$L=roads" FOOTPATHS="$L=footpaths" \
  DISTRICTS="$L=districts" DISTRICT_FIELD=adcode OUTPUT="$C/homes.gpkg" DISTRICT_TABLE="$C/districts.csv" \
  STREETS="$C/reachable_streets.gpkg" >"$C/life_circle.log" 2>&1
grep -E '% of residents' "$C/life_circle.log" | sed 's/^/   /'
grep -cE '^WARNING' "$C/life_circle.log" | sed 's/^/   notes (far from the network, unlisted kinds, network parts): /'
echo "   homes with distances: $C/homes.gpkg; coverage by district: $C/districts.csv"
