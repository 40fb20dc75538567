"""Plan implementation monitoring (国土空间规划实施监测): conformance, control lines, change."""
