"""Dissolve parcels by a key: unary_union per group, tiny dissolve slivers removed."""

from collections import defaultdict

from shapely.ops import unary_union

from .geo import drop_small_holes, polygons

SLIVER = 1.0   # m2: holes smaller than this, left by floating-point noise, are filled


def dissolve(geoms, keys):
    """{key: geometry} of the union of the geometries sharing a key (keys sorted)."""
    groups = defaultdict(list)
    for g, k in zip(geoms, keys):
        groups[k].append(g)
    out = {}
    for k in sorted(groups):
        merged = unary_union(groups[k]) if len(groups[k]) > 1 else groups[k][0]
        out[k] = drop_small_holes(merged, SLIVER)
    return out


def explode(dissolved, min_area=0.0):
    """[(key, polygon)] of every polygon of every dissolved group, larger than min_area."""
    return [(k, p) for k, g in dissolved.items() for p in polygons(g) if p.area > min_area]
