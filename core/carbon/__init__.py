"""Carbon accounts (land use, energy, buildings), mass-preserving downscaling and hot spots.

Coefficient tables live in ``layers/tables/carbon_*.csv`` (see :mod:`.tables`); the algorithms
in ``provider/algorithms/carbon/`` are thin wrappers around the functions here.
"""
