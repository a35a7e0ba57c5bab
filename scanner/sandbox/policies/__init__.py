"""Fictional privacy policies the sandbox serves for some of its third-party apps (package data)."""
