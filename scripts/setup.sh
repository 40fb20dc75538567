#!/usr/bin/env bash
# Install what the plugin, its tests and its demo need on Debian 12, then make the test venv.
# Idempotent: apt runs only when a package is missing; the venv is made once.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  qgis python3-qgis qgis-providers            # QGIS 3.22 and its bindings
  python3-geopandas python3-shapely python3-rasterio python3-rtree python3-scipy python3-pandas
  python3-venv python3-pip                    # the test venv
  pyqt5-dev-tools qttools5-dev-tools          # pylupdate5, pyrcc5, lrelease
  fonts-noto-cjk                              # Chinese text in layouts
  python3-pikepdf                             # searchable report PDFs (ToUnicode maps, title)
  xvfb poppler-utils zip sqlite3              # screenshots, pdftotext/pdftoppm, packaging
  gdal-bin                                    # gdal_rasterize, gdalwarp (carbon demo proxies)
  postgresql postgresql-15-postgis-3          # readings in PostgreSQL/PostGIS (tests start their own server)
  libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3  # what PyQt6's wheels need to import QtGui/QtWidgets
  python3-dask python3-distributed            # the batch engine (python3 -m spatial_planning_monitor.batch)
)
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

VENV=${SPM_VENV:-.venv}
if [ ! -x "$VENV/bin/python" ]; then
  /usr/bin/python3 -m venv --system-site-packages "$VENV"
fi
# Test tools only: nothing here bundles a second GDAL.
"$VENV/bin/python" -m pip install -q --disable-pip-version-check -r requirements-dev.txt

# PyQt6 from PyPI for tests/unit/test_qt6_pyqt6.py only (does every Qt name the plugin uses exist in
# Qt6?): a separate venv, never on the QGIS process's path.
QT6_VENV=build/pyqt6-venv
if [ ! -x "$QT6_VENV/bin/python" ]; then
  /usr/bin/python3 -m venv "$QT6_VENV"
fi
"$QT6_VENV/bin/python" -c 'import PyQt6.QtWidgets' 2>/dev/null \
  || "$QT6_VENV/bin/python" -m pip install -q --disable-pip-version-check PyQt6
