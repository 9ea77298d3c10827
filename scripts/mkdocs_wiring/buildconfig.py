"""An mkdocs.yml for another content folder (a benchmark corpus, a test fixture),
with every path made absolute so the copy can live anywhere."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def config_for(docs_dir: Path, target: Path, base: Path = ROOT / "mkdocs.yml") -> Path:
    text = base.read_text(encoding="utf-8")
    replacements = {
        "docs_dir: docs": f"docs_dir: {docs_dir}",
        "custom_dir: overrides": f"custom_dir: {ROOT / 'overrides'}",
        "  - scripts/mkdocs_wiring/hooks.py": f"  - {ROOT / 'scripts' / 'mkdocs_wiring' / 'hooks.py'}",
    }
    for old, new in replacements.items():
        if old not in text:
            raise ValueError(f"{base} no longer contains '{old}': update scripts/mkdocs_wiring/buildconfig.py")
        text = text.replace(old, new)
    target.write_text(text, encoding="utf-8")
    return target
