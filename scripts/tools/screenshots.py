"""`make screenshots`: full-page PNGs of every page type at a phone and a desktop width.

A reviewer looks at the whole site in a minute instead of clicking through it. The site is
built into build/screenshots/site (strict, as `make build`), served on a free local port and
photographed with headless Debian Chromium into build/screenshots/<width>x<height>/.
"""
from __future__ import annotations

import argparse
import functools
import shutil
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
SIZES = [(360, 740), (1280, 800)]

# One page of every type: (file name, path on the site).
PAGES = [
    ("start", ""),
    ("route-naasten", "naasten/"),
    ("route-professionals", "professionals/"),
    ("route-clienten", "clienten/"),
    ("product", "producten/praten-over-intimiteit-met-je-naaste/"),
    ("product-makkelijk", "producten/praten-over-intimiteit-met-je-naaste/makkelijk/"),
    ("zoeken", "zoeken/"),
    ("videos", "videos/"),
    ("video", None),  # the first video page there is (see _path)
    ("hulp", "hulp/"),
    ("begrippen", "begrippen/"),
    ("nieuw", "nieuw/"),
    ("toegankelijkheid", "toegankelijkheid/"),
    ("404", "404.html"),
    ("en-start", "en/"),
    ("en-product", "en/producten/praten-over-intimiteit-met-je-naaste/"),
    ("en-404", "en/404.html"),
]


def _path(site: Path, path: str | None) -> str | None:
    """The page's path on the site, or None when the site has no such page."""
    if path is None:
        videos = sorted(p for p in (site / "videos").glob("*/index.html"))
        return f"videos/{videos[0].parent.name}/" if videos else None
    return path if (site / path).is_file() or (site / path / "index.html").is_file() else None


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def take(site: Path, out: Path, scheme: str = "light") -> list[Path]:
    from playwright.sync_api import sync_playwright

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    written = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for width, height in SIZES:
                folder = out / f"{width}x{height}"
                folder.mkdir(parents=True, exist_ok=True)
                context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
                page = context.new_page()
                for name, wanted in PAGES:
                    path = _path(site, wanted)
                    if path is None:
                        print(f"skipped {name}: not built", file=sys.stderr)
                        continue
                    page.goto(base + path)
                    target = folder / f"{name}.png"
                    page.screenshot(path=str(target), full_page=True)
                    written.append(target)
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an already built site (default: build one)")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "screenshots")
    parser.add_argument("--dark", action="store_true", help="the dark palette")
    args = parser.parse_args(argv)
    site = args.site
    if site is None:
        import cli

        site = args.out / "site"
        if cli.build_site(ROOT / "mkdocs.yml", site) != 0:
            return 1
    if not Path(CHROMIUM).exists():
        print("Debian chromium is missing: apt-get install chromium", file=sys.stderr)
        return 1
    written = take(site, args.out, "dark" if args.dark else "light")
    print(f"{len(written)} screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
