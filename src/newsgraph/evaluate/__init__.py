"""Scorers for the gold formats in ../shared (seed, PolNeAR, PLOVER, ConfliBERT)."""
