#!/usr/bin/env bash
# 落图+赋码 on the sample city: building codes kept in a registry (and kept again after the layer is
# edited), BeiDou grid codes (2D and 3D) and cells, code checks, and the major-project list placed
# on the plan. Needs QP, SAMPLE and OUT (scripts/demo.sh).
set -euo pipefail
: "${QP:?}" "${SAMPLE:?}" "${OUT:?}"
C="$OUT/codes"
mkdir -p "$C"
L="$SAMPLE|layername"
PROJECTS="$(dirname "$SAMPLE")/projects.csv"
REGISTRY="$C/code_registry.gpkg"
show() { grep -oE "($1).*" "$2" | sed 's/^/   /' || true; }   # -o: without qgis_process's progress

# 1. code every building (registry created), then edit the layer — every 10th building demolished,
#    a few new ones built 45 m from an old one — and code again: the survivors keep their codes,
#    the demolished ones are retired, the new ones get the next free numbers
"$QP" run spm:assign_building_codes -- BUILDINGS="$L=buildings" ADMIN="$L=townships" ADMIN_CODE_FIELD=code \
  YEAR_FIELD=year REGISTRY="$REGISTRY" BEIDOU_LEVEL=8 OUTPUT="$C/coded_buildings.gpkg" >"$C/assign_1.log"
show 'Coded |Registry ' "$C/assign_1.log"
"$QP" run native:extractbyexpression -- INPUT="$L=buildings" EXPRESSION='"fid" % 10 <> 3' \
  OUTPUT="$C/buildings_kept.gpkg" >/dev/null
"$QP" run native:extractbyexpression -- INPUT="$L=buildings" EXPRESSION='"fid" % 400 = 7' \
  OUTPUT="$C/buildings_picked.gpkg" >/dev/null
"$QP" run native:translategeometry -- INPUT="$C/buildings_picked.gpkg" DELTA_X=45 DELTA_Y=45 \
  OUTPUT="$C/buildings_new.gpkg" >/dev/null
"$QP" run native:mergevectorlayers -- LAYERS="$C/buildings_kept.gpkg" LAYERS="$C/buildings_new.gpkg" \
  OUTPUT="$C/buildings_edited.gpkg" >/dev/null
"$QP" run spm:assign_building_codes -- BUILDINGS="$C/buildings_edited.gpkg" ADMIN="$L=townships" \
  ADMIN_CODE_FIELD=code YEAR_FIELD=year REGISTRY="$REGISTRY" BEIDOU_LEVEL=8 \
  OUTPUT="$C/coded_buildings_edited.gpkg" >"$C/assign_2.log"
echo "   after demolishing every 10th building and building a few new ones:"
show 'Coded |Registry ' "$C/assign_2.log"

# 2. BeiDou grid codes: 3D at level 10 with the building height, and the cells of the 2D codes
"$QP" run spm:beidou_grid_code -- INPUT="$L=buildings" LEVEL=10 HEIGHT_FIELD=height FIELD=BEIDOU_3D \
  OUTPUT="$C/buildings_beidou_3d.gpkg" >"$C/beidou.log"
show '[0-9]+ codes at level' "$C/beidou.log"
"$QP" run spm:beidou_grid_cells -- CODES="$C/coded_buildings.gpkg" CODE_FIELD=BEIDOU_CODE \
  OUTPUT="$C/beidou_cells.gpkg" >"$C/cells.log"
show '[0-9]+ cells ' "$C/cells.log"

# 3. check the building codes against the townships, and the owners' credit codes
"$QP" run spm:validate_codes -- INPUT="$C/coded_buildings.gpkg" CODE_FIELD=BUILDING_CODE CODE_TYPE=0 \
  ADMIN="$L=townships" ADMIN_CODE_FIELD=code OUTPUT="$C/building_code_check.gpkg" >"$C/validate.log"
show '[0-9]+ codes checked' "$C/validate.log"

# 4. the major-project list: placed by coordinates, codes checked, planned use and conflicts
"$QP" run spm:place_projects -- TABLE="$PROJECTS" CODE_FIELD=project_code X_FIELD=lon Y_FIELD=lat \
  SOURCE_CRS=EPSG:4490 ADMIN="$L=townships" ADMIN_CODE_FIELD=code PLAN="$L=landuse_plan" \
  PLAN_FIELD=YDYHFLDM OUTPUT="$C/projects.gpkg" >"$C/projects.log"
show '[0-9]+ projects: |Row ' "$C/projects.log"
"$QP" run spm:validate_codes -- INPUT="$PROJECTS" CODE_FIELD=owner_credit_code CODE_TYPE=4 \
  OUTPUT="$C/owner_credit_check.csv" >"$C/credit.log"
show '[0-9]+ codes checked|[0-9]+: “' "$C/credit.log"
echo "   registry (open in QGIS, or the dock “Code lookup”): $REGISTRY"
