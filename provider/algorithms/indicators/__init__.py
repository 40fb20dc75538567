"""City indicator algorithms (城市体检)."""
