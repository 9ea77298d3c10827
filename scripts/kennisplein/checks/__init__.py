"""Content checks: one module per rule, each returning a list of ``Problem``."""
