"""Which files of a content folder are published, and which never are.

mkdocs copies every file under docs/ to the site and follows symbolic links. An editor's
backup (``index.md~``), a swap or lock file, a dotfile (``.env``, ``.git/``) or a link to a
file elsewhere on the machine would end up on the public site and in its search index. This
module decides from the folder alone: hidden and temporary files are skipped with a warning;
a symbolic link that leads outside the folder, loops or leads nowhere is an error naming the
link. The build (scripts/mkdocs_wiring/hooks.py), the content check and the organisation
build all ask it, so they agree on what is content.
"""
from __future__ import annotations

import errno
import fnmatch
import os
from dataclasses import dataclass, field
from pathlib import Path

from kennisplein.problems import Problem

# Editors' backups, swap, lock and temporary files (vim, emacs, nano, office, most editors).
TEMPORARY = ("*~", "*.swp", "*.swo", "*.swx", "*.tmp", "*.temp", "*.bak", "*.orig", "*.rej", "#*#", "~$*", "Thumbs.db", "desktop.ini")


def hidden_or_temporary(name: str) -> str | None:
    """Why a file or folder of this name is never published, or None."""
    if name.startswith("."):
        return "a hidden file or folder (its name starts with '.')"
    if any(fnmatch.fnmatchcase(name, pattern) for pattern in TEMPORARY):
        return "an editor backup or temporary file"
    return None


@dataclass
class Scan:
    """What ``scan`` found: the files to publish and, by path relative to the folder, the rest."""

    root: Path
    files: list[Path] = field(default_factory=list)  # publishable files, as paths under root
    skipped: set[str] = field(default_factory=set)  # hidden or temporary (warnings)
    refused: set[str] = field(default_factory=set)  # symbolic links outside, looping or dangling (errors)
    problems: list[Problem] = field(default_factory=list)

    def publishes(self, relative: str) -> bool:
        """Is the file at this POSIX path relative to root (or a file below it) published?"""
        parts = relative.split("/")
        return not any("/".join(parts[: n + 1]) in self.skipped | self.refused for n in range(len(parts)))


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def scan(root: Path, shown: str | None = None, boundary: Path | None = None) -> Scan:
    """Walk ``root`` as mkdocs would (following links to folders), without ever following a
    link out of ``boundary`` (default: root) or round in a circle. ``shown``: how messages name
    root (default: its path as given)."""
    root = Path(root)
    real_root = root.resolve()
    limit = Path(boundary).resolve() if boundary is not None else real_root
    shown = shown if shown is not None else str(root)
    found = Scan(root)

    def where(relative: str) -> str:
        return f"{shown}/{relative}" if relative else shown

    def refuse(relative: str, message: str) -> None:
        found.refused.add(relative)
        found.problems.append(Problem(where(relative), None, message))

    def walk(folder: Path, relative: str, chain: tuple[Path, ...]) -> None:
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            found.problems.append(Problem(where(relative), None, f"cannot read folder: {exc.strerror}"))
            return
        for entry in entries:
            rel = f"{relative}/{entry.name}" if relative else entry.name
            path = Path(entry.path)
            why = hidden_or_temporary(entry.name)
            if why:
                found.skipped.add(rel)
                found.problems.append(Problem(where(rel), None, f"not published: {why}", "warning"))
                continue
            if entry.is_symlink():
                try:
                    target = path.resolve(strict=True)
                except RuntimeError:
                    refuse(rel, "symbolic link loops (it leads back to itself): remove it")
                    continue
                except OSError as exc:
                    if exc.errno == errno.ELOOP:
                        refuse(rel, "symbolic link loops (it leads back to itself): remove it")
                    else:
                        refuse(rel, f"symbolic link to '{os.readlink(path)}', which does not exist: remove it")
                    continue
                if not _inside(target, limit):
                    refuse(rel, f"symbolic link to '{target}', outside {shown}/: its content would be published. "
                                "Copy the file into the folder instead, or remove the link")
                    continue
                if target.is_dir() and target in chain:
                    refuse(rel, f"symbolic link to '{target}', a folder it is itself inside: it loops. Remove it")
                    continue
            try:
                is_dir = entry.is_dir()  # follows a link, checked above
            except OSError:
                is_dir = False
            if is_dir:
                walk(path, rel, (*chain, path.resolve()))
            else:
                found.files.append(path)

    walk(root, "", (real_root,))
    return found
