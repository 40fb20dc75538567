#!/usr/bin/env bash
# 城市码 (多码合一、一码互联) on the sample city: one city code per building and parcel in a register,
# then the 不动产单元 registers (buildings: a GBK CSV; parcels), the major projects, the address
# points and the enterprise register linked to them — invalid codes listed, conflicts for a person
# to resolve — and a mixed list of codes resolved back to their objects with every linked code.
# Needs QP, SAMPLE and OUT (scripts/demo.sh).
set -euo pipefail
: "${QP:?}" "${SAMPLE:?}" "${OUT:?}"
C="$OUT/city_codes"
mkdir -p "$C"
rm -f "$C/city_register.gpkg"
L="$SAMPLE|layername"
D="$(dirname "$SAMPLE")"
R="$C/city_register.gpkg"
show() { grep -oE "($1).*" "$2" | sed 's/^/   /' || true; }

link() {   # name, then the arguments of spm:link_codes
  local name=$1; shift
  "$QP" run spm:link_codes -- CITY_REGISTER="$R" REGION=350300 "$@" OUTPUT="$C/links_$name.gpkg" \
    CONFLICTS="$C/conflicts_$name.csv" INVALID="$C/invalid_$name.csv" >"$C/link_$name.log"
  echo "   [$name]"
  show 'City codes \(|Linked |Invalid code|Conflict ' "$C/link_$name.log"
}

# 1. buildings: their 不动产单元 (GBK CSV, keyed by the building's 标识码)
link bdc_buildings ENTITIES="$L=buildings" ENTITY_TYPE=building ENTITY_KEY_FIELD=BSM \
  REGISTER="$D/bdc_buildings.csv" CODE_FIELD=不动产单元号 CODE_TYPE=不动产单元代码 MATCH=key \
  KEY_FIELD=房屋标识码 KEY_TYPE=building_id
# 2. parcels (宗地): their 不动产单元, then the major projects on them
link bdc_parcels ENTITIES="$L=landuse_current" ENTITY_TYPE=parcel ENTITY_KEY_FIELD=BSM \
  REGISTER="$D/bdc_parcels.csv" CODE_FIELD=不动产单元号 CODE_TYPE=real_estate_unit MATCH=key \
  KEY_FIELD=宗地标识码 KEY_TYPE=parcel_id
link projects ENTITIES="$L=landuse_current" ENTITY_TYPE=parcel ENTITY_KEY_FIELD=BSM \
  REGISTER="$D/projects.csv" CODE_FIELD=project_code CODE_TYPE=project MATCH=key KEY_FIELD=parcels \
  KEY_TYPE=parcel_id
# 3. standard addresses: the address points name their building; one lies across the street
link addresses ENTITIES="$L=buildings" ENTITY_TYPE=building ENTITY_KEY_FIELD=BSM \
  REGISTER="$L=address_points" CODE_FIELD=address CODE_TYPE=address MATCH=key KEY_FIELD=building_bsm \
  KEY_TYPE=building_id TOLERANCE=30
# 4. enterprises: credit codes, found through their address
link enterprises ENTITIES="$L=buildings" ENTITY_TYPE=building ENTITY_KEY_FIELD=BSM \
  REGISTER="$D/enterprises.csv" CODE_FIELD=统一社会信用代码 CODE_TYPE=credit MATCH=key KEY_FIELD=地址 \
  KEY_TYPE=address

# 5. 一码互联: a mixed list of codes (a credit code, an address, a 不动产单元 with hyphens, a project
#    code without hyphens, a city code) resolved to their objects with every code linked to them
python3 - "$D" "$C/codes_to_resolve.csv" <<'PY'
import csv, sys
folder, out = sys.argv[1], sys.argv[2]
ent = list(csv.reader(open(f'{folder}/enterprises.csv', encoding='utf-8-sig')))[1]
unit = list(csv.reader(open(f'{folder}/bdc_buildings.csv', encoding='gbk')))[4][0]
project = list(csv.reader(open(f'{folder}/projects.csv', encoding='utf-8-sig')))[1][0]
with open(out, 'w', encoding='utf-8', newline='') as handle:
    w = csv.writer(handle)
    w.writerow(['code', 'note'])
    w.writerows([[ent[0], 'credit code'], [ent[2], 'address'], [unit, '不动产单元, hyphens'],
                 [project.replace('-', ''), 'project code, no hyphens'], ['35030001000000012', 'city code'],
                 ['91350300000000000X', 'unknown']])
PY
"$QP" run spm:resolve_codes -- CITY_REGISTER="$R" INPUT="$C/codes_to_resolve.csv" CODE_FIELD=code \
  OUTPUT="$C/resolved.gpkg" TABLE="$C/resolved.csv" >"$C/resolve.log"
show '[0-9]+ codes: ' "$C/resolve.log"
cut -d, -f2-7 "$C/resolved.csv" | sed 's/^/   /'
echo "   register (open it in the dock “Code lookup”): $R"
