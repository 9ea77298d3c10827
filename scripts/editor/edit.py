"""`make edit [ORG=path/to/organisation.yml]`: the browser editor on http://127.0.0.1:8000/admin/.

Starts three processes on this computer only and stops them together: decap-server (Decap's local
proxy, bound to 127.0.0.1, writing plain files: no git, no account), `mkdocs serve` for the preview,
and the editor server (server.py) in front of both. Nothing of this is part of `make build`.
"""
from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import filecmp
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPTS = HERE.parent
ROOT = SCRIPTS.parent
sys.path.insert(0, str(SCRIPTS))
sys.path.insert(0, str(HERE))

import server  # noqa: E402
from proxy_rules import Area  # noqa: E402
from kennisplein import project, scaffold  # noqa: E402
from kennisplein.content.catalogue import PRODUCTS_DIR  # noqa: E402
from kennisplein.editor import cms_config  # noqa: E402
from kennisplein.problems import errors  # noqa: E402

NODE_MODULES = HERE / "node_modules"
BUNDLE = ROOT / "build" / "editor" / "decap-cms.js"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_bundle() -> Path:
    """Decap CMS and React in one file, made again when the npm packages or the entry script change."""
    sources = [HERE / "package-lock.json", HERE / "src" / "admin.js"]
    if BUNDLE.is_file() and all(BUNDLE.stat().st_mtime >= s.stat().st_mtime for s in sources):
        return BUNDLE
    esbuild = NODE_MODULES / ".bin" / "esbuild"
    if not esbuild.exists():
        raise SystemExit("The editor's npm packages are missing: run `make edit` (it runs npm ci --prefix scripts/editor)")
    BUNDLE.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([str(esbuild), str(HERE / "src" / "admin.js"), "--bundle", "--minify", "--format=iife", "--log-level=error",
                    "--define:process.env.NODE_ENV=\"production\"", f"--outfile={BUNDLE}"], check=True)
    return BUNDLE


def wait_for(url: str, seconds: float) -> bool:
    import urllib.request
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5):
                return True
        except OSError:
            time.sleep(0.3)
    return False


def _problems_json(problems, report: list[str], base: Path | None = None) -> dict:
    def shown(problem) -> str:
        text = str(problem)
        return text.replace(str(base) + os.sep, "") if base else text
    return {
        "ok": not errors(problems),
        "errors": [shown(p) for p in errors(problems)],
        "warnings": [shown(p) for p in problems if not p.is_error],
        "readability": report,
    }


class Platform:
    """Editing the platform's own docs/ (or a copy of it, for tests)."""

    def __init__(self, root: Path, config: Path):
        self.root, self.config = root, config
        self.docs = root / "docs"

    def area(self) -> Area:
        return Area(pages=(f"docs/{PRODUCTS_DIR}",), data_files=("docs/_data/glossary.yml", "docs/_data/hulpdiensten.yml"),
                    data_folders=("docs/_data/videos",), media=cms_config.MEDIA_FOLDER)

    def config_yaml(self, origin: str) -> str:
        vocabulary = project.load(self.docs, with_readability=False).vocabulary
        builder = cms_config.ConfigBuilder(vocabulary)
        return cms_config.to_yaml(builder.config(proxy_url=origin + "/api/v1", site_url=origin + "/"))

    def check(self, paths: list[str]) -> dict:
        from kennisplein.videos.hosts import from_mkdocs_config
        try:
            loaded = project.load(self.docs, from_mkdocs_config(self.config))
        except project.ProjectError as exc:
            return {"ok": False, "errors": [str(exc)], "warnings": [], "readability": []}
        return _problems_json(loaded.problems, loaded.readability_report or [])

    def new_product(self, index: Path) -> None:
        """A product made in the editor gets its easy-read version at once, as `make new` does."""
        easy = index.with_name("makkelijk.md")
        if not easy.exists():
            easy.write_text(scaffold.easy_read_companion(index.read_text(encoding="utf-8")), encoding="utf-8")

    def after_save(self, paths: list[str]) -> None:
        pass

    def serve_config(self) -> Path:
        return self.config


