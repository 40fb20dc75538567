<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>AssignBuildingCodesAlgorithm</name>
    <message>
        <location filename="../provider/algorithms/codes/assign_building_codes.py" line="47"/>
        <source>Assign building codes (房屋建筑赋码)</source>
        <translation>房屋建筑赋码</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/assign_building_codes.py" line="50"/>
        <source>Buildings (footprints)</source>
        <translation>房屋建筑（基底面）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/assign_building_codes.py" line="52"/>
        <source>Townships/streets (乡镇街道)</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/assign_building_codes.py" line="54"/>
        <source>Township code field (9 digits)</source>
        <translation>乡镇（街道）代码字段（9 位）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/assign_building_codes.py" line="57"/>
        <source>Year field (empty = year of this run)</source>
        <translation>年份字段（为空则取本次运行的年份）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/assign_building_codes.py" line="60"/>
        <source>Code registry (GeoPackage; created when missing)</source>
        <translation>编码登记库（GeoPackage；不存在时新建）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/assign_building_codes.py" line="63"/>
        <source>BeiDou grid level</source>
        <translation>北斗网格层级</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/assign_building_codes.py" line="67"/>
        <source>Minimum overlap to keep a code (share of the larger footprint)</source>
        <translation>保留原编码的最小重叠比例（占较大基底面积的比例）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/assign_building_codes.py" line="122"/>
        <source>Coded buildings</source>
        <translation>已赋码建筑</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/assign_building_codes.py" line="82"/>
        <source>township code</source>
        <translation>乡镇（街道）代码</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/assign_building_codes.py" line="86"/>
        <source>year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/assign_building_codes.py" line="77"/>
        <source>Give the path of the code registry (a .gpkg file; it is created when missing).</source>
        <translation>请指定编码登记库的路径（.gpkg 文件；不存在时自动新建）。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/assign_building_codes.py" line="79"/>
        <source>The code registry must be a GeoPackage (.gpkg), not {path}.</source>
        <translation>编码登记库必须是 GeoPackage（.gpkg）文件，而不是 {path}。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/assign_building_codes.py" line="96"/>
        <source>Read {n} buildings and {m} townships; coding with scheme {scheme} ({length} characters).</source>
        <translation>读取 {n} 栋建筑和 {m} 个乡镇（街道）；按编码方案 {scheme}（{length} 位）赋码。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/assign_building_codes.py" line="127"/>
        <source>Coded {n} buildings: {kept} kept their code, {issued} got a new code, {retired} code(s) of vanished buildings retired.</source>
        <translation>已为 {n} 栋建筑赋码：{kept} 栋保留原编码，{issued} 栋新赋编码，{retired} 个已灭失建筑的编码注销。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/assign_building_codes.py" line="131"/>
        <source>Registry {path} (run {run}): {total0} rows before ({active0} active), {total} rows now ({active} active, {retired_total} retired).</source>
        <translation>登记库 {path}（第 {run} 次运行）：运行前 {total0} 条记录（有效 {active0} 条），现有 {total} 条记录（有效 {active} 条，已注销 {retired_total} 条）。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/assign_building_codes.py" line="138"/>
        <source>{n} building(s) lie outside every township and got no code (CODE_STATUS “outside”): features {ids}.</source>
        <translation>{n} 栋建筑不在任何乡镇（街道）范围内，未赋码（CODE_STATUS 为“outside”）：要素 {ids}。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/assign_building_codes.py" line="148"/>
        <source>{n} feature(s) have no geometry and got no code.</source>
        <translation>{n} 个要素没有几何图形，未赋码。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/assign_building_codes.py" line="151"/>
        <source>{n} building(s) have no year; the year of this run was used.</source>
        <translation>{n} 栋建筑缺少年份，已采用本次运行的年份。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/assign_building_codes.py" line="154"/>
        <source>{n} building(s) kept a code naming a township other than the one they now lie in (ADMIN_CODE); codes never change.</source>
        <translation>{n} 栋建筑保留的编码所含乡镇（街道）与其当前所在乡镇（ADMIN_CODE）不同；编码一经赋予不再变更。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/assign_building_codes.py" line="158"/>
        <source>{n} centroid(s) lie on a township boundary or in overlapping townships; the lowest township code was used.</source>
        <translation>{n} 个质心位于乡镇（街道）边界上或相互重叠的乡镇内；已采用最小的乡镇代码。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/assign_building_codes.py" line="115"/>
        <source>The codes of this run are in the registry (run {run}), but the output could not be moved to “{path}” ({error}). Run again with the same buildings: they keep these codes.</source>
        <translation>本次运行的编码已写入登记库（第 {run} 次运行），但输出无法移动到“{path}”（{error}）。请用相同的建筑重新运行：它们将保留这些编码。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/assign_building_codes.py" line="143"/>
        <source>{n} building(s) whose footprint has no area were coded at the mean of their vertices (fix their footprints): features {ids}.</source>
        <translation>{n} 栋建筑的基底面积为零，已按其顶点均值位置赋码（请修正其基底面）：要素 {ids}。</translation>
    </message>
</context>
<context>
    <name>BeidouGridCellsAlgorithm</name>
    <message>
        <location filename="../provider/algorithms/codes/beidou_grid_cells.py" line="33"/>
        <source>BeiDou grid cells from codes (北斗网格单元)</source>
        <translation>由编码生成北斗网格单元</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/beidou_grid_cells.py" line="36"/>
        <source>Table or layer with BeiDou grid codes</source>
        <translation>含北斗网格位置码的表或图层</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/beidou_grid_cells.py" line="38"/>
        <source>Code field</source>
        <translation>编码字段</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/beidou_grid_cells.py" line="82"/>
        <source>BeiDou grid cells</source>
        <translation>北斗网格单元</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/beidou_grid_cells.py" line="46"/>
        <source>BeiDou grid code</source>
        <translation>北斗网格位置码</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/beidou_grid_cells.py" line="58"/>
        <source>Layer “{layer}”, field “{field}”: no value is a BeiDou grid code (feature {fid}: “{code}”, {reason}).</source>
        <translation>图层“{layer}”字段“{field}”：没有任何值是北斗网格位置码（要素 {fid}：“{code}”，{reason}）。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/beidou_grid_cells.py" line="65"/>
        <source>{n} value(s) are not BeiDou grid codes and get no cell: {list}.</source>
        <translation>{n} 个值不是北斗网格位置码，未生成网格单元：{list}。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/beidou_grid_cells.py" line="77"/>
        <source>{n} cells ({n3} of them 3D), in CGCS2000 longitude/latitude (EPSG:4490).</source>
        <translation>共 {n} 个网格单元（其中三维 {n3} 个），坐标为 CGCS2000 经纬度（EPSG:4490）。</translation>
    </message>
</context>
<context>
    <name>BeidouGridCodeAlgorithm</name>
    <message>
        <location filename="../provider/algorithms/codes/beidou_grid_code.py" line="38"/>
        <source>BeiDou grid location code (北斗网格位置码)</source>
        <translation>北斗网格位置码</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/beidou_grid_code.py" line="41"/>
        <source>Input layer</source>
        <translation>输入图层</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/beidou_grid_code.py" line="43"/>
        <source>Grid level (1 = 6°×4° … 8 ≈ 1 m … 10 ≈ 1.5 cm)</source>
        <translation>网格层级（1 = 6°×4° … 8 ≈ 1 米 … 10 ≈ 1.5 厘米）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/beidou_grid_code.py" line="60"/>
        <source>Name of the new field</source>
        <translation>新字段名称</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/beidou_grid_code.py" line="62"/>
        <source>With BeiDou grid codes</source>
        <translation>含北斗网格位置码</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/beidou_grid_code.py" line="70"/>
        <source>height</source>
        <translation>高度</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/beidou_grid_code.py" line="74"/>
        <source>Give a name for the new field.</source>
        <translation>请指定新字段的名称。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/beidou_grid_code.py" line="80"/>
        <source>Layer “{layer}” has no coordinate reference system.</source>
        <translation>图层“{layer}”没有坐标参考系。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/beidou_grid_code.py" line="86"/>
        <source>feature {fid}</source>
        <translation>要素 {fid}</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/beidou_grid_code.py" line="100"/>
        <source>{n} feature(s) without geometry get no code: {ids}.</source>
        <translation>{n} 个要素没有几何图形，未赋码：{ids}。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/beidou_grid_code.py" line="103"/>
        <source>Field “{field}” exists in the input; the output replaces it.</source>
        <translation>输入图层中已有字段“{field}”，输出中将被替换。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/beidou_grid_code.py" line="106"/>
        <source>{n} codes at level {level} (cells about {w:.3g} m × {h:.3g} m here){kind}.</source>
        <translation>生成 {n} 个第 {level} 级编码（此处网格约 {w:.3g} 米 × {h:.3g} 米）{kind}。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/beidou_grid_code.py" line="115"/>
        <source>BeiDou grid codes</source>
        <translation>北斗网格位置码</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/beidou_grid_code.py" line="46"/>
        <source>Height field for a 3D code: ellipsoidal height (大地高) above CGCS2000, metres (empty = 2D code)</source>
        <translation>三维编码的高度字段：CGCS2000 大地高，单位米（为空则生成二维编码）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/beidou_grid_code.py" line="50"/>
        <source>The height field holds</source>
        <translation>高度字段的含义</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/beidou_grid_code.py" line="50"/>
        <source>ellipsoidal height (大地高, GB/T 39409)</source>
        <translation>大地高（GB/T 39409）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/beidou_grid_code.py" line="50"/>
        <source>height above ground (add the ground’s ellipsoidal height)</source>
        <translation>相对地面高度（需加上地面的大地高）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/beidou_grid_code.py" line="54"/>
        <source>Ground ellipsoidal height field (大地高 of the ground, metres)</source>
        <translation>地面大地高字段（米）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/beidou_grid_code.py" line="57"/>
        <source>Ground ellipsoidal height for every feature (metres)</source>
        <translation>所有要素统一的地面大地高（米）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/beidou_grid_code.py" line="106"/>
        <source>, 3D with ellipsoidal heights from “{f}”</source>
        <translation>，三维编码，大地高取自“{f}”</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/beidou_grid_code.py" line="110"/>
        <source>Heights above ground plus the ground’s ellipsoidal height ({g}).</source>
        <translation>相对地面高度加上地面大地高（{g}）。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/beidou_grid_code.py" line="110"/>
        <source>field “{f}”</source>
        <translation>字段“{f}”</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/beidou_grid_code.py" line="127"/>
        <source>HEIGHT_REFERENCE “height above ground” needs a HEIGHT_FIELD.</source>
        <translation>HEIGHT_REFERENCE 为“相对地面高度”时需要指定 HEIGHT_FIELD。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/beidou_grid_code.py" line="130"/>
        <source>ground height</source>
        <translation>地面高度</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/beidou_grid_code.py" line="133"/>
        <source>Heights above ground need the ground’s ellipsoidal height (大地高 above CGCS2000, as GB/T 39409 measures heights): give GROUND_FIELD or GROUND_HEIGHT.</source>
        <translation>相对地面高度需要地面的大地高（CGCS2000 大地高，GB/T 39409 即以此量测高度）：请指定 GROUND_FIELD 或 GROUND_HEIGHT。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/beidou_grid_code.py" line="76"/>
        <source>FIELD “{field}” is the reserved id column of GeoPackage outputs; choose another name.</source>
        <translation>FIELD“{field}”是 GeoPackage 输出的保留编号字段，请另取名称。</translation>
    </message>
</context>
<context>
    <name>BuildingCarbonAlgorithm</name>
    <message>
        <location filename="../provider/algorithms/carbon/building_carbon.py" line="41"/>
        <source>Building carbon account (建筑碳账户)</source>
        <translation>建筑碳账户</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/building_carbon.py" line="44"/>
        <source>Buildings</source>
        <translation>建筑</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/building_carbon.py" line="46"/>
        <source>Building use field</source>
        <translation>建筑用途字段</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/building_carbon.py" line="49"/>
        <source>Floor area field (m²; empty = footprint × floors)</source>
        <translation>建筑面积字段（平方米；为空则按基底面积 × 层数计算）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/building_carbon.py" line="53"/>
        <source>Floors field</source>
        <translation>层数字段</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/building_carbon.py" line="57"/>
        <source>Energy-use intensity table (CSV, kWh/m²·a by use)</source>
        <translation>能耗强度表（CSV，按用途的 kWh/平方米·年）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/building_carbon.py" line="60"/>
        <source>Use for unknown uses (empty = stop)</source>
        <translation>未知用途按此用途计（为空则停止运行）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/building_carbon.py" line="66"/>
        <source>Grid cell size (0 = no grid)</source>
        <translation>网格大小（0 = 不生成网格）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/building_carbon.py" line="125"/>
        <source>Building carbon (t CO₂/a)</source>
        <translation>建筑碳排放（t CO₂/年）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/building_carbon.py" line="131"/>
        <source>Building carbon grid (t CO₂/a per cell)</source>
        <translation>建筑碳排放网格（每个网格 t CO₂/年）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/building_carbon.py" line="78"/>
        <source>building use</source>
        <translation>建筑用途</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/building_carbon.py" line="83"/>
        <source>floor area</source>
        <translation>建筑面积</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/building_carbon.py" line="86"/>
        <source>floors</source>
        <translation>层数</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/building_carbon.py" line="88"/>
        <source>Layer “{layer}”: give a floor-area field or a floors field.</source>
        <translation>图层“{layer}”：请指定建筑面积字段或层数字段。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/building_carbon.py" line="108"/>
        <source>{n} building(s) with unknown uses were given the use {use}: {uses}.</source>
        <translation>{n} 栋用途未知的建筑已按用途 {use} 计算：{uses}。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/building_carbon.py" line="120"/>
        <source>{n} grid cells of {size:g} m hold buildings.</source>
        <translation>{n} 个 {size:g} 米网格内有建筑。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/building_carbon.py" line="63"/>
        <source>Administrative code of the area (e.g. 350302; chooses the province’s grid factor when none is given)</source>
        <translation>区域的行政区划代码（如 350302；未指定电网排放因子时据此选用所在省份的因子）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/building_carbon.py" line="105"/>
        <source>all buildings</source>
        <translation>全部建筑</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/building_carbon.py" line="113"/>
        <source>{n} buildings, {area:,.0f} m² of floor area: {co2:,.1f} t CO₂/a (electricity {e:,.0f} MWh, gas {g:,.0f} MWh, heat {h:,.0f} MWh).</source>
        <translation>{n} 栋建筑，建筑面积 {area:,.0f} 平方米：{co2:,.1f} t CO₂/年（电力 {e:,.0f} MWh，燃气 {g:,.0f} MWh，热力 {h:,.0f} MWh）。</translation>
    </message>
</context>
<context>
    <name>CarbonHotspotsAlgorithm</name>
    <message>
        <location filename="../provider/algorithms/carbon/carbon_hotspots.py" line="37"/>
        <source>Carbon hot spots (Getis–Ord Gi*, 冷热点)</source>
        <translation>碳排放冷热点分析（Getis–Ord Gi*）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/carbon_hotspots.py" line="40"/>
        <source>Grid, polygons or points</source>
        <translation>网格、面或点图层</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/carbon_hotspots.py" line="43"/>
        <source>Value field (e.g. CO2_T)</source>
        <translation>数值字段（如 CO2_T）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/carbon_hotspots.py" line="46"/>
        <source>Spatial weights</source>
        <translation>空间权重</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/carbon_hotspots.py" line="46"/>
        <source>Distance band</source>
        <translation>距离阈值</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/carbon_hotspots.py" line="46"/>
        <source>Contiguity (queen: shared edge or corner)</source>
        <translation>邻接（Queen：共边或共点）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/carbon_hotspots.py" line="46"/>
        <source>k nearest neighbours</source>
        <translation>K 近邻</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/carbon_hotspots.py" line="53"/>
        <source>k (nearest neighbours)</source>
        <translation>K（近邻个数）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/carbon_hotspots.py" line="56"/>
        <source>Significance level</source>
        <translation>显著性水平</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/carbon_hotspots.py" line="59"/>
        <source>False discovery rate correction (Benjamini–Hochberg)</source>
        <translation>错误发现率校正（Benjamini–Hochberg）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/carbon_hotspots.py" line="84"/>
        <source>Carbon hot spots (Gi*)</source>
        <translation>碳排放冷热点（Gi*）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/carbon_hotspots.py" line="67"/>
        <source>value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/carbon_hotspots.py" line="79"/>
        <source>Spatial weights: {weights}. {hot} hot and {cold} cold spot(s) among {n} features.</source>
        <translation>空间权重：{weights}。{n} 个要素中有 {hot} 个热点、{cold} 个冷点。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/carbon_hotspots.py" line="50"/>
        <source>Distance band in metres (0 = smallest giving every feature a neighbour)</source>
        <translation>距离阈值（米；0 = 使每个要素至少有一个邻居的最小距离）</translation>
    </message>
</context>
<context>
    <name>CodeLookupBase</name>
    <message>
        <location filename="../ui/code_lookup.ui" line="10"/>
        <source>Building, project or BeiDou code</source>
        <translation>房屋建筑、项目或北斗编码</translation>
    </message>
    <message>
        <location filename="../ui/code_lookup.ui" line="13"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../ui/code_lookup.ui" line="24"/>
        <source>Pick a building</source>
        <translation>拾取建筑</translation>
    </message>
    <message>
        <location filename="../ui/code_lookup.ui" line="29"/>
        <source>Open registry…</source>
        <translation>打开登记库…</translation>
    </message>
    <message>
        <location filename="../ui/code_lookup.ui" line="46"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../ui/code_lookup.ui" line="47"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../ui/code_lookup.ui" line="48"/>
        <source>Meaning</source>
        <translation>含义</translation>
    </message>
</context>
<context>
    <name>CodeLookupDock</name>
    <message>
        <location filename="../ui/code_lookup.py" line="304"/>
        <source>Code lookup (赋码查询)</source>
        <translation>赋码查询</translation>
    </message>
    <message>
        <location filename="../ui/code_lookup.py" line="342"/>
        <source>No code found (at least {n} characters).</source>
        <translation>未找到编码（至少输入 {n} 个字符）。</translation>
    </message>
    <message>
        <location filename="../ui/code_lookup.py" line="399"/>
        <source>No feature with codes here.</source>
        <translation>此处没有带编码的要素。</translation>
    </message>
    <message>
        <location filename="../ui/code_lookup.py" line="420"/>
        <source>{layer}, feature {fid}</source>
        <translation>{layer}，要素 {fid}</translation>
    </message>
    <message>
        <location filename="../ui/code_lookup.py" line="455"/>
        <source>Registry</source>
        <translation>登记库</translation>
    </message>
    <message>
        <location filename="../ui/code_lookup.py" line="455"/>
        <source>{code}: issued {issued}, last seen {seen}{retired}</source>
        <translation>{code}：赋码于 {issued}，最近一次确认存在于 {seen}{retired}</translation>
    </message>
    <message>
        <location filename="../ui/code_lookup.py" line="455"/>
        <source>, retired {day}</source>
        <translation>，注销于 {day}</translation>
    </message>
    <message>
        <location filename="../ui/code_lookup.py" line="465"/>
        <source>Open a code registry</source>
        <translation>打开编码登记库</translation>
    </message>
    <message>
        <location filename="../ui/code_lookup.py" line="475"/>
        <source>Code registry ({name})</source>
        <translation>编码登记库（{name}）</translation>
    </message>
    <message>
        <location filename="../ui/code_lookup.py" line="478"/>
        <source>{path} is not a code registry.</source>
        <translation>{path} 不是编码登记库。</translation>
    </message>
    <message>
        <location filename="../ui/code_lookup.py" line="324"/>
        <source>No layer of the project has codes yet. BeiDou grid codes are decoded without one; to find buildings and projects by code, give the buildings their codes with “Assign building codes” (spm:assign_building_codes) or open a code registry.</source>
        <translation>项目中还没有含编码的图层。北斗网格位置码无需图层即可解码；如需按编码查找建筑和项目，请先用“房屋建筑赋码”（spm:assign_building_codes）为建筑赋码，或打开编码登记库。</translation>
    </message>
    <message>
        <location filename="../ui/code_lookup.py" line="472"/>
        <source>City code register ({name})</source>
        <translation>城市码登记库（{name}）</translation>
    </message>
</context>
<context>
    <name>ControlLinesAlgorithm</name>
    <message>
        <location filename="../provider/algorithms/monitoring/control_lines.py" line="39"/>
        <source>Three control lines (三线占用监测)</source>
        <translation>三条控制线占用监测</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/control_lines.py" line="43"/>
        <source>Land use (三调 parcels)</source>
        <translation>土地利用现状（三调图斑）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/control_lines.py" line="45"/>
        <source>Land-use code field</source>
        <translation>地类编码字段</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/control_lines.py" line="52"/>
        <source>Ecological protection red line (生态保护红线)</source>
        <translation>生态保护红线</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/control_lines.py" line="55"/>
        <source>Permanent basic farmland (永久基本农田)</source>
        <translation>永久基本农田</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/control_lines.py" line="58"/>
        <source>Urban development boundary (城镇开发边界)</source>
        <translation>城镇开发边界</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/control_lines.py" line="61"/>
        <source>Districts</source>
        <translation>行政区</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/control_lines.py" line="63"/>
        <source>District name field</source>
        <translation>行政区名称字段</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/control_lines.py" line="116"/>
        <source>Control-line violations</source>
        <translation>三线占用图斑</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/control_lines.py" line="69"/>
        <source>三线占用情况汇总表 (area and count by district and type)</source>
        <translation>三线占用情况汇总表（按行政区和类型统计面积与图斑数）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/control_lines.py" line="78"/>
        <source>land-use code</source>
        <translation>地类编码</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/control_lines.py" line="86"/>
        <source>Give at least one control line: ECO_REDLINE, FARMLAND or DEV_BOUNDARY.</source>
        <translation>请至少指定一条控制线：ECO_REDLINE、FARMLAND 或 DEV_BOUNDARY。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/control_lines.py" line="92"/>
        <source>district name</source>
        <translation>行政区名称</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/control_lines.py" line="97"/>
        <source>Reading the layers</source>
        <translation>正在读取图层</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/control_lines.py" line="108"/>
        <source>Overlaying land use and control lines</source>
        <translation>正在叠加土地利用与控制线</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/control_lines.py" line="113"/>
        <source>Writing the results</source>
        <translation>正在写出结果</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/control_lines.py" line="118"/>
        <source>三线占用情况汇总表</source>
        <translation>三线占用情况汇总表</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/control_lines.py" line="48"/>
        <source>城镇村属性码 field (201 城市, 202 建制镇, 203 村庄 …; default CZCSXM when the layer has it)</source>
        <translation>城镇村属性码字段（201 城市、202 建制镇、203 村庄…；图层有 CZCSXM 时默认使用该字段）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/control_lines.py" line="127"/>
        <source>城镇村属性码</source>
        <translation>城镇村属性码</translation>
    </message>
</context>
<context>
    <name>DownscaleEmissionsAlgorithm</name>
    <message>
        <location filename="../provider/algorithms/carbon/downscale_emissions.py" line="46"/>
        <source>Downscale emissions to a grid (排放空间化)</source>
        <translation>碳排放空间化（降尺度到网格）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/downscale_emissions.py" line="49"/>
        <source>Regions with totals</source>
        <translation>含排放总量的区域</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/downscale_emissions.py" line="51"/>
        <source>Total field (t CO₂)</source>
        <translation>总量字段（t CO₂）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/downscale_emissions.py" line="54"/>
        <source>Region name field (for messages)</source>
        <translation>区域名称字段（用于提示信息）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/downscale_emissions.py" line="57"/>
        <source>Proxies (rasters, and/or buildings, roads or points)</source>
        <translation>空间化代理数据（栅格，和/或建筑、道路、点图层）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/downscale_emissions.py" line="60"/>
        <source>Weights, one per proxy, comma-separated (empty = equal)</source>
        <translation>各代理数据的权重，逗号分隔（为空则等权）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/downscale_emissions.py" line="63"/>
        <source>Vector proxies: weight field (empty = floor area, length or count)</source>
        <translation>矢量代理数据：权重字段（为空则按建筑面积、长度或个数）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/downscale_emissions.py" line="66"/>
        <source>Polygon proxies: floors field (floor area = footprint × floors)</source>
        <translation>面状代理数据：层数字段（建筑面积 = 基底面积 × 层数）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/downscale_emissions.py" line="71"/>
        <source>Refuse rasters of more cells than</source>
        <translation>栅格像元数上限（超过则拒绝）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/downscale_emissions.py" line="134"/>
        <source>Emissions grid (t CO₂ per cell)</source>
        <translation>碳排放网格（每像元 t CO₂）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/downscale_emissions.py" line="77"/>
        <source>Largest relative difference between a total and its cells</source>
        <translation>区域总量与其像元之和的最大相对差</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/downscale_emissions.py" line="79"/>
        <source>Regions spread evenly (every proxy zero)</source>
        <translation>均匀分摊的区域（所有代理数据均为零）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/downscale_emissions.py" line="84"/>
        <source>total</source>
        <translation>总量</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/downscale_emissions.py" line="89"/>
        <source>region name</source>
        <translation>区域名称</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/downscale_emissions.py" line="107"/>
        <source>Give at least one proxy layer.</source>
        <translation>请至少指定一个代理数据图层。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/downscale_emissions.py" line="119"/>
        <source>Proxy “{layer}” has no field “{field}” (WEIGHT_FIELD).</source>
        <translation>代理数据“{layer}”没有字段“{field}”（WEIGHT_FIELD）。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/downscale_emissions.py" line="126"/>
        <source>Proxy “{layer}” is neither a raster nor a vector layer.</source>
        <translation>代理数据“{layer}”既不是栅格图层也不是矢量图层。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/downscale_emissions.py" line="145"/>
        <source>WEIGHTS “{text}” must be numbers separated by commas.</source>
        <translation>WEIGHTS“{text}”必须是以逗号分隔的数字。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/downscale_emissions.py" line="148"/>
        <source>WEIGHTS has {n} value(s) for {m} proxy layer(s).</source>
        <translation>WEIGHTS 有 {n} 个值，而代理数据图层有 {m} 个。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/downscale_emissions.py" line="69"/>
        <source>Pixel size (metres)</source>
        <translation>像元大小（米）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/downscale_emissions.py" line="92"/>
        <source>The emissions grid is written in {crs}, the working CRS.</source>
        <translation>碳排放网格以工作坐标系 {crs} 写出。</translation>
    </message>
</context>
<context>
    <name>EnergyCarbonAlgorithm</name>
    <message>
        <location filename="../provider/algorithms/carbon/energy_carbon.py" line="42"/>
        <source>Energy carbon account (能源消费碳排放)</source>
        <translation>能源消费碳排放</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/energy_carbon.py" line="45"/>
        <source>Energy consumption table (district × fuel, long format)</source>
        <translation>能源消费表（行政区 × 能源品种，长表格式）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/energy_carbon.py" line="48"/>
        <source>District field</source>
        <translation>行政区字段</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/energy_carbon.py" line="48"/>
        <source>Fuel field</source>
        <translation>能源品种字段</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/energy_carbon.py" line="48"/>
        <source>Amount field</source>
        <translation>消费量字段</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/energy_carbon.py" line="54"/>
        <source>Unit field (t, 万m³, MWh …; empty = the factor table’s units)</source>
        <translation>计量单位字段（t、万m³、MWh …；为空则采用排放因子表的单位）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/energy_carbon.py" line="57"/>
        <source>Year field</source>
        <translation>年份字段</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/energy_carbon.py" line="64"/>
        <source>Only this year (empty = every year)</source>
        <translation>仅统计该年份（为空则统计所有年份）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/energy_carbon.py" line="67"/>
        <source>Fuel factor table (CSV; default: IPCC 2006 reference approach)</source>
        <translation>能源排放因子表（CSV；默认：IPCC 2006 参考方法）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/energy_carbon.py" line="71"/>
        <source>Districts (to give the totals their polygons)</source>
        <translation>行政区图层（为汇总结果赋予行政区边界）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/energy_carbon.py" line="74"/>
        <source>Districts: key field matching the district field</source>
        <translation>行政区图层：与行政区字段对应的关联字段</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/energy_carbon.py" line="154"/>
        <source>Energy CO₂ by district and fuel (t CO₂)</source>
        <translation>分行政区、分能源品种的能源碳排放（t CO₂）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/energy_carbon.py" line="79"/>
        <source>Energy CO₂ totals by district (t CO₂/a)</source>
        <translation>分行政区能源碳排放总量（t CO₂/年）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/energy_carbon.py" line="85"/>
        <source>district</source>
        <translation>行政区</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/energy_carbon.py" line="85"/>
        <source>fuel</source>
        <translation>能源品种</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/energy_carbon.py" line="85"/>
        <source>amount</source>
        <translation>消费量</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/energy_carbon.py" line="85"/>
        <source>unit</source>
        <translation>计量单位</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/energy_carbon.py" line="85"/>
        <source>year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/energy_carbon.py" line="98"/>
        <source>YEAR is given but the table has no year field.</source>
        <translation>指定了 YEAR，但表中没有年份字段。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/energy_carbon.py" line="102"/>
        <source>Table “{table}” has no row for year {year} (it has {years}).</source>
        <translation>表“{table}”中没有 {year} 年的记录（已有年份：{years}）。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/energy_carbon.py" line="111"/>
        <source>district key</source>
        <translation>行政区关联字段</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/energy_carbon.py" line="139"/>
        <source>Districts in the table but not in layer “{layer}”: {keys}.</source>
        <translation>表中有但图层“{layer}”中没有的行政区：{keys}。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/energy_carbon.py" line="155"/>
        <source>Energy CO₂ by district (t CO₂/a)</source>
        <translation>分行政区能源碳排放（t CO₂/年）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/energy_carbon.py" line="60"/>
        <source>Sector field (rows of power generation, e.g. 发电, are checked for double counting with electricity)</source>
        <translation>部门字段（发电等部门的记录将与电力消费核对，以免重复计算）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/energy_carbon.py" line="85"/>
        <source>sector</source>
        <translation>部门</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/energy_carbon.py" line="131"/>
        <source>District {dist}{year}: the table lists fuel burnt for power generation ({fuels}) and electricity consumption; their CO₂ is counted twice unless the electricity comes from elsewhere.</source>
        <translation>行政区 {dist}{year}：表中既有发电燃料消费（{fuels}），又有电力消费；除非电力来自外部，否则其 CO₂ 被重复计算。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/energy_carbon.py" line="146"/>
        <source>{n} district(s): {total:.1f} t CO₂ in all.</source>
        <translation>{n} 个行政区：合计 {total:.1f} t CO₂。</translation>
    </message>
