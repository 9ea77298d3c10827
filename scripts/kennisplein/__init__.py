"""The engine-neutral core of the kennisplein.

Everything here reads Markdown, front matter and data files and returns
plain Python data or Markdown text. Nothing in this package imports mkdocs:
the mkdocs wiring lives in ``scripts/mkdocs_wiring/`` only, so a move to another
static-site generator touches the wiring, not this package.
"""
