"""Carbon-emission algorithms: land-use, energy and building accounts, downscaling, hot spots."""
