"""The browser editor's content side: the Decap CMS configuration, generated from the same pydantic
models and vocabulary as the validator (cms_config.py), and the Dutch field labels it shows (labels.yml).
The web server that serves the editor is wiring and lives in scripts/editor/."""
