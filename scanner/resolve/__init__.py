"""Resolve: permission ids → values, grants → principal counts, apps → first/third party."""

from m365inv.resolve.apps import ResolvedApp, resolve_apps

__all__ = ["ResolvedApp", "resolve_apps"]
