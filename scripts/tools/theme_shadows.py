"""Which theme files overrides/ shadows, and from which upstream file each copy was made.

A file in overrides/ with the same path as a file in mkdocs-material's templates replaces
that file entirely (base.html, partials/header.html, ...). When material changes its own
file in an upgrade, the copy silently keeps the old markup. So tests/theme_shadows.yml
records, for every shadowing file, the material version and the sha256 of the upstream
file it was last compared with; tests/unit/test_theme_shadows.py fails when the installed
upstream file no longer matches, or when a shadowing file has no record.

    .venv/bin/python scripts/tools/theme_shadows.py                    # report, exit 1 if any is not reviewed
    .venv/bin/python scripts/tools/theme_shadows.py overrides/partials/x.html   # record after review
    .venv/bin/python scripts/tools/theme_shadows.py --all              # record every shadowing file

Reads material's files from the installed package; imports nothing from mkdocs.
"""
from __future__ import annotations

import argparse
import hashlib
import importlib.metadata
import importlib.util
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
OVERRIDES = ROOT / "overrides"
RECORD = ROOT / "tests" / "theme_shadows.yml"
HEADER = (
    "# Which upstream file each shadowing file in overrides/ was last compared with.\n"
    "# Written by scripts/tools/theme_shadows.py after a review; checked by tests/unit/test_theme_shadows.py.\n"
)


def upstream_templates() -> Path:
    """The installed mkdocs-material's templates folder."""
    spec = importlib.util.find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("mkdocs-material is not installed in this Python")
    return Path(list(spec.submodule_search_locations)[0]) / "templates"


def material_version() -> str:
    return importlib.metadata.version("mkdocs-material")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def shadowing_files(overrides: Path = OVERRIDES, upstream: Path | None = None) -> list[str]:
    """Paths (relative, with /) of the files in overrides/ that replace a theme file."""
    upstream = upstream or upstream_templates()
    return sorted(
        path.relative_to(overrides).as_posix()
        for path in overrides.rglob("*")
        if path.is_file() and (upstream / path.relative_to(overrides)).is_file()
    )


def load_record(record: Path = RECORD) -> dict[str, dict]:
    if not record.exists():
        return {}
    data = yaml.safe_load(record.read_text(encoding="utf-8")) or {}
    return dict(data.get("files") or {})


def save_record(files: dict[str, dict], record: Path = RECORD) -> None:
    body = yaml.safe_dump({"files": dict(sorted(files.items()))}, sort_keys=False, allow_unicode=True)
    record.write_text(HEADER + body, encoding="utf-8")


@dataclass(frozen=True)
class Finding:
    path: str
    message: str


def findings(overrides: Path = OVERRIDES, record: Path = RECORD, upstream: Path | None = None) -> list[Finding]:
    """Every shadowing file that was not reviewed against the installed upstream file."""
    upstream = upstream or upstream_templates()
    recorded = load_record(record)
    version = material_version()
    command = ".venv/bin/python scripts/tools/theme_shadows.py overrides/{path}"
    out: list[Finding] = []
    shadows = shadowing_files(overrides, upstream)
    for path in shadows:
        entry = recorded.get(path)
        if entry is None:
            out.append(Finding(path, f"shadows material's templates/{path} but has no record: compare the two, "
                                     f"then record it with `{command.format(path=path)}`"))
        elif entry.get("sha256") != sha256(upstream / path):
            out.append(Finding(path, f"material {version}'s templates/{path} differs from the {entry.get('material')} "
                                     f"file this copy was made from: bring the copy up to date "
                                     f"(diff the two material versions' files), then run `{command.format(path=path)}`"))
    for path in sorted(set(recorded) - set(shadows)):
        out.append(Finding(path, "is recorded but no longer shadows a theme file: remove it with "
                                 "`.venv/bin/python scripts/tools/theme_shadows.py --prune`"))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", help="shadowing files to record (after you compared them with upstream)")
    parser.add_argument("--all", action="store_true", help="record every shadowing file")
    parser.add_argument("--prune", action="store_true", help="drop records of files that no longer shadow a theme file")
    args = parser.parse_args(argv)
    upstream = upstream_templates()
    shadows = shadowing_files(OVERRIDES, upstream)
    recorded = load_record()
    chosen = list(shadows) if args.all else []
    for raw in args.paths:
        path = Path(raw).resolve()
        try:
            rel = path.relative_to(OVERRIDES).as_posix()
        except ValueError:
            print(f"{raw}: not a file in overrides/", file=sys.stderr)
            return 2
        if rel not in shadows:
            print(f"{raw}: does not shadow a file of material {material_version()}", file=sys.stderr)
            return 2
        chosen.append(rel)
    if args.prune:
        recorded = {path: entry for path, entry in recorded.items() if path in shadows}
    for rel in chosen:
        recorded[rel] = {"material": material_version(), "sha256": sha256(upstream / rel)}
        print(f"overrides/{rel}: recorded against material {material_version()}")
    if chosen or args.prune:
        save_record(recorded)
        return 0
    problems = findings(upstream=upstream)
    for finding in problems:
        print(f"overrides/{finding.path}: {finding.message}")
    if not problems:
        print(f"{len(shadows)} shadowing files, all reviewed against material {material_version()}")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
