"""Algorithms of the `spm` provider, one per module in themed subpackages (found automatically)."""
