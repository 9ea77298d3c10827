"""Command line for editors and the Makefile: check, new, build.

    python scripts/cli.py check            validate all content, print every problem
    python scripts/cli.py new "Titel"      create a product folder with both versions
    python scripts/cli.py build            strict build into site/, swapped in only on success
                                           (--engine properdocs, or KENNISPLEIN_ENGINE=properdocs)
    python scripts/cli.py search-index     write a built site's search indexes again
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from kennisplein import project, scaffold  # noqa: E402
from kennisplein.problems import errors, format_report  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
# The generators that can build this site from the same mkdocs.yml (scripts/ENGINE.md): the
# name is the Python module run with -m. ProperDocs is a fork of MkDocs 1.x that serves
# `import mkdocs` from its own package, so the wiring, static-i18n and material run unchanged.
ENGINES = ("mkdocs", "properdocs")


def engine(name: str | None = None) -> str:
    """The engine asked for (argument, else $KENNISPLEIN_ENGINE, else mkdocs)."""
    name = name or os.environ.get("KENNISPLEIN_ENGINE") or "mkdocs"
    if name not in ENGINES:
        raise SystemExit(f"unknown engine {name!r}: use one of {', '.join(ENGINES)}")
    return name


def cmd_check(args) -> int:
    from kennisplein.videos.hosts import from_mkdocs_config

    try:
        loaded = project.load(Path(args.docs), from_mkdocs_config(ROOT / "mkdocs.yml"))
    except project.ProjectError as exc:
        print(exc, file=sys.stderr)
        return 1
    from kennisplein.search import check_data as search_data_problems

    problems = loaded.problems + search_data_problems(loaded)
    if loaded.readability_report:
        print("Readability (easy-read pages must pass; standard pages are advisory):")
        print("\n".join(loaded.readability_report))
    if problems:
        print(format_report(problems), file=sys.stderr)
    n_errors = len(errors(problems))
    pages = sum(1 for _ in loaded.catalogue.pages())
    print(f"{'FAILED' if n_errors else 'OK'}: {pages} pages, {len(loaded.catalogue.products)} products, {n_errors} errors, {len(problems) - n_errors} warnings")
    return 1 if n_errors else 0


TITLE_VARIABLE = "KENNISPLEIN_TITLE"  # `make new TITLE=...` hands the title over here, never through a shell command line


def cmd_new(args) -> int:
    title = args.title if args.title is not None else os.environ.get(TITLE_VARIABLE)
    if not title:
        print('usage: make new TITLE="Titel van het product"', file=sys.stderr)
        return 2
    docs = Path(args.docs)
    try:
        loaded = project.load(docs, with_readability=False)
        folder = scaffold.create(docs, loaded.vocabulary, title, kind=args.type, audiences=args.audience,
                                 topics=args.topic, region=args.region)
    except (scaffold.ScaffoldError, project.ProjectError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"error: {exc.filename}: {exc.strerror}", file=sys.stderr)
        return 1
    # What was written must pass `make check`; if the scaffold ever falls short, nothing stays behind.
    written = [p for p in project.load(docs).problems if p.is_error and Path(p.path).parent.name == folder.name]
    if written:
        shutil.rmtree(folder, ignore_errors=True)
        print(format_report(written) + f"\nerror: the new product would not pass 'make check'; nothing was written", file=sys.stderr)
        return 1
    print(f"created {folder}/index.md and {folder}/makkelijk.md; fill in the summary and sources, then run 'make check'")
    return 0


def _mkdocs_without_info(command: list[str], env: dict[str, str]) -> int:
    """Run mkdocs and show its warnings and errors, not its INFO messages.

    Not `mkdocs -q`: it lowers mkdocs' log level to ERROR, so --strict never sees a warning and
    a build with a missing image or a broken anchor would pass."""
    process = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True, encoding="utf-8", errors="replace")
    showing = True
    for line in process.stderr:
        if line.startswith("INFO"):
            showing = False  # an INFO message, and its indented continuation lines
        elif not line[:1].isspace():
            showing = True
        if showing:
            sys.stderr.write(line)
    return process.wait()


def build_site(config: Path, site_dir: Path, extra_env: dict[str, str] | None = None, engine_name: str | None = None) -> int:
    """Build into a temporary folder next to site_dir; replace site_dir only when the build succeeds."""
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = site_dir.with_name(f".{site_dir.name}.building-{os.getpid()}")
    shutil.rmtree(staging, ignore_errors=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    returncode = _mkdocs_without_info([sys.executable, "-m", engine(engine_name), "build", "--strict", "-f", str(config), "-d", str(staging)], env)
    if returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        kept = "the previous site in " + str(site_dir) + " is unchanged" if site_dir.exists() else "no site was written"
        print(f"build failed: {kept}", file=sys.stderr)
        return returncode or 1
    previous = site_dir.with_name(f".{site_dir.name}.previous-{os.getpid()}")
    if site_dir.exists():
        site_dir.rename(previous)
    staging.rename(site_dir)
    shutil.rmtree(previous, ignore_errors=True)
    print(f"built {site_dir}")
    return 0


def cmd_build(args) -> int:
    return build_site(Path(args.config), Path(args.site_dir), engine_name=args.engine)


def cmd_nginx_config(args) -> int:
    from kennisplein import organisation, webserver

    site = Path(args.site)
    if not (site / "index.html").exists():
        print(f"error: {site} holds no built site: run 'make build' first", file=sys.stderr)
        return 1
    video_hosts: list[str] = []
    if args.org:
        org, problems = organisation.load(Path(args.org), project.load(ROOT / "docs").vocabulary)
        if org is None:
            print(format_report(problems), file=sys.stderr)
            return 1
        video_hosts = org.video_hosts
    try:
        text = webserver.nginx_config(site, listen=args.listen, server_name=args.server_name, https=args.https, video_hosts=video_hosts)
    except ValueError as exc:
        print(f"error: {exc}; no config was written", file=sys.stderr)
        return 1
    if args.output == "-":
        print(text)
    else:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"wrote {args.output}")
    return 0


def cmd_search_index(args) -> int:
    """Write the search indexes of a built site again (what `make serve` runs after an edit,
    in a process of its own so the preview does not wait for it)."""
    from kennisplein import search

    if args.parent_pid:
        _stop_with(args.parent_pid)
    try:
        loaded = project.load(Path(args.docs), args.video_host or [], with_readability=False)
        for language in args.language or ["nl"]:
            search.write_site_index(loaded, Path(args.site_dir), language, not args.no_directory_urls)
    except (project.ProjectError, search.SynonymsError) as exc:
        print(f"search index: {exc}", file=sys.stderr)
        return 1
    return 0


def _stop_with(parent_pid: int) -> None:
    """Exit when the process that started this one is gone (`mkdocs serve` stopped, however:
    a SIGTERM runs no clean-up), instead of writing into a site folder that was removed."""
    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="kennisplein", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate all content")
    check.add_argument("--docs", default=str(ROOT / "docs"))
    check.set_defaults(func=cmd_check)
    new = sub.add_parser("new", help="create a new product with both versions")
    new.add_argument("title", nargs="?", help=f"the title (default: the environment variable {TITLE_VARIABLE})")
    new.add_argument("--docs", default=str(ROOT / "docs"))
    new.add_argument("--type", default="handreiking")
    new.add_argument("--audience", action="append", help="repeat for several audiences (default: naasten)")
    new.add_argument("--topic", action="append", help="repeat for several topics")
    new.add_argument("--region", default="algemeen")
    new.set_defaults(func=cmd_new)
    build = sub.add_parser("build", help="strict build; the previous site stays when it fails")
    build.add_argument("--config", default=str(ROOT / "mkdocs.yml"))
    build.add_argument("--site-dir", default=str(ROOT / "site"))
    build.add_argument("--engine", choices=ENGINES, help="the generator (default: $KENNISPLEIN_ENGINE, else mkdocs)")
    build.set_defaults(func=cmd_build)
    nginx = sub.add_parser("nginx-config", help="write the nginx server block for a built site")
    nginx.add_argument("--site", default=str(ROOT / "site"))
    nginx.add_argument("--org", help="organisation file (adds its video hosts to the CSP)")
    nginx.add_argument("--listen", default="80")
    nginx.add_argument("--server-name", default="_")
    nginx.add_argument("--https", action="store_true", help="add HSTS (only when served over HTTPS)")
    nginx.add_argument("--output", default="-")
    nginx.set_defaults(func=cmd_nginx_config)
    index = sub.add_parser("search-index", help="write the search indexes of a built site")
    index.add_argument("--docs", default=str(ROOT / "docs"))
    index.add_argument("--site-dir", default=str(ROOT / "site"))
    index.add_argument("--language", action="append", help="repeat for each language (default: nl)")
    index.add_argument("--video-host", action="append", help="an organisation's own video host")
    index.add_argument("--no-directory-urls", action="store_true", help="pages as x.html (the offline copy)")
    index.add_argument("--parent-pid", type=int, help="stop when this process ends (mkdocs serve)")
    index.set_defaults(func=cmd_search_index)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
