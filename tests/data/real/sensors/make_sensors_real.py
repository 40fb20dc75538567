"""Rebuild albuquerque_tracts.gpkg and costs.csv from libpysal's example "10740" (run once, by hand).

    python make_sensors_real.py /path/to/libpysal/examples/10740

Source: libpysal (BSD-3-Clause) ships 10740.shp, Census 2000 tracts of the Albuquerque CBSA with
their real ids: STFID (11-digit state+county+tract text) and TRACTID (the tract number as text,
'1.07', '47.12', …). The shapefile has no .prj; its coordinates are NAD83 longitude/latitude
(TIGER/Line 2000), declared here as EPSG:4269.

The 23 Bernalillo County tracts (STFID 35001…) whose representative points are nearest downtown
(106.65°W, 35.085°N): alternately risk points (keyed by STFID) and candidate sites (keyed by
TRACTID), 12 and 11. costs.csv: geodesic distance on GRS80 (pyproj.Geod) in metres from every
risk point to every candidate within 6 km, rounded to 0.1 m — the "cost" a road-network tool
would export, keyed by the layers' real text ids.
"""

import sys
from pathlib import Path

import geopandas as gpd
import numpy as np
from pyproj import Geod

HERE = Path(__file__).resolve().parent
CENTRE = (-106.65, 35.085)


def main(folder):
    tracts = gpd.read_file(Path(folder) / '10740.shp').set_crs('EPSG:4269')
    tracts = tracts[tracts['STFID'].str.startswith('35001')].copy()
    tracts['geometry'] = tracts.representative_point()
    geod = Geod(ellps='GRS80')
    x, y = tracts.geometry.x.to_numpy(), tracts.geometry.y.to_numpy()
    _, _, tracts['to_centre'] = geod.inv(np.full(len(x), CENTRE[0]), np.full(len(y), CENTRE[1]), x, y)
    near = tracts.sort_values(['to_centre', 'STFID']).head(23).reset_index(drop=True)
    risk = near.iloc[0::2][['STFID', 'TRACTID', 'geometry']].reset_index(drop=True)
    candidates = near.iloc[1::2][['TRACTID', 'STFID', 'geometry']].reset_index(drop=True)
    out = HERE / 'albuquerque_tracts.gpkg'
    if out.exists():
        out.unlink()
    risk.to_file(out, layer='risk_points', driver='GPKG')
    candidates.to_file(out, layer='candidates', driver='GPKG')
    rows = []
    for _, r in risk.iterrows():
        for _, c in candidates.iterrows():
            _, _, d = geod.inv(r.geometry.x, r.geometry.y, c.geometry.x, c.geometry.y)
            if d <= 6000:
                rows.append(f'{r.STFID},{c.TRACTID},{d:.1f}')
    (HERE / 'costs.csv').write_text('STFID,TRACTID,cost_m\n' + '\n'.join(rows) + '\n', encoding='utf-8')
    print(len(risk), 'risk points,', len(candidates), 'candidates,', len(rows), 'pairs')


if __name__ == '__main__':
    main(sys.argv[1])
