"""Reports: district monitoring reports printed as a layout atlas."""
