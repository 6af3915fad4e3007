"""Sphinx configuration for the pyvm docs site (Sphinx + MyST)."""

project = "pyvm"
author = "the pyvm developers"
copyright = "2026, the pyvm developers"
extensions = ["myst_parser"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]
html_theme = "alabaster"
html_theme_options = {"description": "CPython 3.14, re-told in typed Python"}
# The CPython sources each walkthrough links to: the 3.14.7 release.
cpython_blob = "https://github.com/python/cpython/blob/v3.14.7/"
myst_substitutions = {"cpython": cpython_blob}
