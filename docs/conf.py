"""Sphinx configuration for the pyvm docs site (Sphinx + MyST)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "pyvm"
author = "the pyvm developers"
copyright = "2026, the pyvm developers"
extensions = ["myst_parser", "pyvm_live"]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build"]
html_theme = "alabaster"
html_theme_options = {"description": "CPython 3.14, re-told in typed Python"}
