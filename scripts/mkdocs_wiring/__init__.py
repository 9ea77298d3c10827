"""Everything that talks to mkdocs (or ProperDocs): the hooks mkdocs.yml names, the render cache,
the per-language builds, the quick preview and the config writer for other content folders.
The core in ``scripts/kennisplein/`` never imports from here or from mkdocs."""
