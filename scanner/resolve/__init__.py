"""Resolve: permission ids → values, grants → principal counts, apps → first/third party."""

from m365inv.resolve.apps import resolve_apps

__all__ = ["resolve_apps"]