</context>
<context>
    <name>EvaluateSensorCoverageAlgorithm</name>
    <message>
        <location filename="../provider/algorithms/sensors/evaluate_sensor_coverage.py" line="41"/>
        <source>Evaluate sensor coverage (感知覆盖评估)</source>
        <translation>感知覆盖评估</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/sensors/evaluate_sensor_coverage.py" line="45"/>
        <source>District field of the risk points (coverage by district)</source>
        <translation>风险点的行政区字段（分行政区统计覆盖率）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/sensors/evaluate_sensor_coverage.py" line="100"/>
        <source>Sensors</source>
        <translation>感知终端</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/sensors/evaluate_sensor_coverage.py" line="50"/>
        <source>Sensors’ own radius field</source>
        <translation>感知终端自身的覆盖半径字段</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/sensors/evaluate_sensor_coverage.py" line="96"/>
        <source>Risk point coverage</source>
        <translation>风险点覆盖情况</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/sensors/evaluate_sensor_coverage.py" line="98"/>
        <source>Sensor coverage summary</source>
        <translation>感知覆盖汇总</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/sensors/evaluate_sensor_coverage.py" line="57"/>
        <source>Sensors with what they cover</source>
        <translation>感知终端及其覆盖情况</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/sensors/evaluate_sensor_coverage.py" line="64"/>
        <source>district</source>
        <translation>行政区</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/sensors/evaluate_sensor_coverage.py" line="67"/>
        <source>radius</source>
        <translation>覆盖半径</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/sensors/evaluate_sensor_coverage.py" line="73"/>
        <source>Finding which sensors cover which risk points</source>
        <translation>正在计算各感知终端覆盖的风险点</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/sensors/evaluate_sensor_coverage.py" line="83"/>
        <source>Field {field} of the risk points is replaced by the result.</source>
        <translation>风险点图层的字段 {field} 将被结果替换。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/sensors/evaluate_sensor_coverage.py" line="89"/>
        <source>{c} of {n} risk points covered ({pct:.1f} %); {r} of {s} sensors are redundant (everything they cover is covered by another).</source>
        <translation>{n} 个风险点中已覆盖 {c} 个（{pct:.1f} %）；{s} 个感知终端中有 {r} 个冗余（其覆盖的风险点均已被其他终端覆盖）。</translation>
    </message>
</context>
<context>
    <name>ExportAtlasAlgorithm</name>
    <message>
        <location filename="../provider/algorithms/reports/export_atlas.py" line="59"/>
        <source>One PDF for all districts</source>
        <translation>所有行政区合为一个 PDF</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/reports/export_atlas.py" line="59"/>
        <source>One PDF per district</source>
        <translation>每个行政区一个 PDF</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/reports/export_atlas.py" line="60"/>
        <source>One PNG per district</source>
        <translation>每个行政区一张 PNG</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/reports/export_atlas.py" line="64"/>
        <source>Districts (atlas coverage)</source>
        <translation>行政区（图集覆盖图层）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/reports/export_atlas.py" line="66"/>
        <source>District name field (titles and file names)</source>
        <translation>行政区名称字段（用于标题和文件名）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/reports/export_atlas.py" line="69"/>
        <source>Planned land use (用地用海)</source>
        <translation>规划用地用海</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/reports/export_atlas.py" line="71"/>
        <source>Land-use code field (default: YDYHDM or YDYHFLDM)</source>
        <translation>用地用海编码字段（默认：YDYHDM 或 YDYHFLDM）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/reports/export_atlas.py" line="74"/>
        <source>Control-line violations (spm:control_lines)</source>
        <translation>三线占用图斑（spm:control_lines）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/reports/export_atlas.py" line="76"/>
        <source>Indicator table (spm:indicators TABLE)</source>
        <translation>指标表（spm:indicators 的 TABLE 输出）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/reports/export_atlas.py" line="79"/>
        <source>Carbon emission grid (raster or polygons)</source>
        <translation>碳排放网格（栅格或面）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/reports/export_atlas.py" line="81"/>
        <source>Sensors</source>
        <translation>感知终端</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/reports/export_atlas.py" line="88"/>
        <source>Template: district_report_a3, summary_a4 or the path of a .qpt</source>
        <translation>模板：district_report_a3、summary_a4 或 .qpt 文件路径</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/reports/export_atlas.py" line="91"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/reports/export_atlas.py" line="93"/>
        <source>Resolution (DPI)</source>
        <translation>分辨率（DPI）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/reports/export_atlas.py" line="96"/>
        <source>Monitoring year</source>
        <translation>监测年份</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/reports/export_atlas.py" line="99"/>
        <source>Report (PDF file, or folder for one file per district)</source>
        <translation>报告（PDF 文件；每个行政区单独成文件时为文件夹）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/reports/export_atlas.py" line="99"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/reports/export_atlas.py" line="102"/>
        <source>Pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/reports/export_atlas.py" line="115"/>
        <source>Layer “{layer}” ({param}) is not valid.</source>
        <translation>图层“{layer}”（{param}）无效。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/reports/export_atlas.py" line="143"/>
        <source>No indicator rows for {n} district(s) (field “{field}”: {values}); their table stays empty.</source>
        <translation>{n} 个行政区没有指标记录（字段“{field}”：{values}）；其指标表为空。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/reports/export_atlas.py" line="147"/>
        <source>Indicator table rows are matched to districts by field “{field}”.</source>
        <translation>指标表记录按字段“{field}”与行政区匹配。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/reports/export_atlas.py" line="168"/>
        <source>District report</source>
        <translation>分区监测报告</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/reports/export_atlas.py" line="175"/>
        <source>{n} pages written to {path}</source>
        <translation>已将 {n} 页写入 {path}</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/reports/export_atlas.py" line="52"/>
        <source>Export district report atlas (分区监测报告图集)</source>
        <translation>导出分区监测报告图集</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/reports/export_atlas.py" line="83"/>
        <source>耕地进出平衡 table (spm:farmland_balance SUMMARY)</source>
        <translation>耕地进出平衡表（spm:farmland_balance 的 SUMMARY）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/reports/export_atlas.py" line="83"/>
        <source>新增建设用地 table (spm:landuse_change NEW_CONSTRUCTION)</source>
        <translation>新增建设用地表（spm:landuse_change 的 NEW_CONSTRUCTION）</translation>
    </message>
</context>
<context>
    <name>FarmlandBalanceAlgorithm</name>
    <message>
        <location filename="../provider/algorithms/monitoring/farmland_balance.py" line="37"/>
        <source>Cropland balance (耕地进出平衡)</source>
        <translation>耕地进出平衡</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/farmland_balance.py" line="42"/>
        <source>Flow types (CSV; default: the shipped 非农化/非粮化 table)</source>
        <translation>流向类型（CSV；默认：插件自带的非农化/非粮化表）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/farmland_balance.py" line="46"/>
        <source>Cropland flow patches (流出/流入)</source>
        <translation>耕地流出/流入图斑</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/farmland_balance.py" line="49"/>
        <source>耕地进出平衡表 (流出/流入/净增减 by district and class, ha)</source>
        <translation>耕地进出平衡表（分行政区、分地类的流出/流入/净增减，公顷）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/farmland_balance.py" line="63"/>
        <source>Reading the layers</source>
        <translation>正在读取图层</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/farmland_balance.py" line="67"/>
        <source>Overlaying the two surveys</source>
        <translation>正在叠加两期调查数据</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/farmland_balance.py" line="72"/>
        <source>Writing the results</source>
        <translation>正在写出结果</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/farmland_balance.py" line="75"/>
        <source>Cropland flows (耕地流出/流入)</source>
        <translation>耕地流出/流入</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/farmland_balance.py" line="77"/>
        <source>耕地进出平衡表</source>
        <translation>耕地进出平衡表</translation>
    </message>
</context>
<context>
    <name>GapPanel</name>
    <message>
        <location filename="../ui/sensor_gaps.py" line="41"/>
        <source>Select on map</source>
        <translation>在地图上选择</translation>
    </message>
    <message>
        <location filename="../ui/sensor_gaps.py" line="42"/>
        <source>Plan for them…</source>
        <translation>为其规划布设…</translation>
    </message>
    <message>
        <location filename="../ui/sensor_gaps.py" line="78"/>
        <source>{n} risk points are no longer covered: {m} sensors offline</source>
        <translation>{n} 个风险点已失去覆盖：{m} 个感知终端失联</translation>
    </message>
</context>
<context>
    <name>IndicatorDock</name>
    <message>
        <location filename="../ui/indicator_dock.py" line="54"/>
        <source>City indicators (城市体检)</source>
        <translation>城市体检指标</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="89"/>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="89"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="89"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="89"/>
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="89"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="89"/>
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="127"/>
        <source>Districts</source>
        <translation>行政区图层</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="127"/>
        <source>Key field</source>
        <translation>关联字段</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="127"/>
        <source>Indicator table</source>
        <translation>指标表</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="127"/>
        <source>District</source>
        <translation>行政区</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="127"/>
        <source>Show contributing features</source>
        <translation>显示参与计算的要素</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="127"/>
        <source>Restore style</source>
        <translation>恢复样式</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="127"/>
        <source>Land use</source>
        <translation>土地利用</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="127"/>
        <source>Land-use code field</source>
        <translation>地类编码字段</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="127"/>
        <source>Ecological red line</source>
        <translation>生态保护红线</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="127"/>
        <source>Permanent farmland</source>
        <translation>永久基本农田</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="127"/>
        <source>Development boundary</source>
        <translation>城镇开发边界</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="127"/>
        <source>Buildings</source>
        <translation>建筑</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="127"/>
        <source>Roads</source>
        <translation>道路</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="127"/>
        <source>Risk points</source>
        <translation>风险点</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="127"/>
        <source>Risk kind field</source>
        <translation>风险类型字段</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="143"/>
        <source>Source layers (for tracing)</source>
        <translation>源图层（用于溯源）</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="257"/>
        <source>Layer “{layer}”: {problem}</source>
        <translation>图层“{layer}”：{problem}</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="353"/>
        <source>{name}: {n} district(s) in 预警/超标 selected.</source>
        <translation>{name}：已选中 {n} 个预警/超标行政区。</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="439"/>
        <source>The indicator has no value in any district.</source>
        <translation>该指标在所有行政区均无数值。</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="92"/>
        <source>Change since the previous result (give spm:indicators a PREVIOUS table)</source>
        <translation>与上期结果相比的变化（需为 spm:indicators 指定 PREVIOUS 表）</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="181"/>
        <source>No indicator table in the project yet. Compute the indicators first with “City indicators” (spm:indicators) on your districts and land use; its indicator table is what this panel shows.</source>
        <translation>项目中还没有指标表。请先用“城市体检指标”（spm:indicators）基于行政区和土地利用计算指标；本面板显示的就是其指标表。</translation>
    </message>
</context>
<context>
    <name>IndicatorDockBase</name>
    <message>
        <location filename="../ui/indicator_dock.ui" line="9"/>
        <source>Districts</source>
        <translation>行政区图层</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.ui" line="11"/>
        <source>Key field</source>
        <translation>关联字段</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.ui" line="13"/>
        <source>Indicator table</source>
        <translation>指标表</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.ui" line="15"/>
        <source>District</source>
        <translation>行政区</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.ui" line="39"/>
        <source>Show contributing features</source>
        <translation>显示参与计算的要素</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.ui" line="40"/>
        <source>Restore style</source>
        <translation>恢复样式</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.ui" line="51"/>
        <source>Source layers (for tracing)</source>
        <translation>源图层（用于溯源）</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.ui" line="61"/>
        <source>Land use</source>
        <translation>土地利用</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.ui" line="63"/>
        <source>Land-use code field</source>
        <translation>地类编码字段</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.ui" line="65"/>
        <source>Ecological red line</source>
        <translation>生态保护红线</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.ui" line="67"/>
        <source>Permanent farmland</source>
        <translation>永久基本农田</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.ui" line="69"/>
        <source>Development boundary</source>
        <translation>城镇开发边界</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.ui" line="71"/>
        <source>Buildings</source>
        <translation>建筑</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.ui" line="73"/>
        <source>Roads</source>
        <translation>道路</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.ui" line="75"/>
        <source>Risk points</source>
        <translation>风险点</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.ui" line="77"/>
        <source>Risk kind field</source>
        <translation>风险类型字段</translation>
    </message>
</context>
<context>
    <name>IndicatorsAlgorithm</name>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="69"/>
        <source>City indicators (城市体检)</source>
        <translation>城市体检指标</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="73"/>
        <source>Districts</source>
        <translation>行政区</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="75"/>
        <source>District key field (code or name)</source>
        <translation>行政区关联字段（代码或名称）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="78"/>
        <source>Resident population field</source>
        <translation>常住人口字段</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="78"/>
        <source>Urban resident population field</source>
        <translation>城镇常住人口字段</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="83"/>
        <source>Current land use (三调)</source>
        <translation>土地利用现状（三调）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="85"/>
        <source>Land-use code field</source>
        <translation>地类编码字段</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="92"/>
        <source>Ecological protection red line</source>
        <translation>生态保护红线</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="92"/>
        <source>Permanent basic farmland</source>
        <translation>永久基本农田</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="92"/>
        <source>Urban development boundary</source>
        <translation>城镇开发边界</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="92"/>
        <source>Building footprints</source>
        <translation>建筑基底</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="97"/>
        <source>Roads</source>
        <translation>道路</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="99"/>
        <source>Risk points</source>
        <translation>风险点</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="101"/>
        <source>Risk point kind field</source>
        <translation>风险点类型字段</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="104"/>
        <source>Sensors</source>
        <translation>感知终端</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="106"/>
        <source>Sensor coverage radius</source>
        <translation>感知终端覆盖半径</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="109"/>
        <source>Carbon emissions by district (table or layer)</source>
        <translation>分行政区碳排放（表或图层）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="112"/>
        <source>Carbon table: district key field</source>
        <translation>碳排放表：行政区关联字段</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="115"/>
        <source>Carbon table: total emissions field (t CO₂)</source>
        <translation>碳排放表：排放总量字段（t CO₂）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="139"/>
        <source>Indicator definitions (CSV; default: the shipped table)</source>
        <translation>指标定义（CSV；默认：插件自带的指标表）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="142"/>
        <source>Previous result, for the trend (last year&apos;s TABLE or OUTPUT)</source>
        <translation>上期结果，用于计算趋势（上一年的 TABLE 或 OUTPUT）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="146"/>
        <source>Districts with indicators</source>
        <translation>含指标的行政区</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="272"/>
        <source>Indicator table</source>
        <translation>指标表</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="155"/>
        <source>district key</source>
        <translation>行政区关联字段</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="183"/>
        <source>land-use code</source>
        <translation>地类编码</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="192"/>
        <source>城镇村属性码</source>
        <translation>城镇村属性码</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="219"/>
        <source>SENSOR_RADIUS must be greater than 0 when SENSORS is given.</source>
        <translation>指定 SENSORS 时，SENSOR_RADIUS 必须大于 0。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="225"/>
        <source>risk point kind</source>
        <translation>风险点类型</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="241"/>
        <source>Layer “{layer}” (PREVIOUS) is neither an indicator TABLE (fields DISTRICT, IND_ID, VALUE) nor an OUTPUT with the district field “{field}”.</source>
        <translation>图层“{layer}”（PREVIOUS）既不是指标表 TABLE（字段 DISTRICT、IND_ID、VALUE），也不是含行政区字段“{field}”的 OUTPUT。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="247"/>
        <source>Measuring {n} districts…</source>
        <translation>正在量算 {n} 个行政区…</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="255"/>
        <source>No 城镇村属性码 field: urban construction land is taken as the construction land inside the urban development boundary.</source>
        <translation>没有城镇村属性码字段：城镇建设用地按城镇开发边界内的建设用地计。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="262"/>
        <source>District fields {fields} are replaced by indicator fields of the same name.</source>
        <translation>行政区图层中的字段 {fields} 被同名指标字段替换。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="271"/>
        <source>District indicators</source>
        <translation>行政区指标</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="274"/>
        <source>{n} indicator values computed for {d} districts; {w} 预警, {e} 超标.</source>
        <translation>为 {d} 个行政区计算了 {n} 个指标值；预警 {w} 个，超标 {e} 个。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="285"/>
        <source>Layer “{layer}” has no coordinate reference system.</source>
        <translation>图层“{layer}”没有坐标参考系。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="294"/>
        <source>The districts are in geographic coordinates; areas and lengths are measured in {crs}.</source>
        <translation>行政区图层采用地理坐标系；面积和长度按 {crs} 量算。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="302"/>
        <source>Layer “{layer}”: {n} district(s) have no value in “{field}”.</source>
        <translation>图层“{layer}”：{n} 个行政区的“{field}”没有值。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="306"/>
        <source>Layer “{layer}”: field “{field}” is not unique ({values}).</source>
        <translation>图层“{layer}”：字段“{field}”的值不唯一（{values}）。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="384"/>
        <source>carbon table district key</source>
        <translation>碳排放表行政区关联字段</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="387"/>
        <source>carbon total</source>
        <translation>碳排放总量</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="405"/>
        <source>Layer “{layer}”: field “{field}”, row {row}: “{value}” is not a number.</source>
        <translation>图层“{layer}”字段“{field}”第 {row} 行：“{value}”不是数字。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="411"/>
        <source>Carbon table “{layer}” has no row for district(s) {keys}.</source>
        <translation>碳排放表“{layer}”中没有行政区 {keys} 的记录。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="88"/>
        <source>Urban/village attribute field (城镇村属性码; default CZCSXM when the layer has it)</source>
        <translation>城镇村属性码字段（图层有 CZCSXM 时默认使用该字段）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="118"/>
        <source>Carbon table: year field (default YEAR when present)</source>
        <translation>碳排放表：年份字段（存在 YEAR 时默认使用）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="121"/>
        <source>District statistics by year (table: district, year, gdp …)</source>
        <translation>分年度行政区统计数据（表：行政区、年份、GDP…）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="124"/>
        <source>Statistics: district key field</source>
        <translation>统计数据：行政区关联字段</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="127"/>
        <source>Statistics: year field</source>
        <translation>统计数据：年份字段</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="130"/>
        <source>Year of the statistics and carbon rows (empty = the latest)</source>
        <translation>统计数据和碳排放记录的年份（为空则取最新年份）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="133"/>
        <source>Life-circle coverage by district (DISTRICT_TABLE of spm:life_circle)</source>
        <translation>各行政区生活圈覆盖率（spm:life_circle 的 DISTRICT_TABLE 输出）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="312"/>
        <source>Layer “{layer}”</source>
        <translation>图层“{layer}”</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="339"/>
        <source>statistics district key</source>
        <translation>统计数据行政区关联字段</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="341"/>
        <source>statistics year</source>
        <translation>统计数据年份</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="347"/>
        <source>Layer “{layer}”: field “{field}” holds no year.</source>
        <translation>图层“{layer}”：字段“{field}”中没有年份。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="354"/>
        <source>Statistics “{layer}”: year {year} and {prev} ({names}).</source>
        <translation>统计数据“{layer}”：使用 {year} 年和 {prev} 年（{names}）。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="393"/>
        <source>carbon table year</source>
        <translation>碳排放表年份</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="417"/>
        <source>Carbon table “{layer}”: the rows of {year}, and of {prev} for the previous year.</source>
        <translation>碳排放表“{layer}”：使用 {year} 年的记录，上一年使用 {prev} 年的记录。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="136"/>
        <source>City vital signs by district (DISTRICT_TABLE of spm:vital_signs)</source>
        <translation>按行政区的城市运行体征（spm:vital_signs 的 DISTRICT_TABLE）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="364"/>
        <source>district key ({param})</source>
        <translation>行政区编码（{param}）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/indicators/indicators.py" line="372"/>
        <source>Table “{layer}” ({param}) has no row for district(s) {keys}; was it made with the same districts and key field?</source>
        <translation>表“{layer}”（{param}）中没有行政区 {keys} 的记录；是否使用了相同的行政区图层和编码字段？</translation>
    </message>
</context>
<context>
    <name>LanduseCarbonAlgorithm</name>
    <message>
        <location filename="../provider/algorithms/carbon/landuse_carbon.py" line="41"/>
        <source>Land-use carbon account (土地利用碳排放)</source>
        <translation>土地利用碳排放</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/landuse_carbon.py" line="45"/>
        <source>Land-use parcels</source>
        <translation>土地利用图斑</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/landuse_carbon.py" line="47"/>
        <source>Land-use code field</source>
        <translation>地类编码字段</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/landuse_carbon.py" line="50"/>
        <source>Codes are</source>
        <translation>编码体系</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/landuse_carbon.py" line="50"/>
        <source>三调 / GB/T 21010 (mapped to 用地用海)</source>
        <translation>三调 / GB/T 21010（转换为用地用海）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/landuse_carbon.py" line="50"/>
        <source>用地用海 2023</source>
        <translation>用地用海 2023</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/landuse_carbon.py" line="50"/>
        <source>Detect</source>
        <translation>自动识别</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/landuse_carbon.py" line="54"/>
        <source>Coefficient table (CSV; default: Guangdong 2018, 吕国玮 et al. 2023)</source>
        <translation>碳排放系数表（CSV；默认：广东省 2018 年，吕国玮等 2023）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/landuse_carbon.py" line="57"/>
        <source>Class for unknown codes (用地用海 level-1, e.g. 23; empty = stop)</source>
        <translation>未知编码归入的类别（用地用海一级类，如 23；为空则停止运行）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/landuse_carbon.py" line="60"/>
        <source>Districts</source>
        <translation>行政区</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/landuse_carbon.py" line="62"/>
        <source>District key field</source>
        <translation>行政区关联字段</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/landuse_carbon.py" line="66"/>
        <source>Land-use carbon (t CO₂/a)</source>
        <translation>土地利用碳排放（t CO₂/年）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/landuse_carbon.py" line="114"/>
        <source>Land-use carbon by district and class (t CO₂/a)</source>
        <translation>分行政区、分地类的土地利用碳排放（t CO₂/年）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/landuse_carbon.py" line="77"/>
        <source>land-use code</source>
        <translation>地类编码</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/landuse_carbon.py" line="85"/>
        <source>district key</source>
        <translation>行政区关联字段</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/landuse_carbon.py" line="99"/>
        <source>{n} parcel(s) with unknown codes were given class {cls}: {codes}.</source>
        <translation>{n} 个编码未知的图斑已归入类别 {cls}：{codes}。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/landuse_carbon.py" line="105"/>
        <source>{n} parcels, {area:.1f} ha: emission {emis:.1f}, sink {sink:.1f}, net {net:.1f} t CO₂/a (codes read as {scheme}).</source>
        <translation>{n} 个图斑，{area:.1f} 公顷：碳排放 {emis:.1f}，碳汇 {sink:.1f}，净排放 {net:.1f} t CO₂/年（编码按 {scheme} 识别）。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/landuse_carbon.py" line="113"/>
        <source>Land-use carbon, net (t CO₂/a)</source>
        <translation>土地利用净碳排放（t CO₂/年）</translation>
    </message>
</context>
<context>
    <name>LanduseChangeAlgorithm</name>
    <message>
        <location filename="../provider/algorithms/monitoring/landuse_change.py" line="40"/>
        <source>Land-use change and transition matrix (土地利用变化)</source>
        <translation>土地利用变化与转移矩阵</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/landuse_change.py" line="44"/>
        <source>Class level (1 = level-1 classes, 2 = level-2 classes)</source>
        <translation>地类层级（1 = 一级类，2 = 二级类）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/landuse_change.py" line="53"/>
        <source>Change patches</source>
        <translation>变化图斑</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/landuse_change.py" line="106"/>
        <source>Transition matrix (ha)</source>
        <translation>转移矩阵（公顷）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/landuse_change.py" line="74"/>
        <source>Reading the layers</source>
        <translation>正在读取图层</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/landuse_change.py" line="76"/>
        <source>Overlaying the two surveys</source>
        <translation>正在叠加两期调查数据</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/landuse_change.py" line="98"/>
        <source>Writing the results</source>
        <translation>正在写出结果</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/landuse_change.py" line="104"/>
        <source>Land-use change</source>
        <translation>土地利用变化</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/landuse_change.py" line="47"/>
        <source>Urban development boundary (城镇开发边界), for 新增建设用地 inside and outside it</source>
        <translation>城镇开发边界（用于统计边界内外的新增建设用地）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/landuse_change.py" line="51"/>
        <source>Districts (for the 新增建设用地 table)</source>
        <translation>行政区（用于新增建设用地表）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/landuse_change.py" line="57"/>
        <source>新增建设用地 inside / outside the urban development boundary, by district (ha; needs DEV_BOUNDARY)</source>
        <translation>分行政区城镇开发边界内/外新增建设用地（公顷；需要 DEV_BOUNDARY）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/landuse_change.py" line="92"/>
        <source>新增建设用地: {total:.2f} ha, {inside:.2f} ha inside the urban development boundary, {outside:.2f} ha outside.</source>
        <translation>新增建设用地：{total:.2f} 公顷，其中城镇开发边界内 {inside:.2f} 公顷，边界外 {outside:.2f} 公顷。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/landuse_change.py" line="97"/>
        <source>NEW_CONSTRUCTION needs DEV_BOUNDARY: not written.</source>
        <translation>NEW_CONSTRUCTION 需要 DEV_BOUNDARY：未写出。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/landuse_change.py" line="110"/>
        <source>新增建设用地</source>
        <translation>新增建设用地</translation>
    </message>
</context>
<context>
    <name>LifeCircleAlgorithm</name>
    <message>
        <location filename="../provider/algorithms/access/life_circle.py" line="48"/>
        <source>Community life circle walking access (社区生活圈)</source>
        <translation>社区生活圈步行可达性</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/access/life_circle.py" line="51"/>
        <source>Residential buildings or parcels (polygons or points)</source>
        <translation>居住建筑或地块（面或点）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/access/life_circle.py" line="54"/>
        <source>Population field</source>
        <translation>人口字段</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/access/life_circle.py" line="57"/>
        <source>Facilities (points)</source>
        <translation>设施（点）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/access/life_circle.py" line="59"/>
        <source>Facility kind field (社区卫生服务中心/站, 小学 …)</source>
        <translation>设施类型字段（社区卫生服务中心/站、小学…）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/access/life_circle.py" line="62"/>
        <source>Parks and squares (polygons)</source>
        <translation>公园广场（面）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/access/life_circle.py" line="65"/>
        <source>Smallest park or square counted (m²)</source>
        <translation>计入的公园广场最小面积（平方米）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/access/life_circle.py" line="68"/>
        <source>Park entrances (points; empty: parks are entered anywhere on their boundary)</source>
        <translation>公园出入口（点；为空则可从边界任意位置进入公园）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/access/life_circle.py" line="71"/>
        <source>Walkable roads (lines, joined at shared vertices)</source>
        <translation>步行道路（线，在共享顶点处连接）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/access/life_circle.py" line="73"/>
        <source>Footpaths (lines, joined to the roads where they cross them)</source>
        <translation>步行小径（线，在与道路相交处接入道路）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/access/life_circle.py" line="76"/>
        <source>Districts</source>
        <translation>行政区</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/access/life_circle.py" line="78"/>
        <source>District key field (as in spm:indicators)</source>
        <translation>行政区关联字段（与 spm:indicators 相同）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/access/life_circle.py" line="81"/>
        <source>Threshold table (CSV kind, code, minutes, metres; default: GB 50180-2018)</source>
        <translation>阈值表（CSV：类型、代码、分钟、米；默认：GB 50180-2018）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/access/life_circle.py" line="84"/>
        <source>Walking speed (km/h)</source>
        <translation>步行速度（千米/小时）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/access/life_circle.py" line="87"/>
        <source>Farthest a home or facility may be from the network (m)</source>
        <translation>住宅或设施到路网的最大距离（米）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/access/life_circle.py" line="90"/>
        <source>Count the straight walk between a building or facility and the network</source>
        <translation>计入建筑或设施与路网之间的直线步行距离</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/access/life_circle.py" line="96"/>
        <source>Residential walking access</source>
        <translation>居住步行可达性</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/access/life_circle.py" line="174"/>
        <source>Life-circle coverage by district</source>
        <translation>各行政区生活圈覆盖率</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/access/life_circle.py" line="100"/>
        <source>Reachable streets by kind</source>
        <translation>各类设施可达街道</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/access/life_circle.py" line="105"/>
        <source>population</source>
        <translation>人口</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/access/life_circle.py" line="108"/>
        <source>facility kind</source>
        <translation>设施类型</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/access/life_circle.py" line="116"/>
        <source>DISTRICTS is given: choose its key field (DISTRICT_FIELD).</source>
        <translation>已指定 DISTRICTS：请选择其关联字段（DISTRICT_FIELD）。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/access/life_circle.py" line="117"/>
        <source>district key</source>
        <translation>行政区关联字段</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/access/life_circle.py" line="133"/>
        <source>Walking from {n} homes to {m} facilities…</source>
        <translation>正在计算 {n} 处住宅到 {m} 个设施的步行距离…</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/access/life_circle.py" line="152"/>
        <source>Field(s) {fields} of the residential layer are replaced by the result.</source>
        <translation>居住图层的字段 {fields} 被结果替换。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/access/life_circle.py" line="165"/>
        <source>{kind}: {pct:.1f} % of residents within {m:g} m ({min:g} min).</source>
        <translation>{kind}：{pct:.1f} % 的居民在 {m:g} 米（{min:g} 分钟）步行范围内。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/access/life_circle.py" line="167"/>
        <source>Every kind within 15 minutes: {pct:.1f} % of residents.</source>
        <translation>15 分钟内可达所有类型设施的居民：{pct:.1f} %。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/access/life_circle.py" line="171"/>
        <source>Life-circle access</source>
        <translation>生活圈可达性</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/access/life_circle.py" line="176"/>
        <source>Reachable streets</source>
        <translation>可达街道</translation>
    </message>
