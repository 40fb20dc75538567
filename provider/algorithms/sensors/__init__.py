"""Sensor placement algorithms (感知终端布设): plan sites, evaluate coverage."""