class OrganisationCopy:
    """Editing an organisation's own folder: its file and its local pages; the preview is its composed copy."""

    def __init__(self, org_file: Path, out_root: Path):
        import organisation_build
        self.build = organisation_build
        self.org_file = org_file.resolve()
        self.root = self.org_file.parent
        self.pages = self._pages_folder()
        self.staging = Path(tempfile.mkdtemp(prefix="kennisplein-edit-"))
        self.last_problems: list = []
        prepared = organisation_build.prepare(self.org_file, out_root)
        if prepared is None:
            raise SystemExit(1)
        self.config = prepared[0]
        self.composed = self.config.parent / "docs"

    def _pages_folder(self) -> str | None:
        import yaml
        data = yaml.safe_load(self.org_file.read_text(encoding="utf-8")) or {}
        pages = data.get("local_pages")
        return str(Path(pages)) if isinstance(pages, str) else None

    def area(self) -> Area:
        return Area(pages=(self.pages,) if self.pages else (), data_files=(self.org_file.name,), data_folders=(), media="media")

    def config_yaml(self, origin: str) -> str:
        vocabulary = project.load(ROOT / "docs", with_readability=False).vocabulary
        builder = cms_config.ConfigBuilder(vocabulary)
        return cms_config.to_yaml(builder.organisation_config(proxy_url=origin + "/api/v1", site_url=origin + "/", pages_folder=self.pages))

    def check(self, paths: list[str]) -> dict:
        from kennisplein import organisation
        try:
            self.build.compose(self.org_file, self.staging)
            self.last_problems = []
        except organisation.CompositionError as exc:
            return _problems_json(exc.problems, [])
        return {"ok": True, "errors": [], "warnings": [], "readability": []}

    def new_product(self, index: Path) -> None:
        Platform.new_product(self, index)  # type: ignore[arg-type]

    def after_save(self, paths: list[str]) -> None:
        """Compose again and bring the changed files into the folder `mkdocs serve` watches."""
        result = self.check(paths)
        if result["ok"]:
            _sync(self.staging / "docs", self.composed)

    def serve_config(self) -> Path:
        return self.config


def _sync(source: Path, target: Path) -> None:
    """Copy what changed and remove what went, so the preview's file watcher sees single edits."""
    for path in source.rglob("*"):
        dest = target / path.relative_to(source)
        if path.is_dir():
            dest.mkdir(parents=True, exist_ok=True)
        elif not dest.exists() or not filecmp.cmp(path, dest, shallow=False):
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, dest)
    for path in sorted(target.rglob("*"), reverse=True):
        if not (source / path.relative_to(target)).exists():
            path.unlink() if path.is_file() else shutil.rmtree(path, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--org", type=Path, help="an organisation file: edit that organisation's own folder")
    parser.add_argument("--port", type=int, default=int(os.environ.get("EDIT_PORT", 8000)))
    parser.add_argument("--root", type=Path, default=ROOT, help="a folder with docs/ and mkdocs.yml (default: this repository)")
    parser.add_argument("--config", type=Path, help="the mkdocs.yml for the preview (default: <root>/mkdocs.yml)")
    parser.add_argument("--out", type=Path, default=ROOT / "build", help="with --org: where the composed copy goes (default: build/)")
    args = parser.parse_args(argv)

    args.org = args.org or (Path(os.environ["KENNISPLEIN_ORG"]) if os.environ.get("KENNISPLEIN_ORG") else None)
    work = OrganisationCopy(args.org, args.out) if args.org else Platform(args.root.resolve(), (args.config or args.root / "mkdocs.yml").resolve())
    origin = f"http://127.0.0.1:{args.port}"
    bundle = build_bundle()
    decap_port, preview_port = free_port(), free_port()
    env = dict(os.environ, PORT=str(decap_port), BIND_HOST="127.0.0.1", MODE="fs", GIT_REPO_DIRECTORY=str(work.root),
               ORIGIN=origin, LOG_LEVEL="warn")
    processes = [
        subprocess.Popen(["node", str(NODE_MODULES / "decap-server" / "dist" / "index.js")], env=env, cwd=str(work.root)),
        subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-f", str(work.serve_config()), "--dev-addr", f"127.0.0.1:{preview_port}",
                          "--livereload", "--dirty", "--no-strict"], cwd=str(ROOT)),
    ]
    editor = server.Editor(
        port=args.port, content_root=work.root, decap_url=f"http://127.0.0.1:{decap_port}/api/v1", preview_url=f"http://127.0.0.1:{preview_port}/",
        area=work.area(), config_yaml=lambda: work.config_yaml(origin), bundle=bundle, check=work.check,
        after_save=work.after_save, new_product=work.new_product,
    )
    httpd = server.serve(editor)

    def stop(*_):
        raise KeyboardInterrupt
    signal.signal(signal.SIGTERM, stop)
    try:
        wait_for(f"http://127.0.0.1:{preview_port}/", 180)
        print(f"De editor staat klaar: {origin}/admin/  (de site zelf: {origin}/). Stoppen: Ctrl+C.", flush=True)
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        httpd.server_close()
        for process in processes:
            with contextlib.suppress(ProcessLookupError):
                process.terminate()
        for process in processes:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
