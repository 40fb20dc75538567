#!/usr/bin/env bash
# The batch engine (Dask): spm:landuse_change on a LocalCluster of 2 workers, without QGIS
# (python3 -m spatial_planning_monitor.batch), then through qgis_process with SCHEDULER=local:2;
# both give the matrix spm:landuse_change gives in QGIS (step 20). Needs QP, SAMPLE, OUT and
# SPM_PLUGINS (scripts/demo.sh).
set -euo pipefail
: "${QP:?}" "${SAMPLE:?}" "${OUT:?}" "${SPM_PLUGINS:?}"
B="$OUT/batch"
mkdir -p "$B"
L="$SAMPLE|layername"
PARAMS=(BEFORE="$L=landuse_previous" AFTER="$L=landuse_current" LEVEL=1
        DEV_BOUNDARY="$L=dev_boundary" DISTRICTS="$L=districts" DISTRICT_FIELD=name)

PYTHONPATH="$SPM_PLUGINS" /usr/bin/python3 -m spatial_planning_monitor.batch landuse_change \
  --workers 2 --tile-features 2000 --json "${PARAMS[@]}" OUTPUT="$B/change.gpkg" \
  MATRIX="$B/change.gpkg|layername=matrix" NEW_CONSTRUCTION="$B/change.gpkg|layername=new_construction" \
  >"$B/batch.json" 2>"$B/batch.log"
echo "   batch CLI: $(tail -1 "$B/batch.log" | tr -d '\n'); $(cat "$B/batch.json")"

"$QP" run spm:landuse_change -- "${PARAMS[@]}" BEFORE_FIELD=DLBM AFTER_FIELD=DLBM SCHEDULER=local:2 \
  OUTPUT="$B/change_qgis.gpkg" MATRIX="$B/matrix_qgis.gpkg" >"$B/qgis_process.log"
/usr/bin/python3 - "$B" <<'PY'
import sys
from osgeo import gdal
folder = sys.argv[1]
def total(path, layer=None):
    ds = gdal.OpenEx(path)
    lyr = ds.GetLayerByName(layer) if layer else ds.GetLayer(0)
    rows = [f for f in lyr]
    return len(rows), rows[-1]['TOTAL']
n, cli = total(f'{folder}/change.gpkg', 'matrix')
_, qgis = total(f'{folder}/matrix_qgis.gpkg')
print(f'   transition matrix: {n} rows, {cli:.4f} ha in all (batch CLI) = {qgis:.4f} ha (SCHEDULER=local:2)')
PY
