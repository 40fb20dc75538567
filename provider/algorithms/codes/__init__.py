"""落图+赋码 algorithms: BeiDou grid codes and cells, building codes, code checks, projects."""
