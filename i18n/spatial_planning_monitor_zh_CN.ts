<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>SpatialPlanningMonitor</name>
    <message>
        <location filename="../plugin.py" line="36"/>
        <source>&amp;Spatial Planning Monitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin.py" line="49"/>
        <source>Spatial Planning Monitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin.py" line="57"/>
        <source>Processing algorithms…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../plugin.py" line="74"/>
        <source>Some algorithms are unavailable because Python packages are missing ({listing}). {hint}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpmAlgorithm</name>
    <message>
        <location filename="../provider/base.py" line="107"/>
        <source>Canceled: no output was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provider/base.py" line="136"/>
        <source>Layer “{layer}”: no field was chosen for {label}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provider/base.py" line="140"/>
        <source>Layer “{layer}” has no field “{field}” ({label}). Fields: {fields}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provider/base.py" line="145"/>
        <source>Layer “{layer}”: field “{field}” ({label}) must be numeric, it is {kind}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provider/base.py" line="161"/>
        <source>Layer “{layer}” is reprojected from {src} to {dst}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SpmProvider</name>
    <message>
        <location filename="../provider/provider.py" line="38"/>
        <source>Spatial planning monitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provider/provider.py" line="41"/>
        <source>Spatial planning monitor (territorial spatial plan implementation monitoring)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provider/provider.py" line="56"/>
        <source>Algorithm {name} is unavailable: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>spm</name>
    <message>
        <location filename="../core/codes/beidou.py" line="93"/>
        <source> and {count} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/codes/beidou.py" line="102"/>
        <source>Longitudes and latitudes differ in number ({a} and {b}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/codes/beidou.py" line="106"/>
        <source>Missing or non-numeric coordinates at {rows}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/codes/beidou.py" line="111"/>
        <source>Coordinates outside longitude −180…180° / latitude −90…90° at {rows} (first: {lng}, {lat}); are they geographic degrees?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/codes/beidou.py" line="118"/>
        <source>Latitude {lat}° at {rows} is in a polar cell (|latitude| ≥ 88°); GB/T 39409 codes polar cells by other rules, which are not implemented.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/codes/beidou.py" line="134"/>
        <source>BeiDou grid level must be 1 to 10, not {level}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/codes/beidou.py" line="200"/>
        <source>Height {height} m at {rows} cannot be coded (missing, or beyond the range of the 3D grid).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/codes/beidou.py" line="214"/>
        <source>Heights and points differ in number ({a} and {b}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/codes/beidou.py" line="260"/>
        <source>the first character must be N or S</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/codes/beidou.py" line="272"/>
        <source>the level-1 column must be 01 to 60</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/codes/beidou.py" line="274"/>
        <source>row letter W is a polar cell (|latitude| ≥ 88°), which is not decoded here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/codes/beidou.py" line="276"/>
        <source>the level-1 row must be a letter A to V</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/codes/beidou.py" line="284"/>
        <source>level {level} must be a digit 0 to {top}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/codes/beidou.py" line="290"/>
        <source>level {level} must be a column 0–{col} and a row 0–{row}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/codes/beidou.py" line="298"/>
        <source>the height sign (second character) must be 0 or 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/codes/beidou.py" line="303"/>
        <source>the level-1 height must be 00 to 63</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/codes/beidou.py" line="306"/>
        <source>the level-{level} height digit is out of range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/codes/beidou.py" line="354"/>
        <source>a {kind} BeiDou grid code has {lengths} characters, this one has {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/codes/beidou.py" line="381"/>
        <source>Not a BeiDou grid code: “{code}” ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/deps.py" line="35"/>
        <source>not installed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/deps.py" line="39"/>
        <source>version {found} is older than {minimum}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/deps.py" line="48"/>
        <source>Debian/Ubuntu: sudo apt install {debian}; Windows: install {osgeo} with the OSGeo4W installer (Advanced install).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/indicators/definitions.py" line="67"/>
        <source>column {column}: &quot;{value}&quot; is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/indicators/definitions.py" line="70"/>
        <source>column {column}: &quot;{value}&quot; is not a finite number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/indicators/definitions.py" line="82"/>
        <source>Definitions file {path}: neither UTF-8 nor GBK text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/indicators/definitions.py" line="94"/>
        <source>dimension &quot;{value}&quot; is not one of 安全/创新/协调/绿色/开放/共享</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/indicators/definitions.py" line="98"/>
        <source>level &quot;{value}&quot; is not basic/recommended (基本/推荐)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/indicators/definitions.py" line="129"/>
        <source>Definitions file {path} does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/indicators/definitions.py" line="136"/>
        <source>Definitions file {path}: missing column(s) {columns}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/indicators/definitions.py" line="144"/>
        <source>Definitions file line {line}: id &quot;{id}&quot; must be 1-10 characters A-Z, 0-9 or _ starting with a letter (it becomes a field name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/indicators/definitions.py" line="149"/>
        <source>Definitions file line {line}: id {id} is defined twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/indicators/definitions.py" line="155"/>
        <source>Definitions file {path} defines no indicator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/indicators/engine.py" line="89"/>
        <source>unknown input(s) {names} (see the list of inputs in the documentation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/indicators/engine.py" line="124"/>
        <source>Indicator {label}: not computed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/indicators/engine.py" line="127"/>
        <source>Indicator {label}: not computed for {n} district(s): {details}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/indicators/formula.py" line="49"/>
        <source>the formula is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/indicators/formula.py" line="51"/>
        <source>the formula is longer than {n} characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/indicators/formula.py" line="56"/>
        <source>syntax error in formula &quot;{formula}&quot; at character {col}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/indicators/formula.py" line="70"/>
        <source>only numbers are allowed as constants, not {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/indicators/formula.py" line="74"/>
        <source>{name} is a function: call it with parentheses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/indicators/formula.py" line="84"/>
        <source>unknown function in formula &quot;{formula}&quot;; allowed: {allowed}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/indicators/formula.py" line="88"/>
        <source>function {name} takes positional arguments only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/indicators/formula.py" line="93"/>
        <source>&quot;{part}&quot; is not allowed in a formula (only numbers, input names, + - * / // % ** and the functions {allowed})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/indicators/formula.py" line="108"/>
        <source>division by zero in &quot;{formula}&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/indicators/formula.py" line="111"/>
        <source>cannot evaluate &quot;{formula}&quot;: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/indicators/formula.py" line="114"/>
        <source>&quot;{formula}&quot; does not give a finite number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/indicators/formula.py" line="123"/>
        <source>input {name} is not available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/indicators/formula.py" line="126"/>
        <source>input {name} has no value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/indicators/formula.py" line="132"/>
        <source>exponent larger than {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/indicators/formula.py" line="135"/>
        <source>the result is not a real number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/indicators/formula.py" line="146"/>
        <source>wrong number of arguments for {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/indicators/measures.py" line="273"/>
        <source>input {name} not given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/indicators/measures.py" line="188"/>
        <source>needs the 城镇村属性码 field (URBAN_FIELD) or the urban development boundary (DEV_BOUNDARY) to tell urban from village construction land</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/indicators/measures.py" line="193"/>
        <source>the risk points have no kind field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/indicators/measures.py" line="207"/>
        <source>the sensor radius must be greater than 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/indicators/measures.py" line="244"/>
        <source>canceled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/indicators/status.py" line="49"/>
        <source>direction &quot;{value}&quot; is not one of higher/lower/none (正向/逆向/无)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/indicators/status.py" line="59"/>
        <source>lower is better, so the warning threshold {warning} must not exceed the target {target}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/indicators/status.py" line="63"/>
        <source>higher is better, so the warning threshold {warning} must not be below the target {target}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/landuse/tables.py" line="61"/>
        <source>Table {path}: column(s) {columns} missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/landuse/tables.py" line="221"/>
        <source>Table {path} cannot be read: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/landuse/tables.py" line="70"/>
        <source>Table {path} is not UTF-8 text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/landuse/tables.py" line="118"/>
        <source>Table {path}: code {code} appears twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/landuse/tables.py" line="133"/>
        <source>Table {path}, line {line}: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/landuse/tables.py" line="137"/>
        <source>Table {path}, line {line}: category {value} is not one of {allowed}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/landuse/tables.py" line="144"/>
        <source>Table {path}: parent {parent} of code {code} is not in the table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/landuse/tables.py" line="257"/>
        <source>Table {path}, line {line}: {code} is not a 用地用海 code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../core/landuse/tables.py" line="263"/>
        <source>Table {path}: no 用地用海 code for {codes}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provider/base.py" line="31"/>
        <source>Plan implementation monitoring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provider/base.py" line="32"/>
        <source>City indicators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provider/base.py" line="33"/>
        <source>Mapping and coding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provider/base.py" line="34"/>
        <source>Carbon emissions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provider/base.py" line="35"/>
        <source>Sensor planning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../provider/base.py" line="36"/>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
