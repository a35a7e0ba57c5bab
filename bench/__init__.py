"""Benchmarks of m365inv (run with ``make bench``); they print figures, they do not assert."""
