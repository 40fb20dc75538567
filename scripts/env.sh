# Source me: the environment in which QGIS (qgis_process, pytest-qgis) finds this plugin.
# The checkout is linked as build/plugins/spatial_planning_monitor, whatever its folder is called.
SPM_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export SPM_ROOT
export SPM_PLUGINS="$SPM_ROOT/build/plugins"
mkdir -p "$SPM_PLUGINS"
ln -sfn "$SPM_ROOT" "$SPM_PLUGINS/spatial_planning_monitor"
export QGIS_PLUGINPATH="$SPM_PLUGINS"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
export PROJ_DATA="${PROJ_DATA:-/usr/share/proj}"
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-/tmp/runtime-$(id -u)}"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
# Debian's /usr/bin/qgis_process wrapper passes --noversioncheck, which 3.22 rejects.
export QP="${QP:-/usr/bin/qgis_process.bin}"
export SAMPLE="$SPM_ROOT/sample/putian.gpkg"
