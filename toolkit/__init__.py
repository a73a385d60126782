"""Levels of Need toolkit: a partnership's thresholds as data, a checker and a site."""

__version__ = "0.1.0"
