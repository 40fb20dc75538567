"""落图+赋码: BeiDou grid codes, building code schemes, code checks and the code registry."""
