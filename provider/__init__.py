"""Processing integration: the `spm` provider, the algorithm base class and the algorithms."""
