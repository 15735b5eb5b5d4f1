"""The India–Japan brief: the repository's content and the example `init --example` writes.

This file makes the folder the package `briefwright.example` (mapped in pyproject.toml), so
that a wheel carries the example; the loader reads only the content files beside it.
"""