</context>
<context>
    <name>LinkCodesAlgorithm</name>
    <message>
        <location filename="../provider/algorithms/codes/link_codes.py" line="56"/>
        <source>Link codes to city codes (多码合一)</source>
        <translation>多码合一（编码关联城市码）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/link_codes.py" line="59"/>
        <source>City objects (buildings, parcels, projects, address points, enterprises)</source>
        <translation>城市对象（建筑、地块、项目、地址点、企业）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/link_codes.py" line="62"/>
        <source>Type of the city objects</source>
        <translation>城市对象类型</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/link_codes.py" line="65"/>
        <source>Key field of the objects (a building code, 标识码 …; empty: match by footprint)</source>
        <translation>对象的关联字段（房屋建筑编码、标识码…；为空则按基底面匹配）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/link_codes.py" line="68"/>
        <source>City code register (GeoPackage; created when missing)</source>
        <translation>城市码登记库（GeoPackage；不存在时新建）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/link_codes.py" line="69"/>
        <source>Region code of a new register (6 digits, e.g. 350300)</source>
        <translation>新登记库的行政区划代码（6 位，如 350300）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/link_codes.py" line="71"/>
        <source>Register of codes to link (table or layer)</source>
        <translation>待关联的编码表（表或图层）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/link_codes.py" line="73"/>
        <source>Code field</source>
        <translation>编码字段</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/link_codes.py" line="75"/>
        <source>Code type: real_estate_unit, project, credit, address, beidou, building, or a type of your own</source>
        <translation>编码类型：real_estate_unit、project、credit、address、beidou、building，或自定义类型</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/link_codes.py" line="78"/>
        <source>Match by</source>
        <translation>匹配方式</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/link_codes.py" line="81"/>
        <source>Key field of the register (MATCH=key)</source>
        <translation>编码表的关联字段（MATCH=key）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/link_codes.py" line="84"/>
        <source>Code type the key is already linked as (e.g. building_id, address, city)</source>
        <translation>关联字段已关联的编码类型（如 building_id、address、city）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/link_codes.py" line="87"/>
        <source>Tolerance (m): nearest match, and how far a keyed location may lie</source>
        <translation>容差（米）：最近匹配的距离，以及按关联字段匹配时位置允许的偏差</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/link_codes.py" line="90"/>
        <source>Overlay: minimum share of an object’s area in the register polygon</source>
        <translation>叠加：对象面积落在编码表面要素内的最小比例</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/link_codes.py" line="93"/>
        <source>Stop when one code would link to more objects than</source>
        <translation>单个编码关联的对象数超过此值时停止</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/link_codes.py" line="96"/>
        <source>City code scheme (id in city_code_schemes.json, or path.json[#id])</source>
        <translation>城市码方案（city_code_schemes.json 中的方案代码，或 path.json[#id]）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/link_codes.py" line="187"/>
        <source>Links made</source>
        <translation>已建立的关联</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/link_codes.py" line="188"/>
        <source>Conflicts to resolve</source>
        <translation>待处理的冲突</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/link_codes.py" line="189"/>
        <source>Invalid and unmatched codes</source>
        <translation>无效及未匹配的编码</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/link_codes.py" line="113"/>
        <source>object key</source>
        <translation>对象关联字段</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/link_codes.py" line="115"/>
        <source>codes</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/link_codes.py" line="120"/>
        <source>key (MATCH=key)</source>
        <translation>关联字段（MATCH=key）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/link_codes.py" line="140"/>
        <source>Register “{layer}” has no locations: MATCH={method} needs points or polygons. Match it by a key field instead (MATCH=key).</source>
        <translation>编码表“{layer}”没有位置信息：MATCH={method} 需要点或面。请改为按关联字段匹配（MATCH=key）。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/link_codes.py" line="153"/>
        <source>Read {n} objects ({type}) and {m} register rows; linking {code} codes by {method}.</source>
        <translation>读取 {n} 个对象（{type}）和 {m} 行编码记录；按 {method} 关联 {code} 编码。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/link_codes.py" line="183"/>
        <source>The links of this run are in the register (run {run}), but the outputs could not be moved into place ({error}).</source>
        <translation>本次运行的关联已写入登记库（第 {run} 次运行），但输出无法移动到目标位置（{error}）。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/link_codes.py" line="213"/>
        <source>City codes (run {run}): {n} objects, {kept} kept their code, {issued} new, {retired} retired; {lineage} lineage record(s).</source>
        <translation>城市码（第 {run} 次运行）：{n} 个对象，{kept} 个保留原编码，{issued} 个新赋码，{retired} 个注销；沿革记录 {lineage} 条。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/link_codes.py" line="218"/>
        <source>Object keys are linked as code type “{type}”.</source>
        <translation>对象关联字段按编码类型“{type}”关联。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/link_codes.py" line="219"/>
        <source>Linked {linked} of {rows} register rows ({links} links: {added} new, {ended} ended); {invalid} invalid, {unmatched} unmatched, {conflicts} conflict(s).</source>
        <translation>{rows} 行编码记录中已关联 {linked} 行（{links} 条关联：新增 {added} 条，终止 {ended} 条）；无效 {invalid} 个，未匹配 {unmatched} 个，冲突 {conflicts} 个。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/link_codes.py" line="222"/>
        <source>Invalid code “{code}” (row {row}): {reason}</source>
        <translation>无效编码“{code}”（第 {row} 行）：{reason}</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/link_codes.py" line="225"/>
        <source>Conflict {kind}: {code} → {cities} ({detail})</source>
        <translation>冲突 {kind}：{code} → {cities}（{detail}）</translation>
    </message>
</context>
<context>
    <name>PlaceProjectsAlgorithm</name>
    <message>
        <location filename="../provider/algorithms/codes/place_projects.py" line="41"/>
        <source>Place major projects on the map (重大项目落图)</source>
        <translation>重大项目落图</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/place_projects.py" line="44"/>
        <source>Project table (CSV, spreadsheet or layer)</source>
        <translation>项目表（CSV、电子表格或图层）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/place_projects.py" line="46"/>
        <source>Project code field (GB/T 40058)</source>
        <translation>项目代码字段（GB/T 40058）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/place_projects.py" line="48"/>
        <source>X / longitude field</source>
        <translation>X / 经度字段</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/place_projects.py" line="50"/>
        <source>Y / latitude field</source>
        <translation>Y / 纬度字段</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/place_projects.py" line="52"/>
        <source>CRS of the X/Y values</source>
        <translation>X/Y 坐标值的坐标参考系</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/place_projects.py" line="54"/>
        <source>Parcel id field (instead of X/Y; several ids separated by ; , 、)</source>
        <translation>地块编号字段（替代 X/Y；多个编号以 ; , 、 分隔）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/place_projects.py" line="57"/>
        <source>Parcels</source>
        <translation>地块</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/place_projects.py" line="59"/>
        <source>Parcel id field in the parcel layer (default: same name as in the table)</source>
        <translation>地块图层中的地块编号字段（默认：与项目表中同名）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/place_projects.py" line="62"/>
        <source>Plan zoning (用地用海 polygons)</source>
        <translation>规划分区（用地用海图斑）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/place_projects.py" line="64"/>
        <source>Planned land-use code field</source>
        <translation>规划用地用海编码字段</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/place_projects.py" line="67"/>
        <source>Project land-use code field (用地用海; empty = any construction land fits)</source>
        <translation>项目用地用海编码字段（为空则任意建设用地均视为符合）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/place_projects.py" line="70"/>
        <source>Townships (to name where each project lies and check its code)</source>
        <translation>乡镇（街道）（用于标注项目所在位置并校验其代码）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/place_projects.py" line="73"/>
        <source>Township code field</source>
        <translation>乡镇（街道）代码字段</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/place_projects.py" line="151"/>
        <source>Placed projects</source>
        <translation>已落图项目</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/place_projects.py" line="87"/>
        <source>project code</source>
        <translation>项目代码</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/place_projects.py" line="88"/>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/place_projects.py" line="89"/>
        <source>Y</source>
        <translation>Y</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/place_projects.py" line="106"/>
        <source>parcel id</source>
        <translation>地块编号</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/place_projects.py" line="91"/>
        <source>project land use</source>
        <translation>项目用地用途</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/place_projects.py" line="97"/>
        <source>Give either both X_FIELD and Y_FIELD, or PARCEL_FIELD with PARCELS (one way to place the projects).</source>
        <translation>请同时指定 X_FIELD 和 Y_FIELD，或者指定 PARCEL_FIELD 和 PARCELS（二者择一落图）。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/place_projects.py" line="100"/>
        <source>X_FIELD and Y_FIELD go together; one of them is missing.</source>
        <translation>X_FIELD 与 Y_FIELD 须同时指定；缺少其中一个。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/place_projects.py" line="104"/>
        <source>PARCEL_FIELD needs the PARCELS layer.</source>
        <translation>PARCEL_FIELD 需要 PARCELS 图层。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/place_projects.py" line="109"/>
        <source>planned land use</source>
        <translation>规划用地用海</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/place_projects.py" line="113"/>
        <source>township code</source>
        <translation>乡镇（街道）代码</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/place_projects.py" line="117"/>
        <source>Give the CRS of the X/Y values (SOURCE_CRS).</source>
        <translation>请指定 X/Y 坐标值的坐标参考系（SOURCE_CRS）。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/place_projects.py" line="142"/>
        <source>{n} projects: {placed} placed, {valid} with a valid code, {conflict} in conflict with the plan.</source>
        <translation>{n} 个项目：已落图 {placed} 个，代码有效 {valid} 个，与规划冲突 {conflict} 个。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/place_projects.py" line="148"/>
        <source>Row {fid}: {note}</source>
        <translation>第 {fid} 行：{note}</translation>
    </message>
</context>
<context>
    <name>PlanConformanceAlgorithm</name>
    <message>
        <location filename="../provider/algorithms/monitoring/plan_conformance.py" line="36"/>
        <source>Plan conformance (规划符合性分析)</source>
        <translation>规划符合性分析</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/plan_conformance.py" line="40"/>
        <source>Current land use (三调 parcels)</source>
        <translation>土地利用现状（三调图斑）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/plan_conformance.py" line="42"/>
        <source>Current land-use code field</source>
        <translation>现状地类编码字段</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/plan_conformance.py" line="45"/>
        <source>Plan zones (用地用海)</source>
        <translation>规划分区（用地用海）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/plan_conformance.py" line="47"/>
        <source>Plan code field</source>
        <translation>规划编码字段</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/plan_conformance.py" line="50"/>
        <source>Compatibility rules (CSV; default: the shipped table)</source>
        <translation>兼容规则（CSV；默认：插件自带的规则表）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/plan_conformance.py" line="54"/>
        <source>Conformance pieces</source>
        <translation>符合性分析图斑</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/plan_conformance.py" line="56"/>
        <source>Conformance summary by plan class and status</source>
        <translation>按规划用途和符合状态汇总</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/plan_conformance.py" line="66"/>
        <source>current land-use code</source>
        <translation>现状地类编码</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/plan_conformance.py" line="68"/>
        <source>plan code</source>
        <translation>规划编码</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/plan_conformance.py" line="74"/>
        <source>Reading the layers</source>
        <translation>正在读取图层</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/plan_conformance.py" line="81"/>
        <source>Overlaying current use and plan</source>
        <translation>正在叠加现状与规划</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/plan_conformance.py" line="87"/>
        <source>{status}: {area:.2f} ha</source>
        <translation>{status}：{area:.2f} 公顷</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/plan_conformance.py" line="89"/>
        <source>Writing the results</source>
        <translation>正在写出结果</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/plan_conformance.py" line="92"/>
        <source>Plan conformance</source>
        <translation>规划符合性</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/plan_conformance.py" line="93"/>
        <source>Plan conformance summary</source>
        <translation>规划符合性汇总</translation>
    </message>
</context>
<context>
    <name>PlanSensorsAlgorithm</name>
    <message>
        <location filename="../provider/algorithms/sensors/plan_sensors.py" line="52"/>
        <source>Plan sensor sites (感知终端布设)</source>
        <translation>感知终端布设选址</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/sensors/plan_sensors.py" line="56"/>
        <source>Candidate sites (empty: points along the roads, or a grid, every SPACING)</source>
        <translation>候选站点（为空则沿道路或按格网每隔 SPACING 生成）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/sensors/plan_sensors.py" line="61"/>
        <source>Existing sensors (always kept)</source>
        <translation>现有感知终端（始终保留）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/sensors/plan_sensors.py" line="64"/>
        <source>Existing sensors’ own radius field</source>
        <translation>现有感知终端自身的覆盖半径字段</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/sensors/plan_sensors.py" line="68"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/sensors/plan_sensors.py" line="71"/>
        <source>P: number of new sensors (MCLP, PMEDIAN)</source>
        <translation>P：新增感知终端数量（MCLP、PMEDIAN）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/sensors/plan_sensors.py" line="74"/>
        <source>Budget for new sensors (MCLP; in COST_FIELD units)</source>
        <translation>新增感知终端预算（MCLP；单位同 COST_FIELD）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/sensors/plan_sensors.py" line="77"/>
        <source>Cost field of the candidate sites (BUDGET; LSCP minimises cost)</source>
        <translation>候选站点的成本字段（BUDGET；LSCP 使成本最小）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/sensors/plan_sensors.py" line="81"/>
        <source>Cost table (CSV: point id, site id, cost; replaces distances)</source>
        <translation>成本表（CSV：风险点编号、站点编号、成本；替代距离）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/sensors/plan_sensors.py" line="84"/>
        <source>Time limit of the exact solver (s; 0 = greedy only)</source>
        <translation>精确求解器时限（秒；0 = 仅用贪心算法）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/sensors/plan_sensors.py" line="162"/>
        <source>Sensor sites</source>
        <translation>感知终端站点</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/sensors/plan_sensors.py" line="163"/>
        <source>Sensor assignments</source>
        <translation>感知终端分配</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/sensors/plan_sensors.py" line="164"/>
        <source>Sensor plan summary</source>
        <translation>感知终端布设汇总</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/sensors/plan_sensors.py" line="104"/>
        <source>cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/sensors/plan_sensors.py" line="107"/>
        <source>COST_FIELD needs the candidate sites (CANDIDATES).</source>
        <translation>COST_FIELD 需要候选站点（CANDIDATES）。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/sensors/plan_sensors.py" line="112"/>
        <source>radius</source>
        <translation>覆盖半径</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/sensors/plan_sensors.py" line="119"/>
        <source>No COST_FIELD: every candidate site costs 1.</source>
        <translation>未指定 COST_FIELD：每个候选站点的成本均为 1。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/sensors/plan_sensors.py" line="123"/>
        <source>Finding which sites can cover which risk points</source>
        <translation>正在计算各站点可覆盖的风险点</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/sensors/plan_sensors.py" line="129"/>
        <source>{n} risk points, {s} sites, {f} possible sensors (site × kind), {k} covering pairs ({d}).</source>
        <translation>{n} 个风险点，{s} 个站点，{f} 个可能的感知终端（站点 × 类型），{k} 个覆盖关系（{d}）。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/sensors/plan_sensors.py" line="137"/>
        <source>Solving {model}</source>
        <translation>正在求解 {model}</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/sensors/plan_sensors.py" line="144"/>
        <source>{model}: {n} new sensor(s), objective {obj:.6g}, solver {solver} ({status}), proven gap {gap}, {sec:.1f} s.</source>
        <translation>{model}：新增 {n} 个感知终端，目标值 {obj:.6g}，求解器 {solver}（{status}），最优间隙 {gap}，耗时 {sec:.1f} 秒。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/sensors/plan_sensors.py" line="154"/>
        <source>Coverage: {c} of {n} risk points ({pct:.1f} %), weighted {wpct:.1f} %.</source>
        <translation>覆盖率：{n} 个风险点中覆盖 {c} 个（{pct:.1f} %），加权覆盖率 {wpct:.1f} %。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/sensors/plan_sensors.py" line="157"/>
        <source>Writing the results</source>
        <translation>正在写出结果</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/sensors/plan_sensors.py" line="59"/>
        <source>Spacing of generated candidate sites (m)</source>
        <translation>生成候选站点的间距（米）</translation>
    </message>
</context>
<context>
    <name>ResolveCodesAlgorithm</name>
    <message>
        <location filename="../provider/algorithms/codes/resolve_codes.py" line="33"/>
        <source>Resolve codes to city objects (一码互联)</source>
        <translation>一码互联（编码解析为城市对象）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/resolve_codes.py" line="36"/>
        <source>City code register (GeoPackage made by spm:link_codes)</source>
        <translation>城市码登记库（由 spm:link_codes 生成的 GeoPackage）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/resolve_codes.py" line="37"/>
        <source>Table of codes (any type, mixed)</source>
        <translation>编码表（任意类型，可混合）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/resolve_codes.py" line="39"/>
        <source>Code field</source>
        <translation>编码字段</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/resolve_codes.py" line="67"/>
        <source>Resolved objects</source>
        <translation>解析出的对象</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/resolve_codes.py" line="43"/>
        <source>Resolved codes (wide table)</source>
        <translation>编码解析结果（宽表）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/resolve_codes.py" line="48"/>
        <source>codes</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/resolve_codes.py" line="60"/>
        <source>{n} codes: {active} resolved to an active object, {retired} to a retired one, {missing} not found; {shared} named more than one object.</source>
        <translation>{n} 个编码：{active} 个解析为有效对象，{retired} 个解析为已注销对象，{missing} 个未找到；{shared} 个指向多个对象。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/resolve_codes.py" line="64"/>
        <source>Code types linked to these objects: {types}.</source>
        <translation>这些对象关联的编码类型：{types}。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/resolve_codes.py" line="68"/>
        <source>Resolved codes</source>
        <translation>编码解析结果</translation>
    </message>
</context>
<context>
    <name>SensorDock</name>
    <message>
        <location filename="../ui/sensor_dock.py" line="52"/>
        <source>Sensor planning (感知终端布设)</source>
        <translation>感知终端布设规划</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.py" line="77"/>
        <source>Straight</source>
        <translation>直线</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.py" line="150"/>
        <source>Roads</source>
        <translation>道路</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.py" line="79"/>
        <source>Straight-line distance, or along the road network</source>
        <translation>直线距离，或沿道路网络的距离</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.py" line="80"/>
        <source>Maximal covering: the most risk weight covered with P new sensors</source>
        <translation>最大覆盖：用 P 个新增终端覆盖尽可能多的风险权重</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.py" line="80"/>
        <source>Set covering: the fewest new sensors covering every reachable point</source>
        <translation>集合覆盖：用最少的新增终端覆盖所有可达风险点</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.py" line="80"/>
        <source>P new sensors minimising the weighted distance to the nearest sensor</source>
        <translation>P 个新增终端，使到最近终端的加权距离最小</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.py" line="88"/>
        <source>by kind</source>
        <translation>按类型</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.py" line="150"/>
        <source>Risk points</source>
        <translation>风险点</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.py" line="150"/>
        <source>Kind field</source>
        <translation>类型字段</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.py" line="150"/>
        <source>Weight field</source>
        <translation>权重字段</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.py" line="150"/>
        <source>Existing sensors</source>
        <translation>现有感知终端</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.py" line="150"/>
        <source>Their radius field</source>
        <translation>其覆盖半径字段</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.py" line="150"/>
        <source>Candidate sites</source>
        <translation>候选站点</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.py" line="150"/>
        <source>Distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.py" line="150"/>
        <source>Radius</source>
        <translation>半径</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.py" line="150"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.py" line="150"/>
        <source>P (new)</source>
        <translation>P（新增）</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.py" line="150"/>
        <source>Spacing</source>
        <translation>间距</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.py" line="150"/>
        <source>Time limit</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.py" line="150"/>
        <source>Plan</source>
        <translation>开始规划</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.py" line="150"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.py" line="150"/>
        <source>Add / remove on map</source>
        <translation>在地图上增删</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.py" line="150"/>
        <source>Back to plan</source>
        <translation>返回规划</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.py" line="162"/>
        <source>Empty: candidate sites every “Spacing” along the roads (or on a grid when there are no roads).</source>
        <translation>为空：沿道路每隔“间距”生成候选站点（无道路时按格网生成）。</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.py" line="210"/>
        <source>Pick the risk point layer.</source>
        <translation>请选择风险点图层。</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.py" line="242"/>
        <source>Sensor planning</source>
        <translation>感知终端布设规划</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.py" line="247"/>
        <source>Planning…</source>
        <translation>正在规划…</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.py" line="260"/>
        <source>Canceled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.py" line="267"/>
        <source>any kind</source>
        <translation>任意类型</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.py" line="334"/>
        <source>new sensors, greedy order</source>
        <translation>新增终端（贪心顺序）</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.py" line="339"/>
        <source>Layout: {new} new + {existing} existing sensors cover {c} of {n} risk points ({pct:.1f} %, weighted {wpct:.1f} %).</source>
        <translation>布设方案：{new} 个新增 + {existing} 个现有感知终端，覆盖 {n} 个风险点中的 {c} 个（{pct:.1f} %，加权 {wpct:.1f} %）。</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.py" line="342"/>
        <source>Plan: {model} with {solver} ({status}), {k} new sensors, proven gap {gap}.</source>
        <translation>规划：{model}，求解器 {solver}（{status}），新增 {k} 个感知终端，最优间隙 {gap}。</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.py" line="372"/>
        <source>Sensor layout (感知终端)</source>
        <translation>感知终端布设</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.py" line="376"/>
        <source>Risk point coverage (风险点覆盖)</source>
        <translation>风险点覆盖</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.py" line="139"/>
        <source>Add the risk points to the project first: a point layer of pipeline, slope, geological hazard, flooding or bridge risk points, with a kind and a weight field (the sample city has risk_points). The plan can also run as a Processing algorithm.</source>
        <translation>请先将风险点添加到项目中：即管线、边坡、地质灾害、内涝或桥梁风险点的点图层，需含类型字段和权重字段（示例城市数据中有 risk_points）。布设规划也可作为处理算法运行。</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.py" line="334"/>
        <source>Coverage of risk points</source>
        <translation>风险点覆盖率</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.py" line="334"/>
        <source>points</source>
        <translation>风险点数</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.py" line="334"/>
        <source>weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.py" line="346"/>
        <source>{n} warning(s):</source>
        <translation>{n} 条警告：</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.py" line="354"/>
        <source>optimal</source>
        <translation>最优</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.py" line="354"/>
        <source>time limit reached</source>
        <translation>已达时间上限</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.py" line="355"/>
        <source>greedy</source>
        <translation>贪心</translation>
    </message>
</context>
<context>
    <name>SensorDockBase</name>
    <message>
        <location filename="../ui/sensor_dock.ui" line="9"/>
        <source>Risk points</source>
        <translation>风险点</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.ui" line="11"/>
        <source>Kind field</source>
        <translation>类型字段</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.ui" line="13"/>
        <source>Weight field</source>
        <translation>权重字段</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.ui" line="15"/>
        <source>Existing sensors</source>
        <translation>现有感知终端</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.ui" line="17"/>
        <source>Their radius field</source>
        <translation>其覆盖半径字段</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.ui" line="19"/>
        <source>Candidate sites</source>
        <translation>候选站点</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.ui" line="21"/>
        <source>Roads</source>
        <translation>道路</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.ui" line="27"/>
        <source>Distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.ui" line="29"/>
        <source>Radius</source>
        <translation>半径</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.ui" line="31"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.ui" line="33"/>
        <source>P (new)</source>
        <translation>P（新增）</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.ui" line="35"/>
        <source>Spacing</source>
        <translation>间距</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.ui" line="37"/>
        <source>Time limit</source>
        <translation>时限</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.ui" line="43"/>
        <source>Plan</source>
        <translation>开始规划</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.ui" line="44"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.ui" line="60"/>
        <source>Add / remove on map</source>
        <translation>在地图上增删</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.ui" line="62"/>
        <source>Back to plan</source>
        <translation>返回规划</translation>
    </message>
</context>
<context>
    <name>SpatialPlanningMonitor</name>
    <message>
        <location filename="../plugin.py" line="37"/>
        <source>&amp;Spatial Planning Monitor</source>
        <translation>国土空间规划实施监测(&amp;S)</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="50"/>
        <source>Spatial Planning Monitor</source>
        <translation>国土空间规划实施监测</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="59"/>
        <source>Processing algorithms…</source>
        <translation>处理算法…</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="81"/>
        <source>Some algorithms are unavailable because Python packages are missing ({listing}). {hint}</source>
        <translation>由于缺少 Python 包（{listing}），部分算法不可用。{hint}</translation>
    </message>
    <message>
        <location filename="../plugin.py" line="92"/>
        <source>This tool needs Python packages that are missing ({listing}). {hint}</source>
        <translation>此工具所需的 Python 包缺失（{listing}）。{hint}</translation>
    </message>
</context>
<context>
    <name>SpmAlgorithm</name>
    <message>
        <location filename="../provider/base.py" line="204"/>
        <source>Canceled: no output was written.</source>
        <translation>已取消：未写出任何结果。</translation>
    </message>
    <message>
        <location filename="../provider/base.py" line="312"/>
        <source>Layer “{layer}”: no field was chosen for {label}.</source>
        <translation>图层“{layer}”：未选择{label}字段。</translation>
    </message>
    <message>
        <location filename="../provider/base.py" line="316"/>
        <source>Layer “{layer}” has no field “{field}” ({label}). Fields: {fields}.</source>
        <translation>图层“{layer}”没有字段“{field}”（{label}）。现有字段：{fields}。</translation>
    </message>
    <message>
        <location filename="../provider/base.py" line="321"/>
        <source>Layer “{layer}”: field “{field}” ({label}) must be numeric, it is {kind}.</source>
        <translation>图层“{layer}”：字段“{field}”（{label}）必须为数值型，当前为 {kind}。</translation>
    </message>
    <message>
        <location filename="../provider/base.py" line="340"/>
        <source>Layer “{layer}” is reprojected from {src} to {dst}.</source>
        <translation>图层“{layer}”已从 {src} 重投影到 {dst}。</translation>
    </message>
    <message>
        <location filename="../provider/base.py" line="141"/>
        <source>Geographic layers (EPSG:4490, 4326 …) are accepted: areas are measured on the ellipsoid, never in square degrees.</source>
        <translation>接受地理坐标系图层（EPSG:4490、4326…）：面积在椭球面上量算，绝不以平方度计。</translation>
    </message>
    <message>
        <location filename="../provider/base.py" line="143"/>
        <source>Geographic layers (EPSG:4490, 4326 …) are accepted: distances and areas are measured in a projected working CRS, the CGCS2000 3-degree Gauss–Krüger zone of the data’s centre inside China (UTM elsewhere) unless WORKING_CRS names one; the log says which. Outputs are in the input’s CRS.</source>
        <translation>接受地理坐标系图层（EPSG:4490、4326…）：距离和面积在投影工作坐标系中量算，除非 WORKING_CRS 另行指定，在中国境内采用数据中心所在的 CGCS2000 3 度带高斯–克吕格投影带（境外采用 UTM 带）；日志会说明所用的坐标系。输出采用输入图层的坐标系。</translation>
    </message>
    <message>
        <location filename="../provider/base.py" line="148"/>
        <source>Any CRS is accepted: coordinates are converted to CGCS2000 longitude and latitude (EPSG:4490).</source>
        <translation>接受任意坐标参考系：坐标转换为 CGCS2000 经纬度（EPSG:4490）。</translation>
    </message>
    <message>
        <location filename="../provider/base.py" line="150"/>
        <source>Any CRS is accepted: the project points are read in SOURCE_CRS and compared with the layers in their own CRS.</source>
        <translation>接受任意坐标参考系：项目点按 SOURCE_CRS 读取，并在各图层自身的坐标系中与图层比较。</translation>
    </message>
    <message>
        <location filename="../provider/base.py" line="153"/>
        <source>Awkward input, and your files</source>
        <translation>特殊输入与您的文件</translation>
    </message>
    <message>
        <location filename="../provider/base.py" line="155"/>
        <source>A layer without a coordinate reference system (or with a GeoPackage’s “Undefined SRS”) is refused, and so is a layer of the wrong geometry type. Curved geometries are converted to straight segments, invalid polygons are repaired and features left without geometry are skipped; one warning per layer lists them by feature id. An empty layer gives a warning and an empty result.</source>
        <translation>没有坐标参考系的图层（或 GeoPackage 的“Undefined SRS”）将被拒绝，几何类型不符的图层同样被拒绝。曲线几何转换为直线段，无效多边形会被修复，没有几何的要素会被跳过；每个图层给出一条警告，按要素编号列出这些要素。空图层给出警告并得到空结果。</translation>
    </message>
    <message>
        <location filename="../provider/base.py" line="161"/>
        <source>Outputs never overwrite an input or each other. They are written beside their destination and moved into place only when the whole run succeeded: a cancel or a failure leaves every file that existed before the run as it was. A GeoPackage that already holds other layers keeps them; only the named layer is replaced. Secondary outputs may be left out in qgis_process runs.</source>
        <translation>输出绝不覆盖输入，也不相互覆盖。输出先写在目标位置旁，仅当整个运行成功后才移动到位：取消或失败时，运行前已存在的所有文件保持原样。已含其他图层的 GeoPackage 会保留这些图层，只替换指定的图层。在 qgis_process 中运行时可不输出次要结果。</translation>
    </message>
    <message>
        <location filename="../provider/base.py" line="208"/>
        <source>{error}: “{path}”. No output was written.</source>
        <translation>{error}：“{path}”。未写出任何结果。</translation>
    </message>
    <message>
        <location filename="../provider/base.py" line="215"/>
        <source>Unexpected error ({kind}: {error}); no output was written. The details are in the message log (Spatial Planning Monitor); please report them.</source>
        <translation>意外错误（{kind}：{error}）；未写出任何结果。详细信息见日志消息面板（Spatial Planning Monitor）；请报告该问题。</translation>
    </message>
    <message>
        <location filename="../provider/base.py" line="279"/>
        <source>points</source>
        <translation>点</translation>
    </message>
    <message>
        <location filename="../provider/base.py" line="280"/>
        <source>lines</source>
        <translation>线</translation>
    </message>
    <message>
        <location filename="../provider/base.py" line="281"/>
        <source>polygons</source>
        <translation>面</translation>
    </message>
    <message>
        <location filename="../provider/base.py" line="286"/>
        <source>Layer “{layer}” ({param}) is a table without geometry; {kind} are needed.</source>
        <translation>图层“{layer}”（{param}）是无几何的表；需要{kind}要素。</translation>
    </message>
    <message>
        <location filename="../provider/base.py" line="286"/>
        <source>geometries</source>
        <translation>几何</translation>
    </message>
    <message>
        <location filename="../provider/base.py" line="292"/>
        <source>Layer “{layer}” ({param}) has {got}; {kind} are needed.</source>
        <translation>图层“{layer}”（{param}）为{got}要素；需要{kind}要素。</translation>
    </message>
    <message>
        <location filename="../provider/base.py" line="296"/>
        <source>Layer “{layer}” ({param}) has no coordinate reference system, so its areas and distances are unknown. Set its CRS (Layer Properties ▸ Source, or “Assign projection”) and run again.</source>
        <translation>图层“{layer}”（{param}）没有坐标参考系，因此无法确定其面积和距离。请设置其坐标参考系（图层属性 ▸ 源，或“指定投影”）后重新运行。</translation>
    </message>
    <message>
        <location filename="../provider/base.py" line="302"/>
        <source>Layer “{layer}” ({param}) is empty: the results hold nothing from it.</source>
        <translation>图层“{layer}”（{param}）为空：结果中不含其任何内容。</translation>
    </message>
    <message>
        <location filename="../provider/base.py" line="438"/>
        <source>{output}: field “{field}” is renamed “{new}” (fid is the GeoPackage’s own id).</source>
        <translation>{output}：字段“{field}”更名为“{new}”（fid 是 GeoPackage 自身的编号字段）。</translation>
    </message>
</context>
<context>
    <name>SpmProvider</name>
    <message>
        <location filename="../provider/provider.py" line="56"/>
        <source>Algorithm {name} is unavailable: {reason}</source>
        <translation>算法 {name} 不可用：{reason}</translation>
    </message>
    <message>
        <location filename="../provider/provider.py" line="38"/>
        <source>Spatial Planning Monitor</source>
        <translation>国土空间规划实施监测</translation>
    </message>
    <message>
        <location filename="../provider/provider.py" line="41"/>
        <source>Spatial Planning Monitor (territorial spatial plan implementation monitoring)</source>
        <translation>国土空间规划实施监测</translation>
    </message>
</context>
<context>
    <name>TraceMixin</name>
    <message>
        <location filename="../ui/indicator_trace.py" line="108"/>
        <source>Pick a district and an indicator first.</source>
        <translation>请先选择行政区和指标。</translation>
    </message>
    <message>
        <location filename="../ui/indicator_trace.py" line="116"/>
        <source>Indicator {id} is not in the definitions.</source>
        <translation>指标 {id} 不在指标定义中。</translation>
    </message>
    <message>
        <location filename="../ui/indicator_trace.py" line="125"/>
        <source>{name} is computed from district attributes only.</source>
        <translation>{name} 仅由行政区属性计算。</translation>
    </message>
    <message>
        <location filename="../ui/indicator_trace.py" line="135"/>
        <source>Choose the source layer(s) {roles} under “Source layers”.</source>
        <translation>请在“源图层”中选择源图层 {roles}。</translation>
    </message>
    <message>
        <location filename="../ui/indicator_trace.py" line="142"/>
        <source>Tracing {name}…</source>
        <translation>正在溯源 {name}…</translation>
    </message>
    <message>
        <location filename="../ui/indicator_trace.py" line="143"/>
        <source>Trace indicator {id}</source>
        <translation>溯源指标 {id}</translation>
    </message>
    <message>
        <location filename="../ui/indicator_trace.py" line="154"/>
        <source>Load the output of spm:life_circle (with {fields}) to trace {name}.</source>
        <translation>请加载 spm:life_circle 的输出（含 {fields}）以溯源 {name}。</translation>
    </message>
    <message>
        <location filename="../ui/indicator_trace.py" line="164"/>
        <source>{n} home(s) in “{layer}” not covered for {name}, highlighted in red.</source>
        <translation>“{layer}”中有 {n} 处住宅未被 {name} 覆盖，已以红色高亮显示。</translation>
    </message>
    <message>
        <location filename="../ui/indicator_trace.py" line="188"/>
        <source>Tracing failed: {error}</source>
        <translation>溯源失败：{error}</translation>
    </message>
    <message>
        <location filename="../ui/indicator_trace.py" line="195"/>
        <source>{n} feature(s) in “{layer}”</source>
        <translation>“{layer}”中的 {n} 个要素</translation>
    </message>
    <message>
        <location filename="../ui/indicator_trace.py" line="205"/>
        <source>No feature contributed to this value in this district.</source>
        <translation>该行政区中没有要素对此数值有贡献。</translation>
    </message>
    <message>
        <location filename="../ui/indicator_trace.py" line="207"/>
        <source>Traced {n} feature(s), highlighted in red and zoomed to: {list}.</source>
        <translation>已溯源 {n} 个要素，以红色高亮显示并缩放至：{list}。</translation>
    </message>
</context>
<context>
    <name>ValidateCodesAlgorithm</name>
    <message>
        <location filename="../provider/algorithms/codes/validate_codes.py" line="33"/>
        <source>Validate codes (编码校验)</source>
        <translation>编码校验</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/validate_codes.py" line="36"/>
        <source>Layer or table with codes</source>
        <translation>含编码的图层或表</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/validate_codes.py" line="38"/>
        <source>Code field</source>
        <translation>编码字段</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/validate_codes.py" line="40"/>
        <source>Code type</source>
        <translation>编码类型</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/validate_codes.py" line="43"/>
        <source>Administrative areas to check the location against (optional)</source>
        <translation>用于校验位置的行政区（可选）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/validate_codes.py" line="46"/>
        <source>Administrative code field</source>
        <translation>行政区划代码字段</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/validate_codes.py" line="88"/>
        <source>Checked codes</source>
        <translation>已校验编码</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/validate_codes.py" line="55"/>
        <source>codes</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/validate_codes.py" line="62"/>
        <source>administrative code</source>
        <translation>行政区划代码</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/validate_codes.py" line="69"/>
        <source>Layer “{layer}” has no geometry: the location cannot be checked against “{admin}”. Leave ADMIN empty.</source>
        <translation>图层“{layer}”没有几何图形：无法对照“{admin}”校验位置。请将 ADMIN 留空。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/validate_codes.py" line="76"/>
        <source>A credit code names where its owner is registered, not where the feature is: the location is not checked for credit codes.</source>
        <translation>统一社会信用代码表示其主体的登记地，而非要素所在位置：不对信用代码校验位置。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/validate_codes.py" line="81"/>
        <source>{n} codes checked as {kind}: {good} valid, {bad} invalid.</source>
        <translation>按{kind}校验了 {n} 个编码：有效 {good} 个，无效 {bad} 个。</translation>
    </message>
</context>
<context>
    <name>VitalSignsAlgorithm</name>
    <message>
        <location filename="../provider/algorithms/vitals/vital_signs.py" line="68"/>
        <source>City vital signs (城市运行体征)</source>
        <translation>城市运行体征监测</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/vitals/vital_signs.py" line="71"/>
        <source>Readings (table or layer: CSV, GeoPackage, PostgreSQL)</source>
        <translation>监测数据（表或图层：CSV、GeoPackage、PostgreSQL）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/vitals/vital_signs.py" line="74"/>
        <source>Readings: sensor id field</source>
        <translation>监测数据：感知终端编号字段</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/vitals/vital_signs.py" line="74"/>
        <source>Readings: time field</source>
        <translation>监测数据：时间字段</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/vitals/vital_signs.py" line="74"/>
        <source>Readings: metric field</source>
        <translation>监测数据：监测项字段</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/vitals/vital_signs.py" line="74"/>
        <source>Readings: value field</source>
        <translation>监测数据：数值字段</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/vitals/vital_signs.py" line="80"/>
        <source>Sensors</source>
        <translation>感知终端</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/vitals/vital_signs.py" line="82"/>
        <source>Sensors: id field</source>
        <translation>感知终端：编号字段</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/vitals/vital_signs.py" line="82"/>
        <source>Sensors: kind field</source>
        <translation>感知终端：类型字段</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/vitals/vital_signs.py" line="82"/>
        <source>Sensors: name field</source>
        <translation>感知终端：名称字段</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/vitals/vital_signs.py" line="89"/>
        <source>Thresholds (CSV; default: the shipped table)</source>
        <translation>预警阈值（CSV；默认：插件自带的阈值表）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/vitals/vital_signs.py" line="92"/>
        <source>From (local time, e.g. 2024-06-20 12:00:00; default: a day before TO)</source>
        <translation>起始时间（本地时间，如 2024-06-20 12:00:00；默认：TO 之前一天）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/vitals/vital_signs.py" line="95"/>
        <source>To (local time; default: the latest reading)</source>
        <translation>结束时间（本地时间；默认：最新读数的时间）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/vitals/vital_signs.py" line="97"/>
        <source>Local time zone (hours from UTC; times without a zone are local)</source>
        <translation>本地时区（与 UTC 相差的小时数；未带时区的时间按本地时间处理）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/vitals/vital_signs.py" line="100"/>
        <source>Districts (optional)</source>
        <translation>行政区（可选）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/vitals/vital_signs.py" line="102"/>
        <source>Districts: key field (code or name)</source>
        <translation>行政区：关联字段（代码或名称）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/vitals/vital_signs.py" line="105"/>
        <source>Sensors with warning levels</source>
        <translation>感知终端预警等级</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/vitals/vital_signs.py" line="208"/>
        <source>Warning events</source>
        <translation>预警事件</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/vitals/vital_signs.py" line="209"/>
        <source>Vital signs by district</source>
        <translation>分行政区运行体征</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/vitals/vital_signs.py" line="148"/>
        <source>READINGS: the table “{value}” cannot be opened (for a database, check that it is running and the connection details).</source>
        <translation>READINGS：无法打开表“{value}”（如为数据库，请检查其是否在运行以及连接参数）。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/vitals/vital_signs.py" line="127"/>
        <source>{param}: “{value}” is not a time; expected {format}.</source>
        <translation>{param}：“{value}”不是时间；应为 {format}。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/vitals/vital_signs.py" line="145"/>
        <source>TIME_FROM must be before TIME_TO.</source>
        <translation>TIME_FROM 必须早于 TIME_TO。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/vitals/vital_signs.py" line="164"/>
        <source>Sensors of kind {kinds} have no row in the thresholds table: they get no level and are not counted as offline.</source>
        <translation>类型为 {kinds} 的感知终端在阈值表中没有记录：不判定预警等级，也不计为失联。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/vitals/vital_signs.py" line="170"/>
        <source>Reading the readings</source>
        <translation>正在读取监测数据</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/vitals/vital_signs.py" line="174"/>
        <source>READINGS “{layer}”: {error}</source>
        <translation>READINGS“{layer}”：{error}</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/vitals/vital_signs.py" line="182"/>
        <source>READINGS “{layer}”: no reading belongs to a sensor of SENSORS with a threshold for its metric; nothing to evaluate.</source>
        <translation>READINGS“{layer}”：没有任何读数属于 SENSORS 中对该监测项设有阈值的感知终端；无可评估的内容。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/vitals/vital_signs.py" line="184"/>
        <source>Levels, events and offline sensors</source>
        <translation>正在计算预警等级、预警事件和失联终端</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/vitals/vital_signs.py" line="207"/>
        <source>Sensor warning levels</source>
        <translation>感知终端预警等级</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/vitals/vital_signs.py" line="219"/>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/vitals/vital_signs.py" line="231"/>
        <source>{n} sensors lie outside every district: they are left out of the district table.</source>
        <translation>{n} 个感知终端不在任何行政区内：未计入行政区表。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/vitals/vital_signs.py" line="239"/>
        <source>{n} sensors: {off} offline; {ev} warning events ({red} red), {al} rate alarms between {start} and {end}.</source>
        <translation>{n} 个感知终端：{off} 个失联；{start} 至 {end} 期间共 {ev} 次预警事件（红色 {red} 次），{al} 次变化速率报警。</translation>
    </message>
</context>
<context>
    <name>VitalsDock</name>
    <message>
        <location filename="../ui/vitals_dock.py" line="111"/>
        <source>City vital signs (城市运行体征)</source>
        <translation>城市运行体征</translation>
    </message>
    <message>
        <location filename="../ui/vitals_dock.py" line="112"/>
        <source>Readings</source>
        <translation>监测数据</translation>
    </message>
    <message>
        <location filename="../ui/vitals_dock.py" line="113"/>
        <source>Sensors</source>
        <translation>感知终端</translation>
    </message>
    <message>
        <location filename="../ui/vitals_dock.py" line="114"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../ui/vitals_dock.py" line="115"/>
        <source>Auto, every (s)</source>
        <translation>自动刷新间隔（秒）</translation>
    </message>
    <message>
        <location filename="../ui/vitals_dock.py" line="116"/>
        <source>Active warnings (worst first)</source>
        <translation>当前预警（最严重的在前）</translation>
    </message>
    <message>
        <location filename="../ui/vitals_dock.py" line="117"/>
        <source>Offline sensors (失联)</source>
        <translation>失联感知终端</translation>
    </message>
    <message>
        <location filename="../ui/vitals_dock.py" line="118"/>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../ui/vitals_dock.py" line="118"/>
        <source>Sensor</source>
        <translation>感知终端</translation>
    </message>
    <message>
        <location filename="../ui/vitals_dock.py" line="118"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../ui/vitals_dock.py" line="118"/>
        <source>Since</source>
        <translation>持续</translation>
    </message>
    <message>
        <location filename="../ui/vitals_dock.py" line="120"/>
        <source>Click a warning to see its readings</source>
        <translation>点击预警可查看其读数</translation>
    </message>
    <message>
        <location filename="../ui/vitals_dock.py" line="147"/>
        <source>a readings table (sensor_id, time, metric, value; CSV, GeoPackage or PostgreSQL, e.g. sample/vital_readings.csv.gz)</source>
        <translation>监测数据表（sensor_id、time、metric、value；CSV、GeoPackage 或 PostgreSQL，如 sample/vital_readings.csv.gz）</translation>
    </message>
    <message>
        <location filename="../ui/vitals_dock.py" line="150"/>
        <source>the sensors (points with sensor_id, kind, name; e.g. sensors_existing)</source>
        <translation>感知终端图层（含 sensor_id、kind、name 的点；如 sensors_existing）</translation>
    </message>
    <message>
        <location filename="../ui/vitals_dock.py" line="151"/>
        <source>Add {what} to the project; or run City vital signs for the events and district table.</source>
        <translation>请将{what}添加到项目中；或运行“城市运行体征监测”以获得预警事件和行政区表。</translation>
    </message>
    <message>
        <location filename="../ui/vitals_dock.py" line="151"/>
        <source> and </source>
        <translation>和</translation>
    </message>
    <message>
        <location filename="../ui/vitals_dock.py" line="177"/>
        <source>Sensors “{layer}” need the fields {fields}.</source>
        <translation>感知终端图层“{layer}”需要字段 {fields}。</translation>
    </message>
    <message>
        <location filename="../ui/vitals_dock.py" line="190"/>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../ui/vitals_dock.py" line="192"/>
        <source>City vital signs</source>
        <translation>城市运行体征</translation>
    </message>
    <message>
        <location filename="../ui/vitals_dock.py" line="201"/>
        <source>Could not evaluate the readings: {error}</source>
        <translation>无法评估监测数据：{error}</translation>
    </message>
    <message>
        <location filename="../ui/vitals_dock.py" line="210"/>
        <source>Could not show the result: {error}</source>
        <translation>无法显示结果：{error}</translation>
    </message>
    <message>
        <location filename="../ui/vitals_dock.py" line="243"/>
        <source>{h:.1f} h</source>
        <translation>{h:.1f} 小时</translation>
    </message>
    <message>
        <location filename="../ui/vitals_dock.py" line="257"/>
        <source>{w} active warnings, {o} offline of {n} sensors; latest reading {t}. {note}</source>
        <translation>当前预警 {w} 条，{n} 个感知终端中失联 {o} 个；最新读数时间 {t}。{note}</translation>
    </message>
    <message>
        <location filename="../ui/vitals_dock.py" line="257"/>
        <source>No reading matches a sensor and a threshold. {note}</source>
        <translation>没有与感知终端及阈值相匹配的读数。{note}</translation>
    </message>
</context>
<context>
    <name>alg</name>
    <message>
        <location filename="../provider/algorithms/vitals/common.py" line="56"/>
        <source>Readings “{layer}” are read through QGIS (slower than CSV, GeoPackage or PostgreSQL).</source>
        <translation>监测数据“{layer}”通过 QGIS 读取（比 CSV、GeoPackage 或 PostgreSQL 慢）。</translation>
    </message>
</context>
<context>
    <name>spm</name>
    <message>
        <location filename="../core/codes/beidou.py" line="92"/>
        <source> and {count} more</source>
        <translation> 及另外 {count} 个</translation>
    </message>
    <message>
        <location filename="../core/codes/beidou.py" line="101"/>
        <source>Longitudes and latitudes differ in number ({a} and {b}).</source>
        <translation>经度与纬度的个数不一致（{a} 与 {b}）。</translation>
    </message>
    <message>
        <location filename="../core/codes/beidou.py" line="105"/>
        <source>Missing or non-numeric coordinates at {rows}.</source>
        <translation>{rows} 处坐标缺失或不是数值。</translation>
    </message>
    <message>
        <location filename="../core/codes/beidou.py" line="110"/>
        <source>Coordinates outside longitude −180…180° / latitude −90…90° at {rows} (first: {lng}, {lat}); are they geographic degrees?</source>
        <translation>{rows} 处坐标超出经度 −180…180° / 纬度 −90…90° 的范围（第一个：{lng}, {lat}）；是否采用地理坐标系（度）？</translation>
    </message>
    <message>
        <location filename="../core/codes/beidou.py" line="117"/>
        <source>Latitude {lat}° at {rows} is in a polar cell (|latitude| ≥ 88°); GB/T 39409 codes polar cells by other rules, which are not implemented.</source>
        <translation>{rows} 处纬度 {lat}° 位于极区网格（|纬度| ≥ 88°）；GB/T 39409 对极区网格另有编码规则，本插件未实现。</translation>
    </message>
    <message>
        <location filename="../core/codes/beidou.py" line="153"/>
        <source>BeiDou grid level must be 1 to 10, not {level}.</source>
        <translation>北斗网格层级必须为 1 至 10，而不是 {level}。</translation>
    </message>
    <message>
        <location filename="../core/codes/beidou.py" line="246"/>
        <source>Height {height} m at {rows} cannot be coded (missing, or beyond the range of the 3D grid).</source>
        <translation>{rows} 处的高度 {height} 米无法编码（缺失，或超出三维网格的范围）。</translation>
    </message>
    <message>
        <location filename="../core/codes/beidou.py" line="260"/>
        <source>Heights and points differ in number ({a} and {b}).</source>
        <translation>高度与点的个数不一致（{a} 与 {b}）。</translation>
    </message>
    <message>
        <location filename="../core/codes/beidou.py" line="307"/>
        <source>the first character must be N or S</source>
        <translation>首字符必须为 N 或 S</translation>
    </message>
    <message>
        <location filename="../core/codes/beidou.py" line="319"/>
        <source>the level-1 column must be 01 to 60</source>
        <translation>第一级列号必须为 01 至 60</translation>
    </message>
    <message>
        <location filename="../core/codes/beidou.py" line="321"/>
        <source>row letter W is a polar cell (|latitude| ≥ 88°), which is not decoded here</source>
        <translation>行字母 W 为极区网格（|纬度| ≥ 88°），此处不解码</translation>
    </message>
    <message>
        <location filename="../core/codes/beidou.py" line="323"/>
        <source>the level-1 row must be a letter A to V</source>
        <translation>第一级行号必须为字母 A 至 V</translation>
    </message>
    <message>
        <location filename="../core/codes/beidou.py" line="331"/>
        <source>level {level} must be a digit 0 to {top}</source>
        <translation>第 {level} 级必须为数字 0 至 {top}</translation>
    </message>
    <message>
        <location filename="../core/codes/beidou.py" line="337"/>
        <source>level {level} must be a column 0–{col} and a row 0–{row}</source>
        <translation>第 {level} 级必须为列号 0–{col} 和行号 0–{row}</translation>
    </message>
    <message>
        <location filename="../core/codes/beidou.py" line="345"/>
        <source>the height sign (second character) must be 0 or 1</source>
        <translation>高度符号位（第二个字符）必须为 0 或 1</translation>
    </message>
    <message>
        <location filename="../core/codes/beidou.py" line="350"/>
        <source>the level-1 height must be 00 to 63</source>
        <translation>第一级高度码必须为 00 至 63</translation>
    </message>
    <message>
        <location filename="../core/codes/beidou.py" line="353"/>
        <source>the level-{level} height digit is out of range</source>
        <translation>第 {level} 级高度码超出范围</translation>
    </message>
    <message>
        <location filename="../core/codes/beidou.py" line="401"/>
        <source>a {kind} BeiDou grid code has {lengths} characters, this one has {n}</source>
        <translation>{kind} 北斗网格位置码应为 {lengths} 位，此编码为 {n} 位</translation>
    </message>
    <message>
        <location filename="../core/codes/beidou.py" line="428"/>
        <source>Not a BeiDou grid code: “{code}” ({reason}).</source>
        <translation>不是北斗网格位置码：“{code}”（{reason}）。</translation>
    </message>
    <message>
        <location filename="../core/deps.py" line="35"/>
        <source>not installed</source>
        <translation>未安装</translation>
    </message>
    <message>
        <location filename="../core/deps.py" line="39"/>
        <source>version {found} is older than {minimum}</source>
        <translation>版本 {found} 低于 {minimum}</translation>
    </message>
    <message>
        <location filename="../core/deps.py" line="48"/>
        <source>Debian/Ubuntu: sudo apt install {debian}; Windows: install {osgeo} with the OSGeo4W installer (Advanced install).</source>
        <translation>Debian/Ubuntu：sudo apt install {debian}；Windows：用 OSGeo4W 安装程序（高级安装）安装 {osgeo}。</translation>
    </message>
    <message>
        <location filename="../core/indicators/definitions.py" line="74"/>
        <source>column {column}: &quot;{value}&quot; is not a number</source>
        <translation>第 {column} 列：“{value}”不是数字</translation>
    </message>
    <message>
        <location filename="../core/indicators/definitions.py" line="77"/>
        <source>column {column}: &quot;{value}&quot; is not a finite number</source>
        <translation>第 {column} 列：“{value}”不是有限数值</translation>
    </message>
    <message>
        <location filename="../core/indicators/definitions.py" line="91"/>
        <source>dimension &quot;{value}&quot; is not one of 安全/创新/协调/绿色/开放/共享</source>
        <translation>维度“{value}”不属于 安全/创新/协调/绿色/开放/共享</translation>
    </message>
    <message>
        <location filename="../core/indicators/definitions.py" line="95"/>
        <source>level &quot;{value}&quot; is not basic/recommended (基本/推荐)</source>
        <translation>指标类型“{value}”不是 basic/recommended（基本/推荐）</translation>
    </message>
    <message>
        <location filename="../core/indicators/definitions.py" line="131"/>
        <source>Definitions file line {line}: id &quot;{id}&quot; must be 1-10 characters A-Z, 0-9 or _ starting with a letter (it becomes a field name)</source>
        <translation>指标定义文件第 {line} 行：指标代码“{id}”必须为 1–10 个字符，由 A–Z、0–9 或 _ 组成且以字母开头（它将用作字段名）</translation>
    </message>
    <message>
        <location filename="../core/indicators/definitions.py" line="136"/>
        <source>Definitions file line {line}: id {id} is defined twice</source>
        <translation>指标定义文件第 {line} 行：指标代码 {id} 重复定义</translation>
    </message>
    <message>
        <location filename="../core/indicators/definitions.py" line="142"/>
        <source>Definitions file {path} defines no indicator</source>
        <translation>指标定义文件 {path} 未定义任何指标</translation>
    </message>
    <message>
        <location filename="../core/indicators/engine.py" line="89"/>
        <source>unknown input(s) {names} (see the list of inputs in the documentation)</source>
        <translation>未知的输入项 {names}（参见文档中的输入项列表）</translation>
    </message>
    <message>
        <location filename="../core/indicators/engine.py" line="124"/>
        <source>Indicator {label}: not computed: {reason}</source>
        <translation>指标 {label}：未计算：{reason}</translation>
    </message>
    <message>
        <location filename="../core/indicators/engine.py" line="127"/>
        <source>Indicator {label}: not computed for {n} district(s): {details}</source>
        <translation>指标 {label}：{n} 个行政区未计算：{details}</translation>
    </message>
    <message>
        <location filename="../core/indicators/formula.py" line="55"/>
        <source>the formula is empty</source>
        <translation>公式为空</translation>
    </message>
    <message>
        <location filename="../core/indicators/formula.py" line="57"/>
        <source>the formula is longer than {n} characters</source>
        <translation>公式长度超过 {n} 个字符</translation>
    </message>
    <message>
        <location filename="../core/indicators/formula.py" line="63"/>
        <source>syntax error in formula &quot;{formula}&quot; at character {col}</source>
        <translation>公式“{formula}”第 {col} 个字符处有语法错误</translation>
    </message>
    <message>
        <location filename="../core/indicators/formula.py" line="85"/>
        <source>only numbers are allowed as constants, not {value}</source>
        <translation>常量只能是数字，不能是 {value}</translation>
    </message>
    <message>
        <location filename="../core/indicators/formula.py" line="95"/>
        <source>{name} is a function: call it with parentheses</source>
        <translation>{name} 是函数：请加括号调用</translation>
    </message>
    <message>
        <location filename="../core/indicators/formula.py" line="105"/>
        <source>unknown function in formula &quot;{formula}&quot;; allowed: {allowed}</source>
        <translation>公式“{formula}”中有未知函数；允许的函数：{allowed}</translation>
    </message>
    <message>
        <location filename="../core/indicators/formula.py" line="109"/>
        <source>function {name} takes positional arguments only</source>
        <translation>函数 {name} 只接受位置参数</translation>
    </message>
    <message>
        <location filename="../core/indicators/formula.py" line="114"/>
        <source>&quot;{part}&quot; is not allowed in a formula (only numbers, input names, + - * / // % ** and the functions {allowed})</source>
        <translation>公式中不允许出现“{part}”（只允许数字、输入项名称、+ - * / // % ** 和函数 {allowed}）</translation>
    </message>
    <message>
        <location filename="../core/indicators/formula.py" line="129"/>
        <source>division by zero in &quot;{formula}&quot;</source>
        <translation>“{formula}”中出现除以零</translation>
    </message>
    <message>
        <location filename="../core/indicators/formula.py" line="135"/>
        <source>cannot evaluate &quot;{formula}&quot;: {reason}</source>
        <translation>无法计算“{formula}”：{reason}</translation>
    </message>
    <message>
        <location filename="../core/indicators/formula.py" line="132"/>
        <source>&quot;{formula}&quot; does not give a finite number</source>
        <translation>“{formula}”的结果不是有限数值</translation>
    </message>
    <message>
        <location filename="../core/indicators/formula.py" line="151"/>
        <source>input {name} is not available</source>
        <translation>输入项 {name} 不可用</translation>
    </message>
    <message>
        <location filename="../core/indicators/formula.py" line="154"/>
        <source>input {name} has no value</source>
        <translation>输入项 {name} 没有值</translation>
    </message>
    <message>
        <location filename="../core/indicators/formula.py" line="167"/>
        <source>the result is not a real number</source>
        <translation>结果不是实数</translation>
    </message>
    <message>
        <location filename="../core/indicators/formula.py" line="178"/>
        <source>wrong number of arguments for {name}</source>
        <translation>{name} 的参数个数不正确</translation>
    </message>
    <message>
        <location filename="../core/indicators/measures.py" line="418"/>
        <source>input {name} not given</source>
        <translation>未提供输入项 {name}</translation>
    </message>
    <message>
        <location filename="../core/indicators/measures.py" line="232"/>
        <source>needs the 城镇村属性码 field (URBAN_FIELD) or the urban development boundary (DEV_BOUNDARY) to tell urban from village construction land</source>
        <translation>需要城镇村属性码字段（URBAN_FIELD）或城镇开发边界（DEV_BOUNDARY）来区分城镇与村庄建设用地</translation>
    </message>
    <message>
        <location filename="../core/indicators/measures.py" line="243"/>
        <source>the risk points have no kind field</source>
        <translation>风险点没有类型字段</translation>
    </message>
    <message>
        <location filename="../core/indicators/measures.py" line="257"/>
        <source>the sensor radius must be greater than 0</source>
        <translation>感知终端覆盖半径必须大于 0</translation>
    </message>
    <message>
        <location filename="../core/sensors/network.py" line="210"/>
        <source>canceled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../core/indicators/status.py" line="49"/>
        <source>direction &quot;{value}&quot; is not one of higher/lower/none (正向/逆向/无)</source>
        <translation>指标方向“{value}”不属于 higher/lower/none（正向/逆向/无）</translation>
    </message>
    <message>
        <location filename="../core/indicators/status.py" line="59"/>
        <source>lower is better, so the warning threshold {warning} must not exceed the target {target}</source>
        <translation>指标为逆向（越低越好），预警值 {warning} 不得大于目标值 {target}</translation>
    </message>
    <message>
        <location filename="../core/indicators/status.py" line="63"/>
        <source>higher is better, so the warning threshold {warning} must not be below the target {target}</source>
        <translation>指标为正向（越高越好），预警值 {warning} 不得小于目标值 {target}</translation>
    </message>
    <message>
        <location filename="../core/landuse/tables.py" line="221"/>
        <source>Table {path} cannot be read: {error}</source>
        <translation>无法读取表 {path}：{error}</translation>
    </message>
    <message>
        <location filename="../core/landuse/tables.py" line="118"/>
        <source>Table {path}: code {code} appears twice</source>
        <translation>表 {path}：编码 {code} 出现两次</translation>
    </message>
    <message>
        <location filename="../core/landuse/tables.py" line="133"/>
        <source>Table {path}, line {line}: {error}</source>
        <translation>表 {path} 第 {line} 行：{error}</translation>
    </message>
    <message>
        <location filename="../core/landuse/tables.py" line="137"/>
        <source>Table {path}, line {line}: category {value} is not one of {allowed}</source>
        <translation>表 {path} 第 {line} 行：类别 {value} 不属于 {allowed}</translation>
    </message>
    <message>
        <location filename="../core/landuse/tables.py" line="144"/>
        <source>Table {path}: parent {parent} of code {code} is not in the table</source>
        <translation>表 {path}：编码 {code} 的上级编码 {parent} 不在表中</translation>
    </message>
    <message>
        <location filename="../core/landuse/tables.py" line="257"/>
        <source>Table {path}, line {line}: {code} is not a 用地用海 code</source>
        <translation>表 {path} 第 {line} 行：{code} 不是用地用海编码</translation>
    </message>
    <message>
        <location filename="../core/landuse/tables.py" line="263"/>
        <source>Table {path}: no 用地用海 code for {codes}</source>
        <translation>表 {path}：{codes} 没有对应的用地用海编码</translation>
    </message>
    <message>
        <location filename="../provider/base.py" line="38"/>
        <source>Plan implementation monitoring</source>
        <translation>规划实施监测</translation>
    </message>
    <message>
        <location filename="../provider/base.py" line="39"/>
        <source>City indicators</source>
        <translation>城市体检</translation>
    </message>
    <message>
        <location filename="../provider/base.py" line="40"/>
        <source>Mapping and coding</source>
        <translation>落图与赋码</translation>
    </message>
    <message>
        <location filename="../provider/base.py" line="41"/>
        <source>Carbon emissions</source>
        <translation>碳排放监测分析</translation>
    </message>
    <message>
        <location filename="../provider/base.py" line="42"/>
        <source>Sensor planning</source>
        <translation>感知终端规划</translation>
    </message>
    <message>
        <location filename="../provider/base.py" line="43"/>
        <source>Reports</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../core/carbon/building.py" line="37"/>
        <source>Layer “{layer}”, field {field}: {n} building(s) have a missing or negative value (feature ids {ids}).</source>
        <translation>图层“{layer}”字段 {field}：{n} 栋建筑的值缺失或为负（要素编号 {ids}）。</translation>
    </message>
    <message>
        <location filename="../core/carbon/tables.py" line="271"/>
        <source>The grid emission factor must not be negative.</source>
        <translation>电网排放因子不得为负。</translation>
    </message>
    <message>
        <location filename="../core/carbon/landuse.py" line="56"/>
        <source>Layer “{layer}” has no field “{field}”.</source>
        <translation>图层“{layer}”没有字段“{field}”。</translation>
    </message>
    <message>
        <location filename="../core/carbon/building.py" line="62"/>
        <source>Layer “{layer}”: give a floor-area field or a floors field.</source>
        <translation>图层“{layer}”：请指定建筑面积字段或层数字段。</translation>
    </message>
    <message>
        <location filename="../core/carbon/building.py" line="65"/>
        <source>Layer “{layer}” is in a geographic CRS ({crs}); footprint areas need a projected CRS.</source>
        <translation>图层“{layer}”采用地理坐标系（{crs}）；计算基底面积需要投影坐标系。</translation>
    </message>
    <message>
        <location filename="../core/carbon/building.py" line="76"/>
        <source>a building use</source>
        <translation>建筑用途</translation>
    </message>
    <message>
        <location filename="../core/carbon/building.py" line="79"/>
        <source>The default use “{use}” is not in the intensity table ({known}).</source>
        <translation>默认用途“{use}”不在能耗强度表中（{known}）。</translation>
    </message>
    <message>
        <location filename="../core/carbon/building.py" line="109"/>
        <source>GRID_SIZE must be positive.</source>
        <translation>GRID_SIZE 必须为正数。</translation>
    </message>
    <message>
        <location filename="../core/carbon/building.py" line="118"/>
        <source>GRID_SIZE {size} m would make {cols} × {rows} = {n} cells (limit {limit}); choose a larger size.</source>
        <translation>GRID_SIZE {size} 米将产生 {cols} × {rows} = {n} 个网格（上限 {limit}）；请选用更大的网格。</translation>
    </message>
    <message>
        <location filename="../core/carbon/downscale.py" line="80"/>
        <source>PIXEL_SIZE must be a positive number, got {size}.</source>
        <translation>PIXEL_SIZE 必须为正数，当前为 {size}。</translation>
    </message>
    <message>
        <location filename="../core/carbon/downscale.py" line="91"/>
        <source>PIXEL_SIZE {size} would make a raster of {width} × {height} = {cells:,} cells ({gib:.1f} GiB as float32); the limit is {limit:,} cells. Choose a larger pixel size.</source>
        <translation>PIXEL_SIZE {size} 将生成 {width} × {height} = {cells:,} 个像元的栅格（按 float32 计 {gib:.1f} GiB）；上限为 {limit:,} 个像元。请选用更大的像元。</translation>
    </message>
    <message>
        <location filename="../core/carbon/downscale.py" line="114"/>
        <source>Proxy “{name}” cannot be read as a raster: {error}</source>
        <translation>代理数据“{name}”无法作为栅格读取：{error}</translation>
    </message>
    <message>
        <location filename="../core/carbon/downscale.py" line="118"/>
        <source>Proxy “{name}” has no CRS.</source>
        <translation>代理数据“{name}”没有坐标参考系。</translation>
    </message>
    <message>
        <location filename="../core/carbon/downscale.py" line="124"/>
        <source>Proxy “{name}”: already on the output grid, read as is.</source>
        <translation>代理数据“{name}”：已与输出网格一致，直接读取。</translation>
    </message>
    <message>
        <location filename="../core/carbon/downscale.py" line="130"/>
        <source>Proxy “{name}”: {crs} at {xres:g} × {yres:g} ({w} × {h} cells) is resampled to {gcrs} at {size:g} ({gw} × {gh} cells) with the average of the covered cells (GDAL warp, on the fly).</source>
        <translation>代理数据“{name}”：{crs}、{xres:g} × {yres:g}（{w} × {h} 个像元）按所覆盖像元的均值重采样为 {gcrs}、{size:g}（{gw} × {gh} 个像元）（GDAL warp，即时处理）。</translation>
    </message>
    <message>
        <location filename="../core/carbon/downscale.py" line="170"/>
        <source>Proxy “{name}”: mixed or unsupported geometry types {kinds}.</source>
        <translation>代理数据“{name}”：几何类型 {kinds} 混合或不受支持。</translation>
    </message>
    <message>
        <location filename="../core/carbon/downscale.py" line="199"/>
        <source>Proxy “{name}”: {n} weighted point(s) binned into {size:g} cells.</source>
        <translation>代理数据“{name}”：{n} 个加权点已汇总到 {size:g} 的网格中。</translation>
    </message>
    <message>
        <location filename="../core/carbon/downscale.py" line="268"/>
        <source>REGIONS has no features.</source>
        <translation>REGIONS 中没有要素。</translation>
    </message>
    <message>
        <location filename="../core/carbon/downscale.py" line="272"/>
        <source>REGIONS: {n} region(s) have no total: {regions}.</source>
        <translation>REGIONS：{n} 个区域没有总量：{regions}。</translation>
    </message>
    <message>
        <location filename="../core/carbon/downscale.py" line="275"/>
        <source>Give at least one proxy.</source>
        <translation>请至少指定一个代理数据。</translation>
    </message>
    <message>
        <location filename="../core/carbon/downscale.py" line="278"/>
        <source>WEIGHTS has {n} value(s) for {m} proxies.</source>
        <translation>WEIGHTS 有 {n} 个值，而代理数据有 {m} 个。</translation>
    </message>
    <message>
        <location filename="../core/carbon/downscale.py" line="281"/>
        <source>WEIGHTS must be non-negative numbers, not all zero.</source>
        <translation>WEIGHTS 必须为非负数，且不能全为零。</translation>
    </message>
    <message>
        <location filename="../core/carbon/downscale.py" line="287"/>
        <source>Output grid: {w} × {h} cells of {size:g}, {n} region(s), {k} proxy(ies).</source>
        <translation>输出网格：{w} × {h} 个 {size:g} 的像元，{n} 个区域，{k} 个代理数据。</translation>
    </message>
    <message>
        <location filename="../core/carbon/downscale.py" line="318"/>
        <source>Proxy “{name}”: {n} negative value(s) were treated as 0.</source>
        <translation>代理数据“{name}”：{n} 个负值已按 0 处理。</translation>
    </message>
    <message>
        <location filename="../core/carbon/downscale.py" line="324"/>
        <source>{n} region(s) cover no cell centre at PIXEL_SIZE {size:g} and would lose their total: {regions}. Choose a smaller pixel size.</source>
        <translation>在 PIXEL_SIZE 为 {size:g} 时，{n} 个区域未覆盖任何像元中心，其总量将丢失：{regions}。请选用更小的像元。</translation>
    </message>
    <message>
        <location filename="../core/carbon/downscale.py" line="331"/>
        <source>Region {region}: every proxy is zero there; its total is spread evenly over its {cells} cell(s).</source>
        <translation>区域 {region}：所有代理数据在该区域均为零；其总量均匀分摊到 {cells} 个像元。</translation>
    </message>
    <message>
        <location filename="../core/carbon/downscale.py" line="384"/>
        <source>Largest relative difference between a region total and its cells: {err:.2e}.</source>
        <translation>区域总量与其像元之和的最大相对差：{err:.2e}。</translation>
    </message>
    <message>
        <location filename="../core/carbon/energy.py" line="69"/>
        <source>Table “{table}” has no field “{field}”.</source>
        <translation>表“{table}”没有字段“{field}”。</translation>
    </message>
    <message>
        <location filename="../core/carbon/energy.py" line="98"/>
        <source>row {row} ({what}): amount is missing</source>
        <translation>第 {row} 行（{what}）：缺少消费量</translation>
    </message>
    <message>
        <location filename="../core/carbon/energy.py" line="94"/>
        <source>row {row} ({what}): amount “{value}” is not a number</source>
        <translation>第 {row} 行（{what}）：消费量“{value}”不是数字</translation>
    </message>
    <message>
        <location filename="../core/carbon/energy.py" line="104"/>
        <source>row {row} ({what}): amount {value} is negative</source>
        <translation>第 {row} 行（{what}）：消费量 {value} 为负</translation>
    </message>
    <message>
        <location filename="../core/carbon/energy.py" line="110"/>
        <source>unknown fuel(s): {fuels} (the factor table has {known})</source>
        <translation>未知的能源品种：{fuels}（排放因子表中有 {known}）</translation>
    </message>
    <message>
        <location filename="../core/carbon/landuse.py" line="21"/>
        <source>empty</source>
        <translation>空</translation>
    </message>
    <message>
        <location filename="../core/carbon/energy.py" line="120"/>
        <source>row {row} ({fuel}): unit “{unit}” cannot be converted to {target}</source>
        <translation>第 {row} 行（{fuel}）：计量单位“{unit}”无法换算为 {target}</translation>
    </message>
    <message>
        <location filename="../core/carbon/energy.py" line="127"/>
        <source>… and {n} more</source>
        <translation>… 及另外 {n} 项</translation>
    </message>
    <message>
        <location filename="../core/carbon/energy.py" line="128"/>
        <source>Table “{table}”: {n} problem(s): {list}.</source>
        <translation>表“{table}”：{n} 个问题：{list}。</translation>
    </message>
    <message>
        <location filename="../core/carbon/hotspots.py" line="55"/>
        <source>Unknown spatial weights “{method}” (use {methods}).</source>
        <translation>未知的空间权重“{method}”（可用：{methods}）。</translation>
    </message>
    <message>
        <location filename="../core/carbon/hotspots.py" line="60"/>
        <source>queen contiguity (touching or overlapping features)</source>
        <translation>Queen 邻接（相接或重叠的要素）</translation>
    </message>
    <message>
        <location filename="../core/carbon/hotspots.py" line="69"/>
        <source>{k} nearest neighbours</source>
        <translation>{k} 个最近邻</translation>
    </message>
    <message>
        <location filename="../core/carbon/hotspots.py" line="77"/>
        <source>distance band {d:g} map units between centroids</source>
        <translation>质心间距离阈值 {d:g}（地图单位）</translation>
    </message>
    <message>
        <location filename="../core/carbon/hotspots.py" line="91"/>
        <source>Hot spots need at least 3 features, got {n}.</source>
        <translation>冷热点分析至少需要 3 个要素，当前为 {n} 个。</translation>
    </message>
    <message>
        <location filename="../core/carbon/hotspots.py" line="95"/>
        <source>All values are equal: there are no hot or cold spots.</source>
        <translation>所有数值都相等：不存在热点或冷点。</translation>
    </message>
    <message>
        <location filename="../core/carbon/hotspots.py" line="123"/>
        <source>The significance level must be between 0 and 1, got {a}.</source>
        <translation>显著性水平必须在 0 与 1 之间，当前为 {a}。</translation>
    </message>
    <message>
        <location filename="../core/carbon/hotspots.py" line="142"/>
        <source>Layer “{layer}”, field {field}: {n} feature(s) have no value; fill or filter them first.</source>
        <translation>图层“{layer}”字段 {field}：{n} 个要素没有值；请先补全或筛除。</translation>
    </message>
    <message>
        <location filename="../core/sensors/problem.py" line="61"/>
        <source> and {n} more</source>
        <translation> 及另外 {n} 个</translation>
    </message>
    <message>
        <location filename="../core/carbon/landuse.py" line="24"/>
        <source>Layer “{layer}”, field {field}: {n} feature(s) have {what} that the table does not know: {codes}{more}. Add them to the table or choose a default.</source>
        <translation>图层“{layer}”字段 {field}：{n} 个要素的{what}不在表中：{codes}{more}。请将其补充到表中或指定默认值。</translation>
    </message>
    <message>
        <location filename="../core/carbon/landuse.py" line="60"/>
        <source>Layer “{layer}” is in a geographic CRS ({crs}); areas need a projected CRS.</source>
        <translation>图层“{layer}”采用地理坐标系（{crs}）；计算面积需要投影坐标系。</translation>
    </message>
    <message>
        <location filename="../core/carbon/landuse.py" line="75"/>
        <source>a land-use code</source>
        <translation>地类编码</translation>
    </message>
    <message>
        <location filename="../core/carbon/landuse.py" line="79"/>
        <source>The default class “{code}” is not in the coefficient table.</source>
        <translation>默认类别“{code}”不在碳排放系数表中。</translation>
    </message>
    <message>
        <location filename="../core/carbon/tables.py" line="53"/>
        <source>coefficient table</source>
        <translation>碳排放系数表</translation>
    </message>
    <message>
        <location filename="../core/carbon/tables.py" line="83"/>
        <source>non-negative </source>
        <translation>非负</translation>
    </message>
    <message>
        <location filename="../core/codes/assign.py" line="54"/>
        <source>Layer “{layer}”, field “{field}”: the building code scheme {scheme} needs {n}-digit administrative codes; features {features} have other values.</source>
        <translation>图层“{layer}”字段“{field}”：房屋建筑编码方案 {scheme} 需要 {n} 位行政区划代码；要素 {features} 的值不符合。</translation>
    </message>
    <message>
        <location filename="../core/codes/assign.py" line="70"/>
        <source>Layer “{layer}”, field “{field}”: years must be 4-digit numbers; features {features} have other values.</source>
        <translation>图层“{layer}”字段“{field}”：年份必须为 4 位数字；要素 {features} 的值不符合。</translation>
    </message>
    <message>
        <location filename="../core/codes/assign.py" line="288"/>
        <source>Layer “{layer}” has no coordinate reference system.</source>
        <translation>图层“{layer}”没有坐标参考系。</translation>
    </message>
    <message>
        <location filename="../core/codes/assign.py" line="293"/>
        <source>The minimum overlap must be above 0 and at most 1, not {value}.</source>
        <translation>最小重叠比例必须大于 0 且不超过 1，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../core/codes/assign.py" line="343"/>
        <source>Scheme {scheme} allows {max} buildings per township and year; this run would go beyond that in {where}. Nothing was written.</source>
        <translation>编码方案 {scheme} 每个乡镇（街道）每年最多容纳 {max} 栋建筑；本次运行将在 {where} 超出该上限。未写出任何内容。</translation>
    </message>
    <message>
        <location filename="../core/codes/checks.py" line="148"/>
        <source>a unified social credit code has 18 characters, this one has {n}</source>
        <translation>统一社会信用代码应为 18 位，此代码为 {n} 位</translation>
    </message>
    <message>
        <location filename="../core/codes/checks.py" line="152"/>
        <source>character “{char}” is not allowed (I, O, S, V, Z and lower-case letters are never used)</source>
        <translation>不允许使用字符“{char}”（从不使用 I、O、S、V、Z 和小写字母）</translation>
    </message>
    <message>
        <location filename="../core/codes/checks.py" line="155"/>
        <source>characters 3–8 must be the administrative division code (6 digits), found “{part}”</source>
        <translation>第 3–8 位必须为行政区划代码（6 位数字），实际为“{part}”</translation>
    </message>
    <message>
        <location filename="../core/codes/schemes.py" line="211"/>
        <source>check character should be {expected}, found {found}</source>
        <translation>校验码应为 {expected}，实际为 {found}</translation>
    </message>
    <message>
        <location filename="../core/codes/validate.py" line="80"/>
        <source>valid (GB 32100 check character)</source>
        <translation>有效（符合 GB 32100 校验码）</translation>
    </message>
    <message>
        <location filename="../core/codes/checks.py" line="179"/>
        <source>a real-estate unit code has 28 characters, this one has {n}</source>
        <translation>不动产单元代码应为 28 位，此代码为 {n} 位</translation>
    </message>
    <message>
        <location filename="../core/codes/checks.py" line="182"/>
        <source>characters 1–12 (county, cadastral district and sub-district) must be digits, found “{part}”</source>
        <translation>第 1–12 位（县级行政区、地籍区和地籍子区）必须为数字，实际为“{part}”</translation>
    </message>
    <message>
        <location filename="../core/codes/checks.py" line="185"/>
        <source>character 13 (ownership of the parcel) must be G, J or Z, found “{c}”</source>
        <translation>第 13 位（宗地所有权类型）必须为 G、J 或 Z，实际为“{c}”</translation>
    </message>
    <message>
        <location filename="../core/codes/checks.py" line="188"/>
        <source>character 14 (type of the parcel) must be one of {allowed}, found “{c}”</source>
        <translation>第 14 位（宗地特征码）必须为 {allowed} 之一，实际为“{c}”</translation>
    </message>
    <message>
        <location filename="../core/codes/checks.py" line="191"/>
        <source>characters 15–19 (parcel number) must be digits, found “{part}”</source>
        <translation>第 15–19 位（宗地顺序号）必须为数字，实际为“{part}”</translation>
    </message>
    <message>
        <location filename="../core/codes/checks.py" line="194"/>
        <source>character 20 (type of the fixture) must be F, L, Q or W, found “{c}”</source>
        <translation>第 20 位（定着物类型）必须为 F、L、Q 或 W，实际为“{c}”</translation>
    </message>
    <message>
        <location filename="../core/codes/checks.py" line="197"/>
        <source>characters 21–28 (fixture unit number) must be digits, found “{part}”</source>
        <translation>第 21–28 位（定着物单元编号）必须为数字，实际为“{part}”</translation>
    </message>
    <message>
        <location filename="../core/codes/checks.py" line="200"/>
        <source>a parcel without fixture (W) has unit number 00000000, found “{part}”</source>
        <translation>无定着物（W）的宗地，其单元编号应为 00000000，实际为“{part}”</translation>
    </message>
    <message>
        <location filename="../core/codes/validate.py" line="77"/>
        <source>valid (format of GB/T 37346; the code has no check character)</source>
        <translation>有效（符合 GB/T 37346 格式；该代码无校验码）</translation>
    </message>
    <message>
        <location filename="../core/codes/checks.py" line="219"/>
        <source>; written without hyphens</source>
        <translation>；书写时不带连字符</translation>
    </message>
    <message>
        <location filename="../core/codes/checks.py" line="221"/>
        <source>a project code reads YYMM-AAAAAA-DD-TT-NNNNNN (24 characters), this one is “{code}”</source>
        <translation>项目代码格式为 YYMM-AAAAAA-DD-TT-NNNNNN（24 位），此代码为“{code}”</translation>
    </message>
    <message>
        <location filename="../core/codes/checks.py" line="224"/>
        <source>a project code has only digits between its hyphens</source>
        <translation>项目代码的连字符之间只能是数字</translation>
    </message>
    <message>
        <location filename="../core/codes/checks.py" line="227"/>
        <source>characters 6–11 must be an administrative division code, found “{part}”</source>
        <translation>第 6–11 位必须为行政区划代码，实际为“{part}”</translation>
    </message>
    <message>
        <location filename="../core/codes/checks.py" line="231"/>
        <source>valid format (issued 20{yy}-{mm}); the check digit is not verified{note}</source>
        <translation>格式有效（赋码于 20{yy} 年 {mm} 月）；未核验校验码{note}</translation>
    </message>
    <message>
        <location filename="../core/codes/checks.py" line="235"/>
        <source>valid format of a code issued before the 2020 rules (year {year}); the check digit is not verified{note}</source>
        <translation>格式有效（2020 年新规则之前赋码，年份 {year}）；未核验校验码{note}</translation>
    </message>
    <message>
        <location filename="../core/codes/checks.py" line="238"/>
        <source>characters 1–4 must be the year and month of issue (YYMM), month “{mm}” does not exist</source>
        <translation>第 1–4 位必须为赋码年月（YYMM），月份“{mm}”不存在</translation>
    </message>
    <message>
        <location filename="../core/codes/projects.py" line="51"/>
        <source>no usable coordinates</source>
        <translation>没有可用的坐标</translation>
    </message>
    <message>
        <location filename="../core/codes/projects.py" line="53"/>
        <source>X and Y look swapped (X {x} is a latitude, Y {y} a longitude)</source>
        <translation>X 与 Y 疑似颠倒（X {x} 是纬度，Y {y} 是经度）</translation>
    </message>
    <message>
        <location filename="../core/codes/projects.py" line="55"/>
        <source>coordinates {x}, {y} are not longitude/latitude</source>
        <translation>坐标 {x}, {y} 不是经纬度</translation>
    </message>
    <message>
        <location filename="../core/codes/projects.py" line="76"/>
        <source>no parcel id</source>
        <translation>没有地块编号</translation>
    </message>
    <message>
        <location filename="../core/codes/projects.py" line="79"/>
        <source>parcel {ids} not found in the parcel layer</source>
        <translation>地块图层中找不到地块 {ids}</translation>
    </message>
    <message>
        <location filename="../core/codes/projects.py" line="82"/>
        <source>parcels {ids} not found; placed on the others</source>
        <translation>找不到地块 {ids}；已按其余地块落图</translation>
    </message>
    <message>
        <location filename="../core/codes/projects.py" line="149"/>
        <source>The project table has no column “{field}”.</source>
        <translation>项目表中没有列“{field}”。</translation>
    </message>
    <message>
        <location filename="../core/codes/validate.py" line="90"/>
        <source>no code</source>
        <translation>无代码</translation>
    </message>
    <message>
        <location filename="../core/codes/projects.py" line="168"/>
        <source>outside every township</source>
        <translation>不在任何乡镇（街道）范围内</translation>
    </message>
    <message>
        <location filename="../core/codes/projects.py" line="181"/>
        <source>no plan polygon here</source>
        <translation>此处没有规划图斑</translation>
    </message>
    <message>
        <location filename="../core/codes/registry.py" line="379"/>
        <source>Code registry {path}: {problem}</source>
        <translation>编码登记库 {path}：{problem}</translation>
    </message>
    <message>
        <location filename="../core/codes/registry.py" line="390"/>
        <source>it is locked by another program (is it being edited in QGIS?). Save or close that session and run again; nothing was changed.</source>
        <translation>文件被其他程序锁定（是否正在 QGIS 中编辑？）。请保存或关闭该编辑会话后重新运行；未做任何更改。</translation>
    </message>
    <message>
        <location filename="../core/codes/registry.py" line="504"/>
        <source>it is not a GeoPackage/SQLite file; nothing was changed.</source>
        <translation>不是 GeoPackage/SQLite 文件；未做任何更改。</translation>
    </message>
    <message>
        <location filename="../core/codes/registry.py" line="395"/>
        <source>it is read-only; nothing was changed.</source>
        <translation>文件为只读；未做任何更改。</translation>
    </message>
    <message>
        <location filename="../core/codes/registry.py" line="396"/>
        <source>cannot be opened for writing ({error}); nothing was changed.</source>
        <translation>无法以写入方式打开（{error}）；未做任何更改。</translation>
    </message>
    <message>
        <location filename="../core/codes/registry.py" line="453"/>
        <source>the folder {folder} does not exist.</source>
        <translation>文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <location filename="../core/codes/registry.py" line="455"/>
        <source>the folder {folder} is read-only.</source>
        <translation>文件夹 {folder} 为只读。</translation>
    </message>
    <message>
        <location filename="../core/codes/registry.py" line="463"/>
        <source>it is not a file.</source>
        <translation>不是文件。</translation>
    </message>
    <message>
        <location filename="../core/codes/registry.py" line="465"/>
        <source>it is read-only (the file or its folder); nothing was changed.</source>
        <translation>文件或其所在文件夹为只读；未做任何更改。</translation>
    </message>
    <message>
        <location filename="../core/codes/registry.py" line="471"/>
        <source>cannot be opened ({error}).</source>
        <translation>无法打开（{error}）。</translation>
    </message>
    <message>
        <location filename="../core/codes/registry.py" line="505"/>
        <source>it is not a building code registry (no {table} table); choose a new file name or the registry made by an earlier run.</source>
        <translation>不是房屋建筑编码登记库（没有 {table} 表）；请另选新文件名，或选择之前运行生成的登记库。</translation>
    </message>
    <message>
        <location filename="../core/codes/registry.py" line="508"/>
        <source>it is not a building code registry of this plugin (format {format}).</source>
        <translation>不是本插件的房屋建筑编码登记库（格式 {format}）。</translation>
    </message>
    <message>
        <location filename="../core/codes/registry.py" line="512"/>
        <source>it was made for building code scheme “{theirs}”, this run uses “{ours}”; codes of two schemes cannot share a registry. Nothing was changed.</source>
        <translation>该登记库用于房屋建筑编码方案“{theirs}”，本次运行使用“{ours}”；两种方案的编码不能共用一个登记库。未做任何更改。</translation>
    </message>
    <message>
        <location filename="../core/codes/schemes.py" line="48"/>
        <source>Building code scheme “{id}” ({origin}): {problem}</source>
        <translation>房屋建筑编码方案“{id}”（{origin}）：{problem}</translation>
    </message>
    <message>
        <location filename="../core/codes/schemes.py" line="53"/>
        <source>it has no id</source>
        <translation>缺少方案代码（id）</translation>
    </message>
    <message>
        <location filename="../core/codes/schemes.py" line="57"/>
        <source>segment key “{key}” is not one of {keys}</source>
        <translation>码段键“{key}”不属于 {keys}</translation>
    </message>
    <message>
        <location filename="../core/codes/schemes.py" line="60"/>
        <source>segment “{key}” needs a length of at least 1</source>
        <translation>码段“{key}”的长度至少为 1</translation>
    </message>
    <message>
        <location filename="../core/codes/schemes.py" line="62"/>
        <source>a fixed segment needs a value of {n} digits</source>
        <translation>固定码段需要 {n} 位数字的取值</translation>
    </message>
    <message>
        <location filename="../core/codes/schemes.py" line="64"/>
        <source>the year segment has 4 digits</source>
        <translation>年份码段为 4 位</translation>
    </message>
    <message>
        <location filename="../core/codes/schemes.py" line="67"/>
        <source>it needs exactly one “{key}” segment</source>
        <translation>必须恰好有一个“{key}”码段</translation>
    </message>
    <message>
        <location filename="../core/codes/schemes.py" line="69"/>
        <source>it has more than one year segment</source>
        <translation>年份码段多于一个</translation>
    </message>
    <message>
        <location filename="../core/codes/schemes.py" line="71"/>
        <source>check “{check}” is not one of {methods}, none</source>
        <translation>校验方式“{check}”不属于 {methods}、none</translation>
    </message>
    <message>
        <location filename="../core/codes/schemes.py" line="74"/>
        <source>its own example {code} is invalid: {reason}</source>
        <translation>方案自带的示例编码 {code} 无效：{reason}</translation>
    </message>
    <message>
        <location filename="../core/codes/schemes.py" line="192"/>
        <source>a code of scheme {id} has {n} characters, this one has {m}</source>
        <translation>方案 {id} 的编码应为 {n} 位，此编码为 {m} 位</translation>
    </message>
    <message>
        <location filename="../core/codes/schemes.py" line="199"/>
        <source>characters {a}–{b} ({name}) must be digits, found “{text}”</source>
        <translation>第 {a}–{b} 位（{name}）必须为数字，实际为“{text}”</translation>
    </message>
    <message>
        <location filename="../core/codes/schemes.py" line="202"/>
        <source>characters {a}–{b} ({name}) must be {value}, found “{text}”</source>
        <translation>第 {a}–{b} 位（{name}）必须为 {value}，实际为“{text}”</translation>
    </message>
    <message>
        <location filename="../core/codes/schemes.py" line="205"/>
        <source>the building sequence starts at 1, found “{text}”</source>
        <translation>建筑顺序码从 1 开始，实际为“{text}”</translation>
    </message>
    <message>
        <location filename="../core/codes/validate.py" line="74"/>
        <source>valid ({scheme})</source>
        <translation>有效（{scheme}）</translation>
    </message>
    <message>
        <location filename="../core/codes/schemes.py" line="240"/>
        <source>{path} holds no building code scheme.</source>
        <translation>{path} 中没有房屋建筑编码方案。</translation>
    </message>
    <message>
        <location filename="../core/codes/schemes.py" line="262"/>
        <source>There is no building code scheme “{name}”; available: {ids}.</source>
        <translation>没有房屋建筑编码方案“{name}”；可用方案：{ids}。</translation>
    </message>
    <message>
        <location filename="../core/codes/validate.py" line="27"/>
        <source>Building code (building code scheme)</source>
        <translation>房屋建筑编码（房屋建筑编码方案）</translation>
    </message>
    <message>
        <location filename="../core/codes/validate.py" line="28"/>
        <source>BeiDou grid location code (GB/T 39409-2020)</source>
        <translation>北斗网格位置码（GB/T 39409-2020）</translation>
    </message>
    <message>
        <location filename="../core/codes/validate.py" line="29"/>
        <source>Real-estate unit code (GB/T 37346-2019)</source>
        <translation>不动产单元代码（GB/T 37346-2019）</translation>
    </message>
    <message>
        <location filename="../core/codes/validate.py" line="30"/>
        <source>Investment project code (GB/T 40058-2021)</source>
        <translation>投资项目代码（GB/T 40058-2021）</translation>
    </message>
    <message>
        <location filename="../core/codes/validate.py" line="31"/>
        <source>Unified social credit code (GB 32100-2015)</source>
        <translation>统一社会信用代码（GB 32100-2015）</translation>
    </message>
    <message>
        <location filename="../core/codes/validate.py" line="44"/>
        <source>valid 2D code, level {level}</source>
        <translation>有效的二维编码，第 {level} 级</translation>
    </message>
    <message>
        <location filename="../core/codes/validate.py" line="47"/>
        <source>valid 3D code, level {level}</source>
        <translation>有效的三维编码，第 {level} 级</translation>
    </message>
    <message>
        <location filename="../core/codes/validate.py" line="128"/>
        <source>the feature lies outside every administrative area of the ADMIN layer</source>
        <translation>要素不在 ADMIN 图层的任何行政区范围内</translation>
    </message>
    <message>
        <location filename="../core/codes/validate.py" line="131"/>
        <source>the code names area {claimed}, but the feature lies in {located}</source>
        <translation>编码所含行政区为 {claimed}，但要素位于 {located}</translation>
    </message>
    <message>
        <location filename="../core/codes/validate.py" line="162"/>
        <source>duplicate: features {others} carry the same code</source>
        <translation>重复：要素 {others} 的编码与之相同</translation>
    </message>
    <message>
        <location filename="../core/codes/validate.py" line="169"/>
        <source>the feature lies outside the cell of its BeiDou code</source>
        <translation>要素不在其北斗网格位置码对应的网格内</translation>
    </message>
    <message>
        <location filename="../core/indicators/results.py" line="23"/>
        <source>not an indicator table: field(s) {fields} missing</source>
        <translation>不是指标表：缺少字段 {fields}</translation>
    </message>
    <message>
        <location filename="../core/landuse/area.py" line="76"/>
        <source>Layer {layer}: its CRS measures in {unit}, not metres; reproject it first</source>
        <translation>图层 {layer}：其坐标参考系单位为 {unit}，不是米；请先重投影</translation>
    </message>
    <message>
        <location filename="../core/landuse/area.py" line="305"/>
        <source>ellipsoidal (geodesic) areas on a = {a} m, 1/f = {rf}</source>
        <translation>椭球面（大地线）面积，a = {a} 米，1/f = {rf}</translation>
    </message>
    <message>
        <location filename="../core/landuse/area.py" line="307"/>
        <source>planar areas in the layer CRS (m²)</source>
        <translation>按图层坐标系计算的平面面积（平方米）</translation>
    </message>
    <message>
        <location filename="../core/landuse/change.py" line="65"/>
        <source>Layer {layer}: 三调 codes converted to 用地用海 to compare with the other layer.</source>
        <translation>图层 {layer}：三调编码已转换为用地用海编码，以便与另一图层比较。</translation>
    </message>
    <message>
        <location filename="../core/landuse/change.py" line="98"/>
        <source>LEVEL must be 1 or 2, not {level}</source>
        <translation>LEVEL 必须为 1 或 2，而不是 {level}</translation>
    </message>
    <message>
        <location filename="../core/landuse/change.py" line="153"/>
        <source>Change patches: {count}, {area:.2f} ha changed of {total:.2f} ha compared.</source>
        <translation>变化图斑：{count} 个，对比的 {total:.2f} 公顷中有 {area:.2f} 公顷发生变化。</translation>
    </message>
    <message>
        <location filename="../core/landuse/conformance.py" line="50"/>
        <source>Rules {path}, line {line}: status {status} is not one of {allowed}</source>
        <translation>规则表 {path} 第 {line} 行：状态 {status} 不属于 {allowed}</translation>
    </message>
    <message>
        <location filename="../core/landuse/conformance.py" line="55"/>
        <source>Rules {path}, line {line}: column {column} is empty</source>
        <translation>规则表 {path} 第 {line} 行：列 {column} 为空</translation>
    </message>
    <message>
        <location filename="../core/landuse/conformance.py" line="59"/>
        <source>Rules {path}, line {line}: {value} is allowed in the plan column only</source>
        <translation>规则表 {path} 第 {line} 行：{value} 只能用于规划列</translation>
    </message>
    <message>
        <location filename="../core/landuse/conformance.py" line="71"/>
        <source>Rules {path} has no rule</source>
        <translation>规则表 {path} 中没有任何规则</translation>
    </message>
    <message>
        <location filename="../core/landuse/conformance.py" line="119"/>
        <source>Wholly inside one plan zone: {whole} of {total} current polygons (no intersection computed); {pieces} pieces in all.</source>
        <translation>完全位于单个规划图斑内的现状图斑：{total} 个中有 {whole} 个（无需求交）；共 {pieces} 个分析图斑。</translation>
    </message>
    <message>
        <location filename="../core/landuse/conformance.py" line="124"/>
        <source>Layer {layer}: features {a} and {b} overlap; the shared area is counted once, for feature {a}.</source>
        <translation>图层 {layer}：要素 {a} 与 {b} 重叠；重叠面积只计一次，计入要素 {a}。</translation>
    </message>
    <message>
        <location filename="../core/landuse/control_lines.py" line="47"/>
        <source>Table {path}, line {line}: needs a type, a line among {lines}, where inside/outside and scheme current/plan</source>
        <translation>表 {path} 第 {line} 行：需要类型、控制线（{lines} 之一）、范围内/外（inside/outside）以及编码体系 current/plan</translation>
    </message>
    <message>
        <location filename="../core/landuse/control_lines.py" line="97"/>
        <source>Give at least one control line layer.</source>
        <translation>请至少指定一个控制线图层。</translation>
    </message>
    <message>
        <location filename="../core/landuse/control_lines.py" line="124"/>
        <source>{name}: {count} patch(es).</source>
        <translation>{name}：{count} 个图斑。</translation>
    </message>
    <message>
        <location filename="../core/landuse/geometry.py" line="319"/>
        <source>no geometry; skipped</source>
        <translation>无几何图形；已跳过</translation>
    </message>
    <message>
        <location filename="../core/landuse/geometry.py" line="325"/>
        <source>{kind} is not a polygon; skipped</source>
        <translation>{kind} 不是面；已跳过</translation>
    </message>
    <message>
        <location filename="../core/landuse/geometry.py" line="332"/>
        <source>invalid geometry ({reason}) has no area once repaired; skipped</source>
        <translation>无效几何（{reason}）修复后面积为零；已跳过</translation>
    </message>
    <message>
        <location filename="../core/landuse/geometry.py" line="336"/>
        <source>invalid geometry ({reason}) repaired</source>
        <translation>无效几何（{reason}）已修复</translation>
    </message>
    <message>
        <location filename="../core/landuse/inputs.py" line="34"/>
        <source>Layer {layer}, feature {fid}: {message}</source>
        <translation>图层 {layer}，要素 {fid}：{message}</translation>
    </message>
    <message>
        <location filename="../core/landuse/inputs.py" line="78"/>
        <source>Layer {layer}: codes of field {field} read as {edition}</source>
        <translation>图层 {layer}：字段 {field} 的编码按 {edition} 读取</translation>
    </message>
    <message>
        <location filename="../core/landuse/inputs.py" line="83"/>
        <source>Layer {layer}: {count} feature(s) have codes not in the table, counted as 未知 (unknown): {codes}</source>
        <translation>图层 {layer}：{count} 个要素的编码不在表中，计为“未知”：{codes}</translation>
    </message>
    <message>
        <location filename="../core/landuse/inputs.py" line="83"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../core/landuse/overlay.py" line="307"/>
        <source>Geometry error while cutting {what}: {error}</source>
        <translation>切分 {what} 时出现几何错误：{error}</translation>
    </message>
    <message>
        <location filename="../core/landuse/overlay.py" line="269"/>
        <source>feature {label}</source>
        <translation>要素 {label}</translation>
    </message>
    <message>
        <location filename="../core/reports/keys.py" line="29"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../core/reports/keys.py" line="30"/>
        <source>Indicator table “{table}”: no value of its DISTRICT column ({sample}) is found in any field of the district layer “{layer}” ({fields}).</source>
        <translation>指标表“{table}”：其 DISTRICT 列的值（{sample}）在行政区图层“{layer}”的任何字段（{fields}）中都找不到。</translation>
    </message>
    <message>
        <location filename="../core/sensors/evaluate.py" line="156"/>
        <source>There is no sensor: nothing is covered.</source>
        <translation>没有感知终端：无任何覆盖。</translation>
    </message>
    <message>
        <location filename="../core/sensors/evaluate.py" line="183"/>
        <source>All risk points</source>
        <translation>全部风险点</translation>
    </message>
    <message>
        <location filename="../core/sensors/exact.py" line="265"/>
        <source>The LP relaxation did not finish within the time limit.</source>
        <translation>线性规划松弛未能在时限内完成。</translation>
    </message>
    <message>
        <location filename="../core/sensors/exact.py" line="344"/>
        <source>HiGHS reached the time limit.</source>
        <translation>HiGHS 已达到时限。</translation>
    </message>
    <message>
        <location filename="../core/sensors/kinds.py" line="33"/>
        <source>the kind table</source>
        <translation>类型表</translation>
    </message>
    <message>
        <location filename="../core/sensors/kinds.py" line="38"/>
        <source>Kind table {table} lacks the column(s) {columns}.</source>
        <translation>类型表 {table} 缺少列 {columns}。</translation>
    </message>
    <message>
        <location filename="../core/sensors/kinds.py" line="43"/>
        <source>Kind table {table} lists {kinds} more than once.</source>
        <translation>类型表 {table} 中 {kinds} 出现不止一次。</translation>
    </message>
    <message>
        <location filename="../core/sensors/kinds.py" line="51"/>
        <source>Kind table {table}: {column} must be a positive number (kind {kind}).</source>
        <translation>类型表 {table}：{column} 必须为正数（类型 {kind}）。</translation>
    </message>
    <message>
        <location filename="../core/sensors/kinds.py" line="68"/>
        <source>Layer {layer}: the kind(s) {kinds} are not in the kind table ({known}); add them to the table or give a radius.</source>
        <translation>图层 {layer}：类型 {kinds} 不在类型表中（{known}）；请将其补充到表中或指定半径。</translation>
    </message>
    <message>
        <location filename="../core/sensors/models.py" line="79"/>
        <source>Unknown model {model}: use one of {models}.</source>
        <translation>未知模型 {model}：请使用 {models} 之一。</translation>
    </message>
    <message>
        <location filename="../core/sensors/models.py" line="82"/>
        <source>P must be a whole number ≥ 0 (got {p}).</source>
        <translation>P 必须为 ≥ 0 的整数（当前为 {p}）。</translation>
    </message>
    <message>
        <location filename="../core/sensors/models.py" line="84"/>
        <source>The budget must be greater than 0 (got {budget}).</source>
        <translation>预算必须大于 0（当前为 {budget}）。</translation>
    </message>
    <message>
        <location filename="../core/sensors/models.py" line="87"/>
        <source>MCLP needs P (number of new sensors) or a budget.</source>
        <translation>MCLP 需要 P（新增感知终端数量）或预算。</translation>
    </message>
    <message>
        <location filename="../core/sensors/models.py" line="89"/>
        <source>p-median needs P (number of new sensors).</source>
        <translation>P 中值模型需要 P（新增感知终端数量）。</translation>
    </message>
    <message>
        <location filename="../core/sensors/models.py" line="107"/>
        <source>The time limit ({limit} s) was reached: the answer is the best found; it is proven within {gap} of the optimum.</source>
        <translation>已达到时限（{limit} 秒）：结果为当前找到的最优解；已证明其与最优值的差距在 {gap} 以内。</translation>
    </message>
    <message>
        <location filename="../core/sensors/models.py" line="124"/>
        <source>P = {p} is at least the {n} candidate sensor(s) that cover any uncovered point: all of them are chosen.</source>
        <translation>P = {p} 不少于可覆盖未覆盖点的 {n} 个候选感知终端：全部选用。</translation>
    </message>
    <message>
        <location filename="../core/sensors/models.py" line="205"/>
        <source>P = {p} is more than the {n} candidate sensor(s): all of them are chosen.</source>
        <translation>P = {p} 多于 {n} 个候选感知终端：全部选用。</translation>
    </message>
    <message>
        <location filename="../core/sensors/models.py" line="219"/>
        <source>P = {p} new sensor(s) cannot reach every coverable risk point; p-median needs at least {n} (the LSCP answer{proof}). Raise P or use MCLP.</source>
        <translation>P = {p} 个新增感知终端无法覆盖所有可覆盖的风险点；P 中值模型至少需要 {n} 个（LSCP 的解{proof}）。请增大 P 或改用 MCLP。</translation>
    </message>
    <message>
        <location filename="../core/sensors/models.py" line="219"/>
        <source>, not proven minimal</source>
        <translation>，未证明为最小</translation>
    </message>
    <message>
        <location filename="../core/sensors/models.py" line="237"/>
        <source>{n} coverable risk point(s) are not reached by the {p} sensor(s) chosen.</source>
        <translation>所选的 {p} 个感知终端未能覆盖 {n} 个可覆盖的风险点。</translation>
    </message>
    <message>
        <location filename="../core/sensors/network.py" line="41"/>
        <source>The road layer has no line with two or more vertices.</source>
        <translation>道路图层中没有包含两个及以上顶点的线。</translation>
    </message>
    <message>
        <location filename="../core/sensors/network.py" line="124"/>
        <source>road-network search</source>
        <translation>路网搜索</translation>
    </message>
    <message>
        <location filename="../core/sensors/outputs.py" line="91"/>
        <source>All kinds</source>
        <translation>所有类型</translation>
    </message>
    <message>
        <location filename="../core/sensors/pairs.py" line="36"/>
        <source>The radius must be greater than 0 ({label}: {value}).</source>
        <translation>半径必须大于 0（{label}：{value}）。</translation>
    </message>
    <message>
        <location filename="../core/sensors/pairs.py" line="42"/>
        <source>straight-line search</source>
        <translation>直线搜索</translation>
    </message>
    <message>
        <location filename="../core/sensors/pairs.py" line="68"/>
        <source>Layer {layer}: field {field} has empty ids.</source>
        <translation>图层 {layer}：字段 {field} 中有空编号。</translation>
    </message>
    <message>
        <location filename="../core/sensors/pairs.py" line="73"/>
        <source>Layer {layer}: field {field} repeats the id(s) {ids}.</source>
        <translation>图层 {layer}：字段 {field} 中编号 {ids} 重复。</translation>
    </message>
    <message>
        <location filename="../core/sensors/pairs.py" line="95"/>
        <source>Cost table {table} needs three columns (point id, site id, cost); it has {n}.</source>
        <translation>成本表 {table} 需要三列（风险点编号、站点编号、成本）；实际为 {n} 列。</translation>
    </message>
    <message>
        <location filename="../core/sensors/pairs.py" line="113"/>
        <source>Cost table {table}: row {row} has the cost “{value}”, not a number ≥ 0.</source>
        <translation>成本表 {table}：第 {row} 行的成本为“{value}”，不是 ≥ 0 的数。</translation>
    </message>
    <message>
        <location filename="../core/sensors/pairs.py" line="121"/>
        <source>Cost table {table} lists the same point and site more than once: {pairs}.</source>
        <translation>成本表 {table} 中同一风险点和站点出现不止一次：{pairs}。</translation>
    </message>
    <message>
        <location filename="../core/sensors/pairs.py" line="133"/>
        <source>Cost table {table}: {n} row(s) name a point or site that is not in the layers (first: row {row}, {point} → {site}); they are ignored.</source>
        <translation>成本表 {table}：{n} 行所列的风险点或站点不在图层中（第一个：第 {row} 行，{point} → {site}）；已忽略。</translation>
    </message>
    <message>
        <location filename="../core/sensors/problem.py" line="79"/>
        <source>Layer {layer}: {n} feature(s) without geometry are left out (fid {fids}).</source>
        <translation>图层 {layer}：{n} 个无几何图形的要素已排除（fid {fids}）。</translation>
    </message>
    <message>
        <location filename="../core/sensors/problem.py" line="96"/>
        <source>Layer {layer} is in geographic coordinates ({crs}); distances need a projected CRS in metres, e.g. EPSG:4528 (CGCS2000 / 3-degree Gauss-Kruger zone 40).</source>
        <translation>图层 {layer} 采用地理坐标系（{crs}）；计算距离需要以米为单位的投影坐标系，如 EPSG:4528（CGCS2000 / 3 度带高斯–克吕格投影 第 40 带）。</translation>
    </message>
    <message>
        <location filename="../core/sensors/problem.py" line="103"/>
        <source>Layer {layer} is not in the CRS of the risk points ({crs}).</source>
        <translation>图层 {layer} 与风险点的坐标参考系（{crs}）不同。</translation>
    </message>
    <message>
        <location filename="../core/sensors/problem.py" line="109"/>
        <source>Layer {layer} has no field {field} ({what}). Fields: {fields}.</source>
        <translation>图层 {layer} 没有字段 {field}（{what}）。现有字段：{fields}。</translation>
    </message>
    <message>
        <location filename="../core/sensors/problem.py" line="120"/>
        <source>Layer {layer}: field {field} ({what}) must be a number {rule}; fid {fids}.</source>
        <translation>图层 {layer}：字段 {field}（{what}）必须为数值且 {rule}；fid {fids}。</translation>
    </message>
    <message>
        <location filename="../core/sensors/problem.py" line="159"/>
        <source>A grid at SPACING = {s} m would have {n:,} nodes; use a larger spacing or give candidate sites.</source>
        <translation>SPACING = {s} 米的格网将有 {n:,} 个节点；请增大间距或指定候选站点。</translation>
    </message>
    <message>
        <location filename="../core/sensors/problem.py" line="180"/>
        <source>Unknown distance {d}: use EUCLIDEAN or NETWORK.</source>
        <translation>未知的距离类型 {d}：请使用 EUCLIDEAN 或 NETWORK。</translation>
    </message>
    <message>
        <location filename="../core/sensors/problem.py" line="184"/>
        <source>Network distance needs a road layer (ROADS).</source>
        <translation>路网距离需要道路图层（ROADS）。</translation>
    </message>
    <message>
        <location filename="../core/sensors/problem.py" line="191"/>
        <source>Layer {layer} has no risk point.</source>
        <translation>图层 {layer} 中没有风险点。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/sensors/common.py" line="76"/>
        <source>kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../core/sensors/problem.py" line="198"/>
        <source>Layer {layer}: field {field} is empty for fid {fids}.</source>
        <translation>图层 {layer}：fid {fids} 的字段 {field} 为空。</translation>
    </message>
    <message>
        <location filename="../core/sensors/problem.py" line="205"/>
        <source>Give a radius, or a kind field so that each kind takes its radius from the kind table.</source>
        <translation>请指定半径，或指定类型字段，使每种类型从类型表中取其半径。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/sensors/common.py" line="75"/>
        <source>weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../core/sensors/problem.py" line="231"/>
        <source>along the roads</source>
        <translation>沿道路</translation>
    </message>
    <message>
        <location filename="../core/sensors/problem.py" line="234"/>
        <source>on a square grid</source>
        <translation>按方形格网</translation>
    </message>
    <message>
        <location filename="../core/sensors/problem.py" line="238"/>
        <source>No candidate sites were given: {n} candidate(s) were placed every {s} m {where}.</source>
        <translation>未指定候选站点：已{where}每隔 {s} 米布置 {n} 个候选站点。</translation>
    </message>
    <message>
        <location filename="../core/sensors/problem.py" line="245"/>
        <source>There is no candidate site and no existing sensor.</source>
        <translation>既没有候选站点，也没有现有感知终端。</translation>
    </message>
    <message>
        <location filename="../core/sensors/problem.py" line="250"/>
        <source>Layer {layer} has no candidate site.</source>
        <translation>图层 {layer} 中没有候选站点。</translation>
    </message>
    <message>
        <location filename="../core/sensors/problem.py" line="254"/>
        <source>{n} site(s) have a kind that no risk point has ({kinds}); they cover nothing.</source>
        <translation>{n} 个站点的类型在风险点中不存在（{kinds}）；它们不覆盖任何风险点。</translation>
    </message>
    <message>
        <location filename="../core/sensors/problem.py" line="295"/>
        <source>radius</source>
        <translation>覆盖半径</translation>
    </message>
    <message>
        <location filename="../core/sensors/problem.py" line="299"/>
        <source>Layer {layer}: field {field} (radius) must be greater than 0; fid {fids}.</source>
        <translation>图层 {layer}：字段 {field}（半径）必须大于 0；fid {fids}。</translation>
    </message>
    <message>
        <location filename="../core/sensors/problem.py" line="305"/>
        <source>cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <location filename="../core/sensors/problem.py" line="313"/>
        <source>A cost table needs the candidate sites (CANDIDATES) it refers to.</source>
        <translation>成本表需要其所引用的候选站点（CANDIDATES）。</translation>
    </message>
    <message>
        <location filename="../core/sensors/problem.py" line="320"/>
        <source>id named in the cost table header</source>
        <translation>成本表表头中指定的编号</translation>
    </message>
    <message>
        <location filename="../core/sensors/problem.py" line="327"/>
        <source>With existing sensors, the cost table must name sites by an id field present in both {candidates} and {existing}, not by fid.</source>
        <translation>有现有感知终端时，成本表必须通过 {candidates} 和 {existing} 中都有的编号字段指定站点，而不能用 fid。</translation>
    </message>
    <message>
        <location filename="../core/sensors/problem.py" line="334"/>
        <source>The site id(s) {ids} are both a candidate and an existing sensor.</source>
        <translation>站点编号 {ids} 既是候选站点又是现有感知终端。</translation>
    </message>
    <message>
        <location filename="../core/sensors/problem.py" line="345"/>
        <source>along the roads (nearest road too far, or a road piece not connected to any site)</source>
        <translation>沿道路（最近道路太远，或某段道路与任何站点都不连通）</translation>
    </message>
    <message>
        <location filename="../core/sensors/problem.py" line="347"/>
        <source>in the cost table</source>
        <translation>在成本表中</translation>
    </message>
    <message>
        <location filename="../core/sensors/problem.py" line="348"/>
        <source>in a straight line</source>
        <translation>按直线距离</translation>
    </message>
    <message>
        <location filename="../core/sensors/problem.py" line="351"/>
        <source>{n} risk point(s) are out of reach of every site {where} ({kinds}; fid {fids}); no sensor can cover them.</source>
        <translation>{n} 个风险点{where}超出所有站点的覆盖范围（{kinds}；fid {fids}）；任何感知终端都无法覆盖。</translation>
    </message>
    <message>
        <location filename="../core/sensors/problem.py" line="358"/>
        <source>{n} candidate site(s) in {layer} cover no risk point within reach and are left out (fid {fids}).</source>
        <translation>{layer} 中 {n} 个候选站点在覆盖范围内没有风险点，已排除（fid {fids}）。</translation>
    </message>
    <message>
        <location filename="../core/sensors/problem.py" line="364"/>
        <source>{n} existing sensor(s) in {layer} cover no risk point (fid {fids}).</source>
        <translation>{layer} 中 {n} 个现有感知终端未覆盖任何风险点（fid {fids}）。</translation>
    </message>
    <message>
        <location filename="../layers/report_export.py" line="65"/>
        <source>Output folder “{folder}” is not writable: {error}</source>
        <translation>输出文件夹“{folder}”不可写：{error}</translation>
    </message>
    <message>
        <location filename="../layers/report_export.py" line="94"/>
        <source>Exporting “{path}” failed: {error}</source>
        <translation>导出“{path}”失败：{error}</translation>
    </message>
    <message>
        <location filename="../layers/report_export.py" line="114"/>
        <source>Unknown report format “{fmt}”.</source>
        <translation>未知的报告格式“{fmt}”。</translation>
    </message>
    <message>
        <location filename="../layers/report_export.py" line="120"/>
        <source>The atlas has no page: the district layer has no feature (or none passes its filter).</source>
        <translation>图集没有页面：行政区图层中没有要素（或没有要素通过其筛选条件）。</translation>
    </message>
    <message>
        <location filename="../layers/report_export.py" line="225"/>
        <source>The atlas cannot start (no coverage layer?).</source>
        <translation>图集无法启动（没有覆盖图层？）。</translation>
    </message>
    <message>
        <location filename="../layers/report_layers.py" line="59"/>
        <source>Layer “{layer}” has no field “{field}” ({what}). Fields: {fields}.</source>
        <translation>图层“{layer}”没有字段“{field}”（{what}）。现有字段：{fields}。</translation>
    </message>
    <message>
        <location filename="../layers/report_layers.py" line="110"/>
        <source>land-use code</source>
        <translation>地类编码</translation>
    </message>
    <message>
        <location filename="../layers/report_layout.py" line="93"/>
        <source>District boundary</source>
        <translation>行政区界线</translation>
    </message>
    <message>
        <location filename="../layers/report_layout.py" line="94"/>
        <source>Districts of the city</source>
        <translation>全市行政区</translation>
    </message>
    <message>
        <location filename="../ui/atlas_report.py" line="185"/>
        <source>Planned land use</source>
        <translation>规划用地用海</translation>
    </message>
    <message>
        <location filename="../ui/atlas_report.py" line="185"/>
        <source>Control-line violations</source>
        <translation>三线占用图斑</translation>
    </message>
    <message>
        <location filename="../layers/report_layout.py" line="97"/>
        <source>Carbon emission grid</source>
        <translation>碳排放网格</translation>
    </message>
    <message>
        <location filename="../layers/report_layout.py" line="98"/>
        <source>Sensors</source>
        <translation>感知终端</translation>
    </message>
    <message>
        <location filename="../layers/report_layout.py" line="100"/>
        <source>This district</source>
        <translation>本行政区</translation>
    </message>
    <message>
        <location filename="../layers/report_layout.py" line="101"/>
        <source>Other districts</source>
        <translation>其他行政区</translation>
    </message>
    <message>
        <location filename="../layers/report_layout.py" line="102"/>
        <source>This district (status colour)</source>
        <translation>本行政区（状态配色）</translation>
    </message>
    <message>
        <location filename="../layers/report_layout.py" line="103"/>
        <source>Mean of the districts</source>
        <translation>各行政区均值</translation>
    </message>
    <message>
        <location filename="../layers/report_layout.py" line="104"/>
        <source>Range of the districts</source>
        <translation>各行政区取值范围</translation>
    </message>
    <message>
        <location filename="../layers/report_layout.py" line="105"/>
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <location filename="../layers/report_layout.py" line="106"/>
        <source>No indicator value for this district</source>
        <translation>本行政区无该指标值</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/common.py" line="108"/>
        <source>district name</source>
        <translation>行政区名称</translation>
    </message>
    <message>
        <location filename="../layers/report_layout.py" line="144"/>
        <source>Layer “{layer}” has no features: there is no district to print.</source>
        <translation>图层“{layer}”没有要素：没有可输出的行政区。</translation>
    </message>
    <message>
        <location filename="../layers/report_layout.py" line="148"/>
        <source>indicator table of spm:indicators</source>
        <translation>spm:indicators 的指标表</translation>
    </message>
    <message>
        <location filename="../layers/report_layout.py" line="168"/>
        <source>Template “{template}” is neither a shipped template ({names}) nor an existing .qpt file.</source>
        <translation>模板“{template}”既不是插件自带的模板（{names}），也不是已有的 .qpt 文件。</translation>
    </message>
    <message>
        <location filename="../layers/report_layout.py" line="181"/>
        <source>Template “{path}” cannot be read: {error}</source>
        <translation>无法读取模板“{path}”：{error}</translation>
    </message>
    <message>
        <location filename="../layers/report_layout.py" line="186"/>
        <source>Template “{path}” is not a QGIS print layout template (.qpt).</source>
        <translation>模板“{path}”不是 QGIS 打印布局模板（.qpt）。</translation>
    </message>
    <message>
        <location filename="../layers/report_layout.py" line="199"/>
        <source>Template “{path}” could not be loaded.</source>
        <translation>无法加载模板“{path}”。</translation>
    </message>
    <message>
        <location filename="../layers/report_layout.py" line="202"/>
        <source>Template “{path}” has no map item: a district report needs at least one map.</source>
        <translation>模板“{path}”中没有地图项：分区报告至少需要一幅地图。</translation>
    </message>
    <message>
        <location filename="../layers/report_layout.py" line="252"/>
        <source>No Chinese (CJK) font is installed, so Chinese text would print as boxes. Install one, e.g. on Debian/Ubuntu: apt install fonts-noto-cjk.</source>
        <translation>未安装中文（CJK）字体，中文将打印为方框。请安装一种中文字体，例如在 Debian/Ubuntu 上：apt install fonts-noto-cjk。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/common.py" line="12"/>
        <source>Building code scheme (id from building_code_schemes.json, or path.json[#id]; shipped: {ids})</source>
        <translation>房屋建筑编码方案（building_code_schemes.json 中的方案代码，或 path.json[#id]；自带：{ids}）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/sensors/common.py" line="21"/>
        <source>Risk points (风险点)</source>
        <translation>风险点</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/sensors/common.py" line="23"/>
        <source>Weight field (empty: the kind table’s weight, or 1)</source>
        <translation>权重字段（为空：取类型表中的权重，或为 1）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/sensors/common.py" line="26"/>
        <source>Kind field (per-kind radius and weight; sensors cover their kind)</source>
        <translation>类型字段（按类型取半径和权重；感知终端覆盖其对应类型）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/sensors/common.py" line="35"/>
        <source>Distance</source>
        <translation>距离</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/sensors/common.py" line="38"/>
        <source>Roads (noded lines; for NETWORK distance)</source>
        <translation>道路（已打断的线；用于 NETWORK 距离）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/sensors/common.py" line="41"/>
        <source>Kind table (CSV: kind, radius_m, weight, sensor_kinds; default: the shipped table)</source>
        <translation>类型表（CSV：kind、radius_m、weight、sensor_kinds；默认：插件自带的表）</translation>
    </message>
    <message>
        <location filename="../ui/__init__.py" line="14"/>
        <source>City indicators (城市体检)</source>
        <translation>城市体检指标</translation>
    </message>
    <message>
        <location filename="../ui/__init__.py" line="15"/>
        <source>Code lookup (赋码查询)</source>
        <translation>赋码查询</translation>
    </message>
    <message>
        <location filename="../ui/__init__.py" line="16"/>
        <source>Sensor planning (感知终端布设)</source>
        <translation>感知终端布设规划</translation>
    </message>
    <message>
        <location filename="../ui/__init__.py" line="25"/>
        <source>District report layout (atlas)…</source>
        <translation>分区报告布局（图集）…</translation>
    </message>
    <message>
        <location filename="../ui/atlas_report.py" line="241"/>
        <source>District report</source>
        <translation>分区监测报告</translation>
    </message>
    <message>
        <location filename="../ui/atlas_report.py" line="66"/>
        <source>Layout “{name}” is ready ({n} pages); charts are in {folder}.</source>
        <translation>布局“{name}”已就绪（{n} 页）；图表保存在 {folder}。</translation>
    </message>
    <message>
        <location filename="../ui/atlas_report.py" line="157"/>
        <source>District report layout</source>
        <translation>分区报告布局</translation>
    </message>
    <message>
        <location filename="../ui/atlas_report.py" line="175"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../ui/atlas_report.py" line="185"/>
        <source>Districts (atlas coverage)</source>
        <translation>行政区（图集覆盖图层）</translation>
    </message>
    <message>
        <location filename="../ui/atlas_report.py" line="185"/>
        <source>District name field</source>
        <translation>行政区名称字段</translation>
    </message>
    <message>
        <location filename="../ui/atlas_report.py" line="185"/>
        <source>Indicator table (spm:indicators TABLE)</source>
        <translation>指标表（spm:indicators 的 TABLE 输出）</translation>
    </message>
    <message>
        <location filename="../ui/atlas_report.py" line="185"/>
        <source>Carbon emission grid (optional)</source>
        <translation>碳排放网格（可选）</translation>
    </message>
    <message>
        <location filename="../ui/atlas_report.py" line="185"/>
        <source>Sensors (optional)</source>
        <translation>感知终端（可选）</translation>
    </message>
    <message>
        <location filename="../ui/atlas_report.py" line="185"/>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../ui/atlas_report.py" line="185"/>
        <source>Monitoring year</source>
        <translation>监测年份</translation>
    </message>
    <message>
        <location filename="../ui/atlas_report.py" line="219"/>
        <source>Layout template</source>
        <translation>布局模板</translation>
    </message>
    <message>
        <location filename="../ui/atlas_report.py" line="219"/>
        <source>QGIS layout templates (*.qpt)</source>
        <translation>QGIS 布局模板 (*.qpt)</translation>
    </message>
    <message>
        <location filename="../ui/atlas_report.py" line="230"/>
        <source>districts</source>
        <translation>行政区</translation>
    </message>
    <message>
        <location filename="../ui/atlas_report.py" line="230"/>
        <source>planned land use</source>
        <translation>规划用地用海</translation>
    </message>
    <message>
        <location filename="../ui/atlas_report.py" line="237"/>
        <source>Choose a layer for the {what}.</source>
        <translation>请为{what}选择图层。</translation>
    </message>
    <message>
        <location filename="../ui/code_lookup.py" line="84"/>
        <source>BeiDou grid cell {code} (level {level}, about {w:.3g} m × {h:.3g} m)</source>
        <translation>北斗网格单元 {code}（第 {level} 级，约 {w:.3g} 米 × {h:.3g} 米）</translation>
    </message>
    <message>
        <location filename="../ui/code_lookup.py" line="103"/>
        <source>decoded, CGCS2000</source>
        <translation>已解码，CGCS2000</translation>
    </message>
    <message>
        <location filename="../ui/code_lookup.py" line="212"/>
        <source>Building, project and BeiDou codes</source>
        <translation>房屋建筑、项目和北斗编码</translation>
    </message>
    <message>
        <location filename="../ui/code_lookup.py" line="261"/>
        <source>level {level}: {w:.6f}–{e:.6f}°E, {s:.6f}–{n:.6f}°N</source>
        <translation>第 {level} 级：东经 {w:.6f}–{e:.6f}°，北纬 {s:.6f}–{n:.6f}°</translation>
    </message>
    <message>
        <location filename="../ui/code_lookup.py" line="264"/>
        <source>, height {b:.2f}–{t:.2f} m</source>
        <translation>，高度 {b:.2f}–{t:.2f} 米</translation>
    </message>
    <message>
        <location filename="../ui/code_lookup.py" line="437"/>
        <source>BeiDou grid code</source>
        <translation>北斗网格位置码</translation>
    </message>
    <message>
        <location filename="../ui/code_lookup.py" line="448"/>
        <source>Building code</source>
        <translation>房屋建筑编码</translation>
    </message>
    <message>
        <location filename="../ui/code_lookup.py" line="270"/>
        <source>township {admin}, year {year}, building {sequence}, check {check} ✓</source>
        <translation>乡镇（街道） {admin}，年份 {year}，建筑顺序码 {sequence}，校验码 {check} ✓</translation>
    </message>
    <message>
        <location filename="../ui/code_lookup.py" line="274"/>
        <source>Project code</source>
        <translation>项目代码</translation>
    </message>
    <message>
        <location filename="../ui/code_lookup.py" line="274"/>
        <source>Real-estate unit code</source>
        <translation>不动产单元代码</translation>
    </message>
    <message>
        <location filename="../ui/code_lookup.py" line="274"/>
        <source>Credit code</source>
        <translation>信用代码</translation>
    </message>
    <message>
        <location filename="../ui/code_lookup.py" line="281"/>
        <source>invalid: {reason}</source>
        <translation>无效：{reason}</translation>
    </message>
    <message>
        <location filename="../ui/code_lookup.py" line="417"/>
        <source>computed here (level 8, point on the footprint)</source>
        <translation>按此处计算（第 8 级，取基底上的点）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/common.py" line="21"/>
        <source>Layer “{layer}”: field “{field}” holds numbers; codes are read with their leading zero restored (101 → 0101).</source>
        <translation>图层“{layer}”：字段“{field}”为数值型；读取编码时已补回首位的 0（101 → 0101）。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/common.py" line="25"/>
        <source>Layer “{layer}”: field “{field}” ({label}) holds {kind} values; land-use codes must be text.</source>
        <translation>图层“{layer}”：字段“{field}”（{label}）为 {kind} 类型；地类编码必须是文本型。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/common.py" line="36"/>
        <source>Layer “{layer}” has no CRS: areas are planar in its units.</source>
        <translation>图层“{layer}”没有坐标参考系：面积按其坐标单位作平面量算。</translation>
    </message>
    <message>
        <location filename="../provider/sources.py" line="53"/>
        <source>Layer “{layer}” declares no encoding and looks like {encoding}: set its encoding in the layer properties (Source) for the Chinese text to read correctly.</source>
        <translation>图层“{layer}”未声明编码，看起来是 {encoding}：请在图层属性（源）中设置其编码，以便正确读取中文。</translation>
    </message>
    <message>
        <location filename="../provider/sources.py" line="66"/>
        <source>Layer “{layer}” declares no encoding (no .cpg); its text is read as {encoding}.</source>
        <translation>图层“{layer}”未声明编码（无 .cpg 文件）；其文本按 {encoding} 读取。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/sensors/common.py" line="79"/>
        <source>DISTANCE = NETWORK needs a road layer (ROADS).</source>
        <translation>DISTANCE = NETWORK 时需要道路图层（ROADS）。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/sensors/common.py" line="82"/>
        <source>RADIUS must be greater than 0 (got {value}).</source>
        <translation>RADIUS 必须大于 0（当前为 {value}）。</translation>
    </message>
    <message>
        <location filename="../bridge/frames.py" line="346"/>
        <source>ring with fewer than 4 points (no area) dropped</source>
        <translation>已删除少于 4 个点的环（无面积）</translation>
    </message>
    <message>
        <location filename="../bridge/frames.py" line="351"/>
        <source>unclosed ring closed</source>
        <translation>未闭合的环已闭合</translation>
    </message>
    <message>
        <location filename="../bridge/frames.py" line="364"/>
        <source>empty parts dropped</source>
        <translation>已删除空部件</translation>
    </message>
    <message>
        <location filename="../bridge/frames.py" line="372"/>
        <source>line of fewer than 2 distinct points dropped</source>
        <translation>已删除不足 2 个不同点的线</translation>
    </message>
    <message>
        <location filename="../bridge/frames.py" line="402"/>
        <source>parts of another geometry type dropped</source>
        <translation>已删除其他几何类型的部件</translation>
    </message>
    <message>
        <location filename="../bridge/frames.py" line="410"/>
        <source>invalid polygon made valid ({reason})</source>
        <translation>无效多边形已修复（{reason}）</translation>
    </message>
    <message>
        <location filename="../bridge/frames.py" line="426"/>
        <source>curves segmentized</source>
        <translation>曲线已分段为直线</translation>
    </message>
    <message>
        <location filename="../bridge/frames.py" line="433"/>
        <source>unreadable geometry ({error})</source>
        <translation>几何无法读取（{error}）</translation>
    </message>
    <message>
        <location filename="../bridge/frames.py" line="437"/>
        <source>empty geometry</source>
        <translation>空几何</translation>
    </message>
    <message>
        <location filename="../bridge/frames.py" line="439"/>
        <source>read from its vertices</source>
        <translation>由其顶点重建</translation>
    </message>
    <message>
        <location filename="../bridge/frames.py" line="455"/>
        <source>skipped (read without geometry)</source>
        <translation>已跳过（按无几何读取）</translation>
    </message>
    <message>
        <location filename="../bridge/frames.py" line="455"/>
        <source>repaired</source>
        <translation>已修复</translation>
    </message>
    <message>
        <location filename="../bridge/frames.py" line="462"/>
        <source>{n} {label}, {reasons}: feature {fids}</source>
        <translation>{label} {n} 个（{reasons}）：要素 {fids}</translation>
    </message>
    <message>
        <location filename="../bridge/frames.py" line="462"/>
        <source>{n} {label}, {reasons}: features {fids}</source>
        <translation>{label} {n} 个（{reasons}）：要素 {fids}</translation>
    </message>
    <message>
        <location filename="../bridge/frames.py" line="465"/>
        <source>Layer “{layer}”: {n} geometries needed care. {details}.</source>
        <translation>图层“{layer}”：{n} 个几何需要处理。{details}。</translation>
    </message>
    <message>
        <location filename="../core/access/life_circle.py" line="93"/>
        <source>MAX_SNAP must be greater than 0 m.</source>
        <translation>MAX_SNAP 必须大于 0 米。</translation>
    </message>
    <message>
        <location filename="../core/access/life_circle.py" line="96"/>
        <source>Layer {layer}: negative population in feature(s) {fids}.</source>
        <translation>图层 {layer}：要素 {fids} 的人口为负数。</translation>
    </message>
    <message>
        <location filename="../core/access/life_circle.py" line="99"/>
        <source>Layer {layer}: {n} feature(s) have no population and count as 0 residents: {fids}.</source>
        <translation>图层 {layer}：{n} 个要素没有人口数据，按 0 位居民计：{fids}。</translation>
    </message>
    <message>
        <location filename="../core/access/life_circle.py" line="104"/>
        <source>Layer {layer}: {n} feature(s) have 0 residents; they get distances but weigh nothing in the coverage.</source>
        <translation>图层 {layer}：{n} 个要素的居民数为 0；计算其距离，但在覆盖率中权重为零。</translation>
    </message>
    <message>
        <location filename="../core/access/life_circle.py" line="111"/>
        <source>Layer {layer}: {n} feature(s) without geometry reach nothing: {fids}.</source>
        <translation>图层 {layer}：{n} 个要素没有几何，无法到达任何设施：{fids}。</translation>
    </message>
    <message>
        <location filename="../core/access/life_circle.py" line="122"/>
        <source>Layer {layer}: {n} facilities have a kind with no threshold and are left out: {kinds}. Add the kind to the threshold table to count it.</source>
        <translation>图层 {layer}：{n} 个设施的类型没有阈值，未计入：{kinds}。将该类型加入阈值表即可计入。</translation>
    </message>
    <message>
        <location filename="../core/access/life_circle.py" line="141"/>
        <source>Layer {layer}: {n} park(s) smaller than {min:g} m² are not counted.</source>
        <translation>图层 {layer}：{n} 个面积小于 {min:g} 平方米的公园广场未计入。</translation>
    </message>
    <message>
        <location filename="../core/access/life_circle.py" line="151"/>
        <source>No facility of kind “{kind}” was given: nobody is covered for it.</source>
        <translation>未提供类型为“{kind}”的设施：该类型无居民被覆盖。</translation>
    </message>
    <message>
        <location filename="../core/access/life_circle.py" line="154"/>
        <source>No PARKS layer: the kind “{kind}” is not computed.</source>
        <translation>未指定 PARKS 图层：不计算类型“{kind}”。</translation>
    </message>
    <message>
        <location filename="../core/access/life_circle.py" line="157"/>
        <source>No facility kind of the data is in the threshold table.</source>
        <translation>数据中的设施类型均不在阈值表中。</translation>
    </message>
    <message>
        <location filename="../core/access/life_circle.py" line="170"/>
        <source>Layer {layer}: {n} feature(s) ({p:,.0f} residents) are more than {d:g} m from the walkable network and reach nothing: {fids}.</source>
        <translation>图层 {layer}：{n} 个要素（{p:,.0f} 位居民）距步行路网超过 {d:g} 米，无法到达任何设施：{fids}。</translation>
    </message>
    <message>
        <location filename="../core/access/life_circle.py" line="181"/>
        <source>park access point(s)</source>
        <translation>公园出入点</translation>
    </message>
    <message>
        <location filename="../core/access/life_circle.py" line="181"/>
        <source>facilities “{kind}”</source>
        <translation>设施“{kind}”</translation>
    </message>
    <message>
        <location filename="../core/access/life_circle.py" line="184"/>
        <source>Layer {layer}: {n} {what} are more than {d:g} m from the walkable network and are left out: {fids}.</source>
        <translation>图层 {layer}：{n} 个{what}距步行路网超过 {d:g} 米，未计入：{fids}。</translation>
    </message>
    <message>
        <location filename="../core/access/life_circle.py" line="214"/>
        <source>The walkable network has {k} separate parts; {n} residential feature(s) ({p:,.0f} residents) are on parts other than the largest (field PART &gt; 0): {fids}.</source>
        <translation>步行路网由 {k} 个互不连通的部分组成；{n} 个居住要素（{p:,.0f} 位居民）位于最大部分以外（字段 PART &gt; 0）：{fids}。</translation>
    </message>
    <message>
        <location filename="../core/access/life_circle.py" line="224"/>
        <source>{n} residential feature(s) ({p:,.0f} residents) are on network parts with no “{kind}”: they cannot reach one.</source>
        <translation>{n} 个居住要素（{p:,.0f} 位居民）所在的路网部分没有“{kind}”：无法到达该类设施。</translation>
    </message>
    <message>
        <location filename="../core/access/life_circle.py" line="246"/>
        <source>Layer {layer}: {n} feature(s) lie in no district; they count only in the total row: {fids}.</source>
        <translation>图层 {layer}：{n} 个要素不在任何行政区内；仅计入合计行：{fids}。</translation>
    </message>
    <message>
        <location filename="../core/access/thresholds.py" line="41"/>
        <source>WALK_SPEED must be greater than 0 km/h (it is {value}).</source>
        <translation>WALK_SPEED 必须大于 0 千米/小时（当前为 {value}）。</translation>
    </message>
    <message>
        <location filename="../core/access/thresholds.py" line="52"/>
        <source>the threshold table</source>
        <translation>阈值表</translation>
    </message>
    <message>
        <location filename="../core/access/thresholds.py" line="58"/>
        <source>Threshold table {table}</source>
        <translation>阈值表 {table}</translation>
    </message>
    <message>
        <location filename="../core/access/thresholds.py" line="62"/>
        <source>Threshold table {table}, row {row}</source>
        <translation>阈值表 {table} 第 {row} 行</translation>
    </message>
    <message>
        <location filename="../core/access/thresholds.py" line="64"/>
        <source>{where}: a kind and a code of 1–8 ASCII letters, digits or _ (starting with a letter) are needed; got “{kind}”, “{code}”.</source>
        <translation>{where}：需要类型和代码，代码为 1–8 个 ASCII 字母、数字或 _（以字母开头）；实际为“{kind}”、“{code}”。</translation>
    </message>
    <message>
        <location filename="../core/access/thresholds.py" line="68"/>
        <source>{where}: kind “{kind}” or code {code} is listed twice.</source>
        <translation>{where}：类型“{kind}”或代码 {code} 重复列出。</translation>
    </message>
    <message>
        <location filename="../core/access/thresholds.py" line="74"/>
        <source>{where}: kind “{kind}” has neither minutes nor metres.</source>
        <translation>{where}：类型“{kind}”既没有分钟数也没有米数。</translation>
    </message>
    <message>
        <location filename="../core/access/thresholds.py" line="79"/>
        <source>{where}: the threshold of “{kind}” must be greater than 0.</source>
        <translation>{where}：“{kind}”的阈值必须大于 0。</translation>
    </message>
    <message>
        <location filename="../core/carbon/energy.py" line="101"/>
        <source>row {row} ({what}): amount “{value}” is not a finite number</source>
        <translation>第 {row} 行（{what}）：消费量“{value}”不是有限数值</translation>
    </message>
    <message>
        <location filename="../core/carbon/energy.py" line="194"/>
        <source>Table “{table}”, row {row} ({what}): amount {value} {unit} gives more CO₂ than a number can hold; check the amount and its unit.</source>
        <translation>表“{table}”第 {row} 行（{what}）：消费量 {value} {unit} 算得的 CO₂ 超出数值可表示的范围；请检查消费量及其单位。</translation>
    </message>
    <message>
        <location filename="../core/carbon/tables.py" line="53"/>
        <source>Table “{table}”</source>
        <translation>表“{table}”</translation>
    </message>
    <message>
        <location filename="../core/carbon/tables.py" line="58"/>
        <source>Table {file}</source>
        <translation>表 {file}</translation>
    </message>
    <message>
        <location filename="../core/carbon/tables.py" line="68"/>
        <source>{table} lacks column(s) {missing}; it has {columns}.</source>
        <translation>{table} 缺少列 {missing}；现有列：{columns}。</translation>
    </message>
    <message>
        <location filename="../core/carbon/tables.py" line="83"/>
        <source>{table}, row {row}: column {column} must be a {kind}number, found “{value}”.</source>
        <translation>{table} 第 {row} 行：列 {column} 必须为{kind}数字，实际为“{value}”。</translation>
    </message>
    <message>
        <location filename="../core/carbon/tables.py" line="96"/>
        <source>{table}: {column} “{value}” appears twice.</source>
        <translation>{table}：{column}“{value}”出现了两次。</translation>
    </message>
    <message>
        <location filename="../core/carbon/tables.py" line="155"/>
        <source>{table}, row {row}: method must be “ipcc”, “direct” or “grid”, found “{value}”.</source>
        <translation>{table} 第 {row} 行：method 必须为“ipcc”、“direct”或“grid”，实际为“{value}”。</translation>
    </message>
    <message>
        <location filename="../core/carbon/tables.py" line="211"/>
        <source>{table}, row {row}: eui_kwh_per_m2_a {total} is not the sum of the carriers (electricity {elec} + gas {gas} + heat {heat}).</source>
        <translation>{table} 第 {row} 行：eui_kwh_per_m2_a {total} 不等于各能源之和（电力 {elec} + 燃气 {gas} + 热力 {heat}）。</translation>
    </message>
    <message>
        <location filename="../core/carbon/tables.py" line="272"/>
        <source>given</source>
        <translation>指定值</translation>
    </message>
    <message>
        <location filename="../core/codes/citycode.py" line="74"/>
        <source>City code register {path}: {problem}</source>
        <translation>城市码登记库 {path}：{problem}</translation>
    </message>
    <message>
        <location filename="../core/codes/citycode.py" line="80"/>
        <source>a new register needs its region code (REGION, {n} digits), found “{region}”.</source>
        <translation>新登记库需要行政区划代码（REGION，{n} 位），实际为“{region}”。</translation>
    </message>
    <message>
        <location filename="../core/codes/citycode.py" line="105"/>
        <source>it is not a city code register of this plugin (choose a new file name or a register made by spm:link_codes); nothing was changed.</source>
        <translation>不是本插件的城市码登记库（请另选新文件名，或选择由 spm:link_codes 生成的登记库）；未做任何更改。</translation>
    </message>
    <message>
        <location filename="../core/codes/citycode.py" line="108"/>
        <source>it was made for city code scheme “{theirs}”, this run uses “{ours}”. Nothing was changed.</source>
        <translation>该登记库用于城市码方案“{theirs}”，本次运行使用“{ours}”。未做任何更改。</translation>
    </message>
    <message>
        <location filename="../core/codes/citycode_entities.py" line="51"/>
        <source>Key “{key}” is on {n} features ({rows}): a key names one object. Nothing was changed.</source>
        <translation>关联值“{key}”出现在 {n} 个要素上（{rows}）：一个关联值只能指向一个对象。未做任何更改。</translation>
    </message>
    <message>
        <location filename="../core/codes/citycode_link.py" line="121"/>
        <source>Code “{code}” would be linked to {n} objects (the limit is {limit}): the register or the way it is matched is wrong for it (a key many objects share, a polygon over a whole district?). Nothing was linked.</source>
        <translation>编码“{code}”将关联到 {n} 个对象（上限为 {limit}）：编码表或其匹配方式不适用于该编码（是否为多个对象共用的关联值，或覆盖整个行政区的面？）。未建立任何关联。</translation>
    </message>
    <message>
        <location filename="../core/codes/citycode_link.py" line="199"/>
        <source>no object has {type} “{key}”</source>
        <translation>没有对象的{type}为“{key}”</translation>
    </message>
    <message>
        <location filename="../core/codes/citycode_link.py" line="200"/>
        <source>no key</source>
        <translation>无关联值</translation>
    </message>
    <message>
        <location filename="../core/codes/citycode_link.py" line="202"/>
        <source>the point lies in no footprint</source>
        <translation>该点不在任何基底面内</translation>
    </message>
    <message>
        <location filename="../core/codes/citycode_link.py" line="203"/>
        <source>no object within {d} m</source>
        <translation>{d} 米内没有对象</translation>
    </message>
    <message>
        <location filename="../core/codes/citycode_link.py" line="204"/>
        <source>no object has enough of its area in this polygon</source>
        <translation>没有对象有足够面积落在该面内</translation>
    </message>
    <message>
        <location filename="../core/codes/citycode_link.py" line="205"/>
        <source>no location</source>
        <translation>无位置</translation>
    </message>
    <message>
        <location filename="../core/codes/citycode_link.py" line="239"/>
        <source>one code on {n} objects</source>
        <translation>一个编码对应 {n} 个对象</translation>
    </message>
    <message>
        <location filename="../core/codes/citycode_link.py" line="243"/>
        <source>{n} codes of type {type} on one object</source>
        <translation>一个对象有 {n} 个{type}类型的编码</translation>
    </message>
    <message>
        <location filename="../core/codes/citycode_link.py" line="247"/>
        <source>{d:.0f} m from its object (more than {t:g} m)</source>
        <translation>距其对象 {d:.0f} 米（超过 {t:g} 米）</translation>
    </message>
    <message>
        <location filename="../core/codes/citycode_scheme.py" line="29"/>
        <source>City code scheme “{id}”: it needs a fixed segment (the entity type) and a value in “types” for each of {types}.</source>
        <translation>城市码方案“{id}”：需要一个固定码段（实体类型），并在“types”中为 {types} 各指定一个值。</translation>
    </message>
    <message>
        <location filename="../core/codes/citycode_scheme.py" line="77"/>
        <source>There is no city code scheme “{name}”; available: {ids}.</source>
        <translation>没有城市码方案“{name}”；可用方案：{ids}。</translation>
    </message>
    <message>
        <location filename="../core/codes/citycode_types.py" line="41"/>
        <source>Give the type of the codes (CODE_TYPE): one of {types}, or a name of your own.</source>
        <translation>请指定编码类型（CODE_TYPE）：{types} 之一，或自定义名称。</translation>
    </message>
    <message>
        <location filename="../core/codes/citycode_types.py" line="49"/>
        <source>Code type “{name}”: a type of your own is a word of at most 40 letters, digits, “_”, “-”, “.” or “:”.</source>
        <translation>编码类型“{name}”：自定义类型须为不超过 40 个字符的词，由字母、数字、“_”、“-”、“.”或“:”组成。</translation>
    </message>
    <message>
        <location filename="../core/codes/citycode_types.py" line="114"/>
        <source>not empty (a type without a standard check)</source>
        <translation>非空（该类型无标准校验）</translation>
    </message>
    <message>
        <location filename="../core/codes/citycode_types.py" line="121"/>
        <source>building code scheme</source>
        <translation>房屋建筑编码方案</translation>
    </message>
    <message>
        <location filename="../core/codes/citycode_types.py" line="122"/>
        <source>GB/T 37346-2019 format</source>
        <translation>GB/T 37346-2019 格式</translation>
    </message>
    <message>
        <location filename="../core/codes/citycode_types.py" line="123"/>
        <source>GB/T 40058-2021 format</source>
        <translation>GB/T 40058-2021 格式</translation>
    </message>
    <message>
        <location filename="../core/codes/citycode_types.py" line="124"/>
        <source>GB 32100-2015 check character</source>
        <translation>GB 32100-2015 校验码</translation>
    </message>
    <message>
        <location filename="../core/codes/citycode_types.py" line="125"/>
        <source>GB/T 39409-2020 grid code</source>
        <translation>GB/T 39409-2020 网格码</translation>
    </message>
    <message>
        <location filename="../core/codes/citycode_types.py" line="126"/>
        <source>not empty</source>
        <translation>非空</translation>
    </message>
    <message>
        <location filename="../core/codes/registry.py" line="338"/>
        <source>another run created this registry while this run was creating it; this run wrote nothing to it. Run again to code against that registry.</source>
        <translation>本次运行创建登记库时，另一次运行已创建了该登记库；本次运行未向其写入任何内容。请重新运行，以基于该登记库赋码。</translation>
    </message>
    <message>
        <location filename="../core/codes/registry.py" line="451"/>
        <source>it is a link to a file that does not exist.</source>
        <translation>它是指向不存在文件的链接。</translation>
    </message>
    <message>
        <location filename="../core/codes/registry.py" line="459"/>
        <source>no file can be created in {folder} ({error}).</source>
        <translation>无法在 {folder} 中创建文件（{error}）。</translation>
    </message>
    <message>
        <location filename="../core/codes/schemes.py" line="234"/>
        <source>File {file}: scheme {n} is not an object with an id and segments of key and length (see building_code_schemes.json).</source>
        <translation>文件 {file}：方案 {n} 不是包含 id 以及由 key 和 length 组成的 segments 的对象（参见 building_code_schemes.json）。</translation>
    </message>
    <message>
        <location filename="../core/finite.py" line="59"/>
        <source>{table}, row {row}, column {column}: “{value}” is not a finite number; give a number or leave the cell empty.</source>
        <translation>{table} 第 {row} 行 {column} 列：“{value}”不是有限数值；请填写数字或留空。</translation>
    </message>
    <message>
        <location filename="../core/finite.py" line="68"/>
        <source>{table}, column {column}: the values add up beyond the largest number a computer holds (about 1.8e308) at row {row} (“{value}”); check the unit of that value.</source>
        <translation>{table} {column} 列：累加到第 {row} 行（“{value}”）时超出计算机可表示的最大数值（约 1.8e308）；请检查该值的单位。</translation>
    </message>
    <message>
        <location filename="../core/indicators/formula.py" line="68"/>
        <source>formula &quot;{formula}&quot; cannot be parsed: it is nested too deeply or holds characters that are not text</source>
        <translation>公式“{formula}”无法解析：嵌套过深或含有非文本字符</translation>
    </message>
    <message>
        <location filename="../core/indicators/formula.py" line="72"/>
        <source>formula &quot;{formula}&quot; is nested more than {n} levels deep</source>
        <translation>公式“{formula}”嵌套超过 {n} 层</translation>
    </message>
    <message>
        <location filename="../core/indicators/formula.py" line="91"/>
        <source>the number {value} is too large</source>
        <translation>数值 {value} 过大</translation>
    </message>
    <message>
        <location filename="../core/indicators/formula.py" line="156"/>
        <source>input {name} is not a finite number ({value})</source>
        <translation>输入 {name} 不是有限数值（{value}）</translation>
    </message>
    <message>
        <location filename="../core/indicators/formula.py" line="163"/>
        <source>exponent {value:g} in &quot;{formula}&quot; is larger than {n}</source>
        <translation>公式“{formula}”中的指数 {value:g} 大于 {n}</translation>
    </message>
    <message>
        <location filename="../core/indicators/yearly.py" line="40"/>
        <source>Table {table}: district(s) {keys} have two rows for {year}.</source>
        <translation>表 {table}：行政区 {keys} 在 {year} 年有两条记录。</translation>
    </message>
    <message>
        <location filename="../core/landuse/area.py" line="89"/>
        <source>AREA_METHOD must be one of {methods} (or 0–2), not “{value}”</source>
        <translation>AREA_METHOD 必须为 {methods} 之一（或 0–2），而不是“{value}”</translation>
    </message>
    <message>
        <location filename="../core/landuse/area.py" line="240"/>
        <source>Layer {layer}, feature {fid}: field {field} holds “{value}”, not a number</source>
        <translation>图层 {layer} 要素 {fid}：字段 {field} 的值为“{value}”，不是数字</translation>
    </message>
    <message>
        <location filename="../core/landuse/area.py" line="246"/>
        <source>Layer {layer}, feature {fid}: field {field} = {value}; an area must be a finite number ≥ 0</source>
        <translation>图层 {layer} 要素 {fid}：字段 {field} = {value}；面积必须为 ≥ 0 的有限数值</translation>
    </message>
    <message>
        <location filename="../core/landuse/area.py" line="268"/>
        <source>Layer {layer}, feature {fid}: KCMJ ({kcmj}) exceeds TBMJ ({tbmj})</source>
        <translation>图层 {layer} 要素 {fid}：KCMJ（{kcmj}）大于 TBMJ（{tbmj}）</translation>
    </message>
    <message>
        <location filename="../core/landuse/area.py" line="283"/>
        <source>Layer {layer}: AREA_METHOD ATTRIBUTE needs the field TBDLMJ (图斑地类面积) or TBMJ (图斑面积)</source>
        <translation>图层 {layer}：AREA_METHOD 为 ATTRIBUTE 时需要字段 TBDLMJ（图斑地类面积）或 TBMJ（图斑面积）</translation>
    </message>
    <message>
        <location filename="../core/landuse/area.py" line="300"/>
        <source>the parcels’ attribute areas ({formula}), split over their pieces in proportion to the pieces’ ellipsoidal areas</source>
        <translation>图斑的属性面积（{formula}），按各碎片的椭球面积比例分配</translation>
    </message>
    <message>
        <location filename="../core/landuse/conformance.py" line="63"/>
        <source>Rules {path}, line {line}: {value} is allowed in the current column only</source>
        <translation>规则表 {path} 第 {line} 行：{value} 只能用于 current 列</translation>
    </message>
    <message>
        <location filename="../core/landuse/control_lines.py" line="106"/>
        <source>{name}: land use chosen by 城镇村属性码 CZCSXM {codes} ({count} feature(s)).</source>
        <translation>{name}：按城镇村属性码 CZCSXM {codes} 选取的用地（{count} 个要素）。</translation>
    </message>
    <message>
        <location filename="../core/landuse/farmland.py" line="50"/>
        <source>Table {path}, line {line}: needs scheme current/plan, a pattern, a type among {types} and a group</source>
        <translation>表 {path} 第 {line} 行：需要编码体系 current/plan、匹配模式、类型（{types} 之一）和分组</translation>
    </message>
    <message>
        <location filename="../core/landuse/farmland.py" line="64"/>
        <source>其他土地</source>
        <translation>其他土地</translation>
    </message>
    <message>
        <location filename="../core/landuse/farmland.py" line="121"/>
        <source>耕地 流出 {out:.2f} ha (非农化 {nonagri:.2f} ha, 非粮化 {nongrain:.2f} ha), 流入 {into:.2f} ha, 净增减 {net:+.2f} ha.</source>
        <translation>耕地流出 {out:.2f} 公顷（非农化 {nonagri:.2f} 公顷，非粮化 {nongrain:.2f} 公顷），流入 {into:.2f} 公顷，净增减 {net:+.2f} 公顷。</translation>
    </message>
    <message>
        <location filename="../core/sensors/kinds.py" line="45"/>
        <source>Kind table {table}</source>
        <translation>类型表 {table}</translation>
    </message>
    <message>
        <location filename="../core/sensors/pairs.py" line="86"/>
        <source>Cost table {table}</source>
        <translation>成本表 {table}</translation>
    </message>
    <message>
        <location filename="../core/textfile.py" line="49"/>
        <source>File {file} read as {encoding}.</source>
        <translation>文件 {file} 按 {encoding} 读取。</translation>
    </message>
    <message>
        <location filename="../core/textfile.py" line="71"/>
        <source>File {file}: {problem}</source>
        <translation>文件 {file}：{problem}</translation>
    </message>
    <message>
        <location filename="../core/textfile.py" line="81"/>
        <source>it starts as UTF-8 but byte {pos} is not UTF-8.</source>
        <translation>文件开头为 UTF-8，但第 {pos} 字节不是 UTF-8。</translation>
    </message>
    <message>
        <location filename="../core/textfile.py" line="84"/>
        <source>it is UTF-16 text; save it as CSV UTF-8 (or GBK) instead.</source>
        <translation>文件为 UTF-16 文本；请改存为 CSV UTF-8（或 GBK）。</translation>
    </message>
    <message>
        <location filename="../core/textfile.py" line="87"/>
        <source>it is not a text file (it holds {n} control byte(s), e.g. NUL); give a CSV or JSON text file.</source>
        <translation>不是文本文件（含 {n} 个控制字节，如 NUL）；请提供 CSV 或 JSON 文本文件。</translation>
    </message>
    <message>
        <location filename="../core/textfile.py" line="96"/>
        <source>it is neither UTF-8 nor GBK text (byte {pos} cannot be read); save it as CSV UTF-8 or GBK.</source>
        <translation>既不是 UTF-8 也不是 GBK 文本（第 {pos} 字节无法读取）；请存为 CSV UTF-8 或 GBK。</translation>
    </message>
    <message>
        <location filename="../core/textfile.py" line="106"/>
        <source>it is {mb:.0f} MB, too large for a table.</source>
        <translation>文件大小为 {mb:.0f} MB，作为表格过大。</translation>
    </message>
    <message>
        <location filename="../core/textfile.py" line="111"/>
        <source>it does not exist.</source>
        <translation>文件不存在。</translation>
    </message>
    <message>
        <location filename="../core/textfile.py" line="113"/>
        <source>it is a folder, not a file.</source>
        <translation>这是文件夹，不是文件。</translation>
    </message>
    <message>
        <location filename="../core/textfile.py" line="133"/>
        <source>it cannot be read ({error}).</source>
        <translation>无法读取（{error}）。</translation>
    </message>
    <message>
        <location filename="../core/textfile.py" line="119"/>
        <source>it is empty.</source>
        <translation>文件为空。</translation>
    </message>
    <message>
        <location filename="../core/textfile.py" line="153"/>
        <source>it is not a readable CSV table ({error}).</source>
        <translation>不是可读取的 CSV 表（{error}）。</translation>
    </message>
    <message>
        <location filename="../core/textfile.py" line="159"/>
        <source>column(s) {missing} missing; it has {columns}.</source>
        <translation>缺少列 {missing}；现有列：{columns}。</translation>
    </message>
    <message>
        <location filename="../core/textfile.py" line="169"/>
        <source>it has a header but no data row.</source>
        <translation>只有表头，没有数据行。</translation>
    </message>
    <message>
        <location filename="../core/textfile.py" line="181"/>
        <source>it is not valid JSON: {error} at line {line}, column {column}.</source>
        <translation>不是有效的 JSON：第 {line} 行第 {column} 列处 {error}。</translation>
    </message>
    <message>
        <location filename="../core/textfile.py" line="185"/>
        <source>it is not valid JSON: nested too deeply.</source>
        <translation>不是有效的 JSON：嵌套过深。</translation>
    </message>
    <message>
        <location filename="../core/vitals/districts.py" line="29"/>
        <source>{name}: {metric} {peak:g} at {time} (level {level})</source>
        <translation>{name}：{time} {metric} 为 {peak:g}（等级：{level}）</translation>
    </message>
    <message>
        <location filename="../core/vitals/engine.py" line="23"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../core/vitals/engine.py" line="23"/>
        <source>blue</source>
        <translation>蓝色</translation>
    </message>
    <message>
        <location filename="../core/vitals/engine.py" line="23"/>
        <source>yellow</source>
        <translation>黄色</translation>
    </message>
    <message>
        <location filename="../core/vitals/engine.py" line="23"/>
        <source>orange</source>
        <translation>橙色</translation>
    </message>
    <message>
        <location filename="../core/vitals/engine.py" line="23"/>
        <source>red</source>
        <translation>红色</translation>
    </message>
    <message>
        <location filename="../core/vitals/io.py" line="32"/>
        <source>Readings {source}: field(s) {missing} not found; it has {fields}.</source>
        <translation>监测数据 {source}：找不到字段 {missing}；现有字段：{fields}。</translation>
    </message>
    <message>
        <location filename="../core/vitals/io.py" line="48"/>
        <source>Readings {source}: cannot be read ({error}).</source>
        <translation>监测数据 {source}：无法读取（{error}）。</translation>
    </message>
    <message>
        <location filename="../core/vitals/io.py" line="51"/>
        <source>Readings {source}: the text is neither UTF-8 nor GBK.</source>
        <translation>监测数据 {source}：文本既不是 UTF-8 也不是 GBK。</translation>
    </message>
    <message>
        <location filename="../core/vitals/io.py" line="88"/>
        <source>Readings {source}: cannot connect or open ({error}).</source>
        <translation>监测数据 {source}：无法连接或打开（{error}）。</translation>
    </message>
    <message>
        <location filename="../core/vitals/io.py" line="92"/>
        <source>Readings {source}: there is no table “{layer}”.</source>
        <translation>监测数据 {source}：没有表“{layer}”。</translation>
    </message>
    <message>
        <location filename="../core/vitals/io.py" line="114"/>
        <source>Readings {source}: reading failed ({error}).</source>
        <translation>监测数据 {source}：读取失败（{error}）。</translation>
    </message>
    <message>
        <location filename="../core/vitals/readings.py" line="105"/>
        <source>{source}: no time could be read (for example {examples}); expected {format}.</source>
        <translation>{source}：无法读取任何时间（例如 {examples}）；应为 {format}。</translation>
    </message>
    <message>
        <location filename="../core/vitals/readings.py" line="109"/>
        <source>{source}: {n} readings have a time that could not be read and were skipped (for example {examples}); expected {format}.</source>
        <translation>{source}：{n} 条读数的时间无法读取，已跳过（例如 {examples}）；应为 {format}。</translation>
    </message>
    <message>
        <location filename="../core/vitals/readings.py" line="118"/>
        <source>{source}: {n} readings have a value that is not a number and were skipped (for example {examples}).</source>
        <translation>{source}：{n} 条读数的值不是数字，已跳过（例如 {examples}）。</translation>
    </message>
    <message>
        <location filename="../core/vitals/readings.py" line="133"/>
        <source>Sensors: more than one sensor has id “{id}” and a kind with metric “{metric}”; give each sensor of a kind its own id.</source>
        <translation>感知终端：有多个感知终端的编号为“{id}”且其类型都含监测项“{metric}”；请为同类型的每个感知终端指定唯一编号。</translation>
    </message>
    <message>
        <location filename="../core/vitals/readings.py" line="151"/>
        <source>{source}: {n} readings of {k} sensors that are not in the sensors layer were skipped: {ids}.</source>
        <translation>{source}：感知终端图层中没有的 {k} 个感知终端的 {n} 条读数已跳过：{ids}。</translation>
    </message>
    <message>
        <location filename="../core/vitals/readings.py" line="158"/>
        <source>{source}: {n} readings have a metric with no threshold for their sensor’s kind ({pairs}); they only show the sensor is online.</source>
        <translation>{source}：{n} 条读数的监测项在其感知终端类型下未设阈值（{pairs}）；这些读数仅用于表明感知终端在线。</translation>
    </message>
    <message>
        <location filename="../core/vitals/readings.py" line="176"/>
        <source>{source}: {n} readings repeat the time of another reading of the same sensor and metric; the last one read is used.</source>
        <translation>{source}：{n} 条读数与同一感知终端、同一监测项的其他读数时间重复；采用最后读取的一条。</translation>
    </message>
    <message>
        <location filename="../core/vitals/thresholds.py" line="75"/>
        <source>Thresholds table {file}, row {row}: {column} “{value}” is not a number.</source>
        <translation>阈值表 {file} 第 {row} 行：{column}“{value}”不是数字。</translation>
    </message>
    <message>
        <location filename="../core/vitals/thresholds.py" line="86"/>
        <source>Thresholds table {file}, row {row} ({kind} / {metric})</source>
        <translation>阈值表 {file} 第 {row} 行（{kind} / {metric}）</translation>
    </message>
    <message>
        <location filename="../core/vitals/thresholds.py" line="89"/>
        <source>{where}: direction must be “up” or “down”, not “{value}”.</source>
        <translation>{where}：direction 必须为“up”或“down”，而不是“{value}”。</translation>
    </message>
    <message>
        <location filename="../core/vitals/thresholds.py" line="94"/>
        <source>{where}: no warning level is set.</source>
        <translation>{where}：未设置任何预警等级。</translation>
    </message>
    <message>
        <location filename="../core/vitals/thresholds.py" line="97"/>
        <source>{where}: the levels blue, yellow, orange, red must {order} strictly.</source>
        <translation>{where}：蓝、黄、橙、红各级阈值必须严格{order}。</translation>
    </message>
    <message>
        <location filename="../core/vitals/thresholds.py" line="97"/>
        <source>rise</source>
        <translation>递增</translation>
    </message>
    <message>
        <location filename="../core/vitals/thresholds.py" line="97"/>
        <source>fall</source>
        <translation>递减</translation>
    </message>
    <message>
        <location filename="../core/vitals/thresholds.py" line="104"/>
        <source>{where}: {column} must be a positive number.</source>
        <translation>{where}：{column} 必须为正数。</translation>
    </message>
    <message>
        <location filename="../core/vitals/thresholds.py" line="108"/>
        <source>{where}: rate_level must be 1, 2, 3 or 4.</source>
        <translation>{where}：rate_level 必须为 1、2、3 或 4。</translation>
    </message>
    <message>
        <location filename="../core/vitals/thresholds.py" line="112"/>
        <source>Thresholds table {file}: {kind} / {metric} is listed twice (rows {first} and {second}).</source>
        <translation>阈值表 {file}：{kind} / {metric} 重复列出（第 {first} 行和第 {second} 行）。</translation>
    </message>
    <message>
        <location filename="../layers/report_export.py" line="123"/>
        <source>Exporting {n} pages…</source>
        <translation>正在导出 {n} 页…</translation>
    </message>
    <message>
        <location filename="../layers/report_export.py" line="125"/>
        <source>pikepdf is not installed: the PDF text keeps radical look-alikes (⼟ for 土) and has no title. Install it (Debian/Ubuntu: apt install python3-pikepdf).</source>
        <translation>未安装 pikepdf：PDF 文本中保留部首形近字（如以 ⼟ 代替 土），且没有标题。请安装（Debian/Ubuntu：apt install python3-pikepdf）。</translation>
    </message>
    <message>
        <location filename="../layers/report_export.py" line="173"/>
        <source>Finishing “{path}” failed: {error}</source>
        <translation>完成“{path}”失败：{error}</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/common.py" line="28"/>
        <source>Grid emission factor (t CO₂/MWh; empty = the province’s from the district code, else {label})</source>
        <translation>电网排放因子（t CO₂/MWh；为空则按行政区划代码取所在省份的因子，否则取{label}）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/common.py" line="44"/>
        <source>{where}: grid factor {value:g} t CO₂/MWh (given).</source>
        <translation>{where}：电网排放因子 {value:g} t CO₂/MWh（指定值）。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/common.py" line="45"/>
        <source>{where}: grid factor {value:g} t CO₂/MWh, the province’s ({label}).</source>
        <translation>{where}：电网排放因子 {value:g} t CO₂/MWh，采用所在省份的因子（{label}）。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/carbon/common.py" line="47"/>
        <source>{where}: grid factor {value:g} t CO₂/MWh, the national one ({label}): no provincial factor for this code.</source>
        <translation>{where}：电网排放因子 {value:g} t CO₂/MWh，采用全国因子（{label}）：该代码没有对应的省级因子。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/city_register.py" line="21"/>
        <source>Give the path of the city code register (a .gpkg file).</source>
        <translation>请指定城市码登记库的路径（.gpkg 文件）。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/city_register.py" line="23"/>
        <source>The city code register must be a GeoPackage (.gpkg), not {path}.</source>
        <translation>城市码登记库必须是 GeoPackage（.gpkg）文件，而不是 {path}。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/codes/city_register.py" line="28"/>
        <source>{path} is not a city code register (make one with spm:link_codes).</source>
        <translation>{path} 不是城市码登记库（请用 spm:link_codes 生成）。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/common.py" line="45"/>
        <source>Working CRS {crs}.</source>
        <translation>工作坐标系 {crs}。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/common.py" line="95"/>
        <source>Districts</source>
        <translation>行政区</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/common.py" line="129"/>
        <source>Land use before (earlier survey)</source>
        <translation>前期土地利用（较早一期调查）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/common.py" line="129"/>
        <source>Code field (before)</source>
        <translation>编码字段（前期）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/common.py" line="129"/>
        <source>Land use after (later survey)</source>
        <translation>后期土地利用（较晚一期调查）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/common.py" line="129"/>
        <source>Code field (after)</source>
        <translation>编码字段（后期）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/common.py" line="142"/>
        <source>land-use code (before)</source>
        <translation>地类编码（前期）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/common.py" line="142"/>
        <source>land-use code (after)</source>
        <translation>地类编码（后期）</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/common.py" line="157"/>
        <source>Layer “{layer}” has no TBDLMJ/TBMJ field: its parcels are measured on the ellipsoid.</source>
        <translation>图层“{layer}”没有 TBDLMJ/TBMJ 字段：其图斑面积按椭球面量算。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/sensors/common.py" line="33"/>
        <source>Radius in metres (empty: each kind’s radius from the kind table)</source>
        <translation>半径（米；为空则采用类型表中各类型的半径）</translation>
    </message>
    <message>
        <location filename="../provider/area_method.py" line="21"/>
        <source>Area method: ELLIPSOIDAL (CGCS2000 ellipsoid, as 三调 statistics; a layer with TBDLMJ/KCMJ uses them), PLANAR (projected CRS), ATTRIBUTE (TBDLMJ, or TBMJ − KCMJ)</source>
        <translation>面积计算方法：ELLIPSOIDAL（CGCS2000 椭球面积，与三调统计一致；含 TBDLMJ/KCMJ 的图层使用这些字段）、PLANAR（投影坐标系平面面积）、ATTRIBUTE（TBDLMJ，或 TBMJ − KCMJ）</translation>
    </message>
    <message>
        <location filename="../provider/area_method.py" line="42"/>
        <source>Layer “{layer}” has the 三调 area fields ({fields}): areas are its parcels’ attribute areas (AREA_METHOD ATTRIBUTE); choose PLANAR to measure the geometry instead.</source>
        <translation>图层“{layer}”含三调面积字段（{fields}）：面积采用图斑的属性面积（AREA_METHOD ATTRIBUTE）；如需按几何量算，请选择 PLANAR。</translation>
    </message>
    <message>
        <location filename="../provider/area_method.py" line="50"/>
        <source>Areas: {how}.</source>
        <translation>面积：{how}。</translation>
    </message>
    <message>
        <location filename="../provider/base.py" line="44"/>
        <source>City vital signs</source>
        <translation>城市运行体征</translation>
    </message>
    <message>
        <location filename="../provider/destinations.py" line="210"/>
        <source>{output} ({dest_name}) would write into “{path}”, which is the input {input} ({input_name}). Choose another file: an input is never overwritten.</source>
        <translation>{output}（{dest_name}）将写入“{path}”，而它是输入 {input}（{input_name}）。请另选文件：输入绝不会被覆盖。</translation>
    </message>
    <message>
        <location filename="../provider/destinations.py" line="220"/>
        <source>{first} ({first_name}) and {second} ({second_name}) both write “{path}”. Give each output its own file (or its own layer of a GeoPackage).</source>
        <translation>{first}（{first_name}）和 {second}（{second_name}）都写入“{path}”。请为每个输出指定单独的文件（或 GeoPackage 中单独的图层）。</translation>
    </message>
    <message>
        <location filename="../provider/destinations.py" line="230"/>
        <source>“{folder}” (the folder of {output}, {name}) does not exist or is not writable.</source>
        <translation>“{folder}”（{output}（{name}）所在的文件夹）不存在或不可写。</translation>
    </message>
    <message>
        <location filename="../provider/destinations.py" line="234"/>
        <source>{output} ({name}): “{path}” exists and is read-only.</source>
        <translation>{output}（{name}）：“{path}”已存在且为只读。</translation>
    </message>
    <message>
        <location filename="../core/publish.py" line="18"/>
        <source>GeoPackage “{path}” cannot be opened for writing.</source>
        <translation>无法以写入方式打开 GeoPackage“{path}”。</translation>
    </message>
    <message>
        <location filename="../core/publish.py" line="24"/>
        <source>Layer “{layer}” could not be written into “{path}”.</source>
        <translation>无法将图层“{layer}”写入“{path}”。</translation>
    </message>
    <message>
        <location filename="../core/publish.py" line="27"/>
        <source>GeoPackage “{path}” is locked by another program.</source>
        <translation>GeoPackage“{path}”被其他程序锁定。</translation>
    </message>
    <message>
        <location filename="../core/publish.py" line="35"/>
        <source>Layer “{layer}” could not be replaced in “{path}”.</source>
        <translation>无法替换“{path}”中的图层“{layer}”。</translation>
    </message>
    <message>
        <location filename="../provider/sources.py" line="63"/>
        <source>Layer “{layer}” ({param}): the file is not UTF-8; its text is read as GBK.</source>
        <translation>图层“{layer}”（{param}）：文件不是 UTF-8 编码；其文本按 GBK 读取。</translation>
    </message>
    <message>
        <location filename="../provider/working_crs.py" line="29"/>
        <source>Working CRS in metres (empty: the projected CRS of the input, or for geographic input the Gauss–Krüger / UTM zone of its centre)</source>
        <translation>以米为单位的工作坐标系（为空则采用输入的投影坐标系；地理坐标系输入则采用其中心所在的高斯–克吕格 / UTM 投影带）</translation>
    </message>
    <message>
        <location filename="../provider/working_crs.py" line="82"/>
        <source>WORKING_CRS {crs} is geographic; give a projected CRS in metres.</source>
        <translation>WORKING_CRS {crs} 是地理坐标系；请指定以米为单位的投影坐标系。</translation>
    </message>
    <message>
        <location filename="../provider/working_crs.py" line="84"/>
        <source>Measuring in {crs} ({name}), as WORKING_CRS says.</source>
        <translation>按 WORKING_CRS 的指定，在 {crs}（{name}）中量算。</translation>
    </message>
    <message>
        <location filename="../provider/working_crs.py" line="88"/>
        <source>Layer “{layer}” has no CRS: its coordinates are taken as metres.</source>
        <translation>图层“{layer}”没有坐标参考系：其坐标按米处理。</translation>
    </message>
    <message>
        <location filename="../provider/working_crs.py" line="98"/>
        <source>Layer “{layer}” is in geographic coordinates ({crs}): it is measured in {work} ({name}), the zone of the data’s centre ({lon:.3f}°, {lat:.3f}°); outputs are written in {crs}. Set WORKING_CRS to choose another.</source>
        <translation>图层“{layer}”采用地理坐标系（{crs}）：在数据中心（{lon:.3f}°，{lat:.3f}°）所在投影带 {work}（{name}）中量算；输出以 {crs} 写出。如需其他坐标系，请设置 WORKING_CRS。</translation>
    </message>
    <message>
        <location filename="../ui/__init__.py" line="17"/>
        <source>City vital signs (城市运行体征)</source>
        <translation>城市运行体征</translation>
    </message>
    <message>
        <location filename="../ui/atlas_report.py" line="230"/>
        <source>control-line violations (the OUTPUT of spm:control_lines)</source>
        <translation>三线占用图斑（spm:control_lines 的 OUTPUT 输出）</translation>
    </message>
    <message>
        <location filename="../ui/atlas_report.py" line="230"/>
        <source>indicator table (the TABLE of spm:indicators)</source>
        <translation>指标表（spm:indicators 的 TABLE 输出）</translation>
    </message>
    <message>
        <location filename="../ui/code_lookup.py" line="300"/>
        <source>Assign building codes…</source>
        <translation>房屋建筑赋码…</translation>
    </message>
    <message>
        <location filename="../ui/code_lookup_city.py" line="42"/>
        <source>City code {code} ({type}, {status})</source>
        <translation>城市码 {code}（{type}，{status}）</translation>
    </message>
    <message>
        <location filename="../ui/code_lookup_city.py" line="44"/>
        <source>{found} · {register}</source>
        <translation>{found} · {register}</translation>
    </message>
    <message>
        <location filename="../ui/code_lookup_city.py" line="74"/>
        <source>City code {code} is not in {path}.</source>
        <translation>城市码 {code} 不在 {path} 中。</translation>
    </message>
    <message>
        <location filename="../ui/code_lookup_city.py" line="75"/>
        <source>City code</source>
        <translation>城市码</translation>
    </message>
    <message>
        <location filename="../ui/code_lookup_city.py" line="75"/>
        <source>{type}, {status}, issued {day}{retired}</source>
        <translation>{type}，{status}，赋码于 {day}{retired}</translation>
    </message>
    <message>
        <location filename="../ui/code_lookup_city.py" line="75"/>
        <source>, retired {day}</source>
        <translation>，注销于 {day}</translation>
    </message>
    <message>
        <location filename="../ui/code_lookup_city.py" line="79"/>
        <source>since {start}</source>
        <translation>自 {start} 起</translation>
    </message>
    <message>
        <location filename="../ui/code_lookup_city.py" line="80"/>
        <source>ended: {start} – {end}</source>
        <translation>已终止：{start} – {end}</translation>
    </message>
    <message>
        <location filename="../ui/code_lookup_city.py" line="81"/>
        <source>{method}, confidence {c:g}, {when}</source>
        <translation>{method}，置信度 {c:g}，{when}</translation>
    </message>
    <message>
        <location filename="../ui/code_lookup_city.py" line="84"/>
        <source>Lineage</source>
        <translation>沿革</translation>
    </message>
    <message>
        <location filename="../ui/code_lookup_city.py" line="84"/>
        <source>{kind} on {day}</source>
        <translation>{day} {kind}</translation>
    </message>
    <message>
        <location filename="../ui/code_lookup_city.py" line="86"/>
        <source>City code {code} ({type}) in {register}</source>
        <translation>{register} 中的城市码 {code}（{type}）</translation>
    </message>
    <message>
        <location filename="../ui/indicator_dock.py" line="50"/>
        <source>Compute indicators…</source>
        <translation>计算指标…</translation>
    </message>
    <message>
        <location filename="../ui/sensor_dock.py" line="48"/>
        <source>Open “Plan sensor sites”…</source>
        <translation>打开“感知终端布设选址”…</translation>
    </message>
    <message>
        <location filename="../ui/vitals_dock.py" line="92"/>
        <source>Open City vital signs (城市运行体征)…</source>
        <translation>打开城市运行体征…</translation>
    </message>
    <message>
        <location filename="../batch/engine.py" line="43"/>
        <source>Folder “{folder}” of {name} does not exist.</source>
        <translation>{name} 的文件夹“{folder}”不存在。</translation>
    </message>
    <message>
        <location filename="../batch/engine.py" line="150"/>
        <source>{n} tiles of at most {budget} features of “{layer}” ({count} in all).</source>
        <translation>“{layer}”分为 {n} 个瓦片，每片至多 {budget} 个要素（共 {count} 个）。</translation>
    </message>
    <message>
        <location filename="../batch/jobs.py" line="82"/>
        <source>Parameter {name} is required.</source>
        <translation>必须提供参数 {name}。</translation>
    </message>
    <message>
        <location filename="../batch/engine.py" line="177"/>
        <source>{n} of {count} features had no geometry and were skipped.</source>
        <translation>{count} 个要素中有 {n} 个没有几何，已跳过。</translation>
    </message>
    <message>
        <location filename="../batch/jobs.py" line="95"/>
        <source>Layer “{layer}”: field “{field}” is missing</source>
        <translation>图层“{layer}”：缺少字段“{field}”</translation>
    </message>
    <message>
        <location filename="../batch/jobs.py" line="99"/>
        <source>Layer “{layer}” is not in the CRS of “{main}”; the batch engine does not reproject: reproject it first.</source>
        <translation>图层“{layer}”与“{main}”的坐标参考系不同；批处理引擎不做重投影，请先重投影。</translation>
    </message>
    <message>
        <location filename="../batch/jobs.py" line="217"/>
        <source>Give at least one control line: ECO_REDLINE, FARMLAND or DEV_BOUNDARY.</source>
        <translation>请至少指定一条控制线：ECO_REDLINE、FARMLAND 或 DEV_BOUNDARY。</translation>
    </message>
    <message>
        <location filename="../batch/jobs.py" line="288"/>
        <source>{n} parcel(s) with unknown codes were given class {cls}: {codes}.</source>
        <translation>{n} 个编码未知的图斑已归入类别 {cls}：{codes}。</translation>
    </message>
    <message>
        <location filename="../batch/jobs.py" line="474"/>
        <source>Unknown job {name}; one of {names}.</source>
        <translation>未知的作业 {name}；可用作业为 {names}。</translation>
    </message>
    <message>
        <location filename="../core/indicators/measures.py" line="430"/>
        <source>the {table} table has no column {column}</source>
        <translation>{table} 表中没有列 {column}</translation>
    </message>
    <message>
        <location filename="../core/io/gdal_frames.py" line="214"/>
        <source>Cannot read {path}: {error}</source>
        <translation>无法读取 {path}：{error}</translation>
    </message>
    <message>
        <location filename="../core/io/gdal_frames.py" line="216"/>
        <source>Cannot read {path}: no layer {layer}</source>
        <translation>无法读取 {path}：没有图层 {layer}</translation>
    </message>
    <message>
        <location filename="../core/io/gdal_frames.py" line="284"/>
        <source>Layer {layer} has no field {field}</source>
        <translation>图层 {layer} 没有字段 {field}</translation>
    </message>
    <message>
        <location filename="../core/io/gdal_frames.py" line="293"/>
        <source>Layer {layer}: filter {where} refused ({error})</source>
        <translation>图层 {layer}：筛选条件 {where} 被拒绝（{error}）</translation>
    </message>
    <message>
        <location filename="../core/io/gdal_frames.py" line="439"/>
        <source>Cannot write {path}: only GeoPackage and FlatGeobuf</source>
        <translation>无法写入 {path}：仅支持 GeoPackage 和 FlatGeobuf</translation>
    </message>
    <message>
        <location filename="../core/io/gdal_frames.py" line="462"/>
        <source>Cannot write {path}</source>
        <translation>无法写入 {path}</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/scheduler.py" line="27"/>
        <source>Run on a Dask cluster: scheduler address (tcp://host:8786) or local:N for N worker processes; empty = in QGIS</source>
        <translation>在 Dask 集群上运行：调度器地址（tcp://host:8786），或 local:N 表示 N 个本机工作进程；留空则在 QGIS 中运行</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/scheduler.py" line="47"/>
        <source>SCHEDULER: layer “{layer}” must be a whole layer of a file (GeoPackage, shapefile …), without a filter or a selection.</source>
        <translation>SCHEDULER：图层“{layer}”必须是文件中的完整图层（GeoPackage、shapefile 等），不能带筛选条件或只用选中要素。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/scheduler.py" line="68"/>
        <source>SCHEDULER: output {name} must be a GeoPackage (.gpkg).</source>
        <translation>SCHEDULER：输出 {name} 必须是 GeoPackage（.gpkg）。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/scheduler.py" line="92"/>
        <source>Handing the work to the batch engine ({scheduler}).</source>
        <translation>将计算交给批处理引擎（{scheduler}）。</translation>
    </message>
    <message>
        <location filename="../provider/algorithms/monitoring/scheduler.py" line="117"/>
        <source>The batch engine failed: {error}</source>
        <translation>批处理引擎运行失败：{error}</translation>
    </message>
    <message>
        <location filename="../core/reports/balance.py" line="38"/>
        <source>Table “{table}” has no column {missing}: it is not the output of {alg}.</source>
        <translation>表“{table}”缺少列 {missing}：它不是 {alg} 的输出。</translation>
    </message>
    <message>
        <location filename="../layers/report_layout.py" line="107"/>
        <source>Farmland balance and new construction land</source>
        <translation>耕地进出平衡与新增建设用地</translation>
    </message>
    <message>
        <location filename="../layers/report_layout.py" line="108"/>
        <source>Farmland lost (耕地流出)</source>
        <translation>耕地流出</translation>
    </message>
    <message>
        <location filename="../layers/report_layout.py" line="109"/>
        <source>Farmland gained (耕地流入)</source>
        <translation>耕地流入</translation>
    </message>
    <message>
        <location filename="../layers/report_layout.py" line="110"/>
        <source>Farmland net change (净增减)</source>
        <translation>耕地净增减</translation>
    </message>
    <message>
        <location filename="../layers/report_layout.py" line="111"/>
        <source>New construction inside the boundary</source>
        <translation>城镇开发边界内新增建设用地</translation>
    </message>
    <message>
        <location filename="../layers/report_layout.py" line="112"/>
        <source>New construction outside the boundary</source>
        <translation>城镇开发边界外新增建设用地</translation>
    </message>
    <message>
        <location filename="../batch/gdalio.py" line="64"/>
        <source>Layer “{layer}”: the batch engine cannot read {what}.</source>
        <translation>图层“{layer}”：批处理引擎无法读取{what}。</translation>
    </message>
    <message>
        <location filename="../batch/jobs.py" line="392"/>
        <source>NEW_CONSTRUCTION needs DEV_BOUNDARY: not written.</source>
        <translation>NEW_CONSTRUCTION 需要 DEV_BOUNDARY：未写出。</translation>
    </message>
</context>
</TS>
