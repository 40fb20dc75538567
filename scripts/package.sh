#!/usr/bin/env bash
# Build dist/spatial_planning_monitor-<version>.zip for the QGIS plugin repository:
# the tracked plugin files plus compiled translations (icons load by path: no resources_rc.py); no tests, caches or dev files.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION="${1:-$(sed -n 's/^version=//p' metadata.txt)}"
NAME=spatial_planning_monitor
STAGE="build/package/$NAME"
rm -rf build/package && mkdir -p "$STAGE" dist
git ls-files -z | grep -zv -E '^(tests|benchmarks|sample|scripts|demo|docs|\.ci)/|^(Makefile|pytest\.ini|requirements-dev\.txt|\.gitignore)$' \
  | xargs -0 -I{} cp --parents {} "$STAGE"/
cp i18n/*.qm "$STAGE/i18n/" 2>/dev/null || true
find "$STAGE" -name '__pycache__' -prune -exec rm -rf {} +
rm -f "dist/$NAME-$VERSION.zip"
(cd build/package && zip -qr "../../dist/$NAME-$VERSION.zip" "$NAME")
echo "dist/$NAME-$VERSION.zip"
