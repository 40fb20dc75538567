"""城市运行体征: warning levels, events and offline sensors from sensor readings."""
