"""Registers for the city code demo (城市码, issue 19): address points (a layer), a 不动产单元
register of buildings (GBK CSV) and of parcels (CSV), an enterprise register with credit codes and
addresses (CSV) — with the faults a real city has: a few invalid codes, one 不动产单元 code on two
buildings, codes written with hyphens and in full-width characters, an address point across the
street from its building, an enterprise at an address nobody knows. Own random stream."""

import csv
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

from .geo import CRS
from .rng import stream

EVERY = 5                    # one building in five is in the registers (keeps the sample small)
CREDIT = '0123456789ABCDEFGHJKLMNPQRTUWXY'
FULL_WIDTH = str.maketrans('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-', '０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺ－')


def _credit(rng, region):
    body = '91' + region + ''.join(rng.choice(list(CREDIT), 9))
    total = sum(CREDIT.index(c) * pow(3, i, 31) for i, c in enumerate(body))
    return body + CREDIT[(31 - total % 31) % 31]


def _located(points, polygons, field):
    joined = gpd.sjoin(gpd.GeoDataFrame(geometry=points, crs=CRS), polygons[[field, 'geometry']],
                       how='left', predicate='within')
    return joined[~joined.index.duplicated()][field].to_numpy()


class CityRegisters:
    """Built from the sample's layers (``Layers``): ``address_points`` (GeoDataFrame) and the
    CSV registers written by :meth:`write`."""

    def __init__(self, layers):
        rng = stream('citycodes')
        b = layers.buildings.iloc[::EVERY].copy()
        centre = b.geometry.representative_point()
        b['township'] = _located(centre, layers.townships, 'code')
        b['parcel'] = _located(centre, layers.landuse_current, 'BSM')
        b = b[pd.notna(b['township']) & pd.notna(b['parcel'])]
        named = layers.roads[[not str(n)[:1].isascii() for n in layers.roads['name']]].reset_index(drop=True)
        district = dict(zip(layers.districts['adcode'], layers.districts['name']))
        # address points: 3 m outside the footprint, towards the nearest named road
        rows, points = [], []
        numbers = {}
        for bsm, geometry, township in zip(b['BSM'], b.geometry, b['township']):
            inner = geometry.representative_point()
            road = named.iloc[int(np.argmin(named.distance(inner).to_numpy()))]
            near = road.geometry.interpolate(road.geometry.project(inner))
            step = np.array([near.x - inner.x, near.y - inner.y])
            step = step / (np.hypot(*step) or 1.0)
            edge = geometry.exterior.distance(inner)
            point = inner.__class__(inner.x + step[0] * (edge + 3), inner.y + step[1] * (edge + 3))
            numbers[road['name']] = numbers.get(road['name'], 0) + 2
            rows.append((f'莆田市{district[township[:6]]}{road["name"]}{numbers[road["name"]]}号', bsm))
            points.append(point)
        self.address_points = gpd.GeoDataFrame(pd.DataFrame(rows, columns=['address', 'building_bsm']),
                                               geometry=points, crs=CRS)
        across = len(points) // 3          # fault: an address point across the street (60 m further out)
        p, q = points[across], b.geometry.iloc[across].representative_point()
        away = np.array([p.x - q.x, p.y - q.y]) / max(p.distance(q), 1e-9)
        self.address_points.loc[across, 'geometry'] = p.__class__(p.x + away[0] * 60, p.y + away[1] * 60)
        self.across = rows[across]
        # 不动产单元: county + 地籍区 (township) + 地籍子区 + GB + parcel number + F + building and unit
        parcel_no = {code: k + 1 for k, code in enumerate(sorted(set(b['parcel'])))}
        in_parcel = {}
        units, parcels = [], {}
        for bsm, township, parcel, (address, _) in zip(b['BSM'], b['township'], b['parcel'], rows):
            in_parcel[parcel] = in_parcel.get(parcel, 0) + 1
            head = f'{township[:6]}{township[6:9]}001GB{parcel_no[parcel] % 100000:05d}'
            units.append([f'{head}F{in_parcel[parcel]:04d}0001', bsm, address])
            parcels.setdefault(parcel, [f'{head}W00000000', parcel])
        units[7][0] = units[7][0][:12] + 'XB' + units[7][0][14:]              # fault: ownership X
        units[11][0] = units[11][0][:-1]                                      # fault: 27 characters
        units[20][0] = units[19][0]                                           # fault: one code, two buildings
        for k in range(3, len(units), 40):                                    # hyphens and full width
            code = units[k][0]
            units[k][0] = f'{code[:6]}-{code[6:12]}-{code[12:19]}-{code[19:]}'
        units[5][0] = units[5][0].translate(FULL_WIDTH)
        self.units = units
        self.parcels = list(parcels.values())
        # enterprises: credit codes at known addresses
        picks = rng.choice(len(rows), size=min(60, len(rows)), replace=False)
        self.enterprises = [[_credit(rng, b['township'].iloc[k][:6]), f'莆田{n + 1:02d}号企业有限公司', rows[k][0]]
                            for n, k in enumerate(sorted(picks))]
        self.enterprises[3][0] = self.enterprises[3][0][:-1] + ('0' if self.enterprises[3][0][-1] != '0' else '1')
        self.enterprises[9][0] = self.enterprises[9][0].replace('9', 'O', 1)         # letter O: never used
        self.enterprises[15][2] = '莆田市城厢区不存在路999号'                         # an address nobody knows

    def write(self, folder):
        """The CSV registers beside the sample GeoPackage."""
        folder = Path(folder)
        _csv(folder / 'bdc_buildings.csv', ['不动产单元号', '房屋标识码', '坐落'], self.units, 'gbk')
        _csv(folder / 'bdc_parcels.csv', ['不动产单元号', '宗地标识码'], self.parcels, 'utf-8-sig')
        _csv(folder / 'enterprises.csv', ['统一社会信用代码', '企业名称', '地址'], self.enterprises, 'utf-8-sig')


def _csv(path, header, rows, encoding):
    with open(path, 'w', encoding=encoding, newline='') as handle:
        writer = csv.writer(handle, lineterminator='\n')
        writer.writerow(header)
        writer.writerows(rows)
