"""The default theme: templates, stylesheets and bundled fonts (the design's source).

This file makes the folder the package `briefwright.theme` (mapped in pyproject.toml), so
that a wheel carries the theme and `briefwright` finds it wherever it is installed. A
project's own templates/ folder overrides any file of it (see docs/theme.md).
"""
