"""The content model: front matter, vocabularies, the product schema and the catalogue."""
