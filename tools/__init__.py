"""Maintainer tools, not shipped: ``python -m tools.readme`` regenerates docs blocks."""
