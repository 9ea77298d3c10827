"""Build an organisation's own copy: `make build ORG=path/to/organisation.yml`.

The organisation's content folder is composed in build/<slug>/docs from upstream
docs/ plus the organisation's local pages (see kennisplein.organisation), and an
mkdocs config that INHERITs the project's config adds the name, logo, colours,
quick-exit target and languages. Nothing in the repository or in the
organisation's folder is written to; the site lands in build/<slug>/site.
"""
from __future__ import annotations

import argparse
import fcntl
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from mkdocs_wiring import buildconfig  # noqa: E402
import cli  # noqa: E402
from kennisplein import organisation, project  # noqa: E402
from kennisplein.content.catalogue import DATA_DIR  # noqa: E402
from kennisplein.problems import errors, format_report  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BRAND_CSS = """/* Generated from the organisation file: brand colours (checked for WCAG AA contrast). */
:root, [data-md-color-scheme="default"] {{
  --md-primary-fg-color: {primary};
  --md-primary-fg-color--dark: {primary};
  --md-accent-fg-color: {accent};
  --md-typeset-a-color: {accent};
}}
[data-md-color-scheme="slate"] {{
  --md-primary-fg-color: {primary};
  --md-primary-fg-color--dark: {primary};
}}
"""


class _TolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, whose !!python/name tags only mkdocs itself may resolve."""


_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def _plugins_for(languages: list[str]) -> list:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_TolerantLoader)  # noqa: S506
    plugins = config["plugins"]
    for plugin in plugins:
        if isinstance(plugin, dict) and "i18n" in plugin:
            plugin["i18n"]["languages"] = [lang for lang in plugin["i18n"]["languages"] if lang["locale"] in languages]
    return plugins


def compose(org_file: Path, work: Path, warnings: list | None = None):
    """Returns (organisation, composed docs folder) or raises CompositionError with every problem.
    ``warnings``: a list that receives the problems short of an error, pointing at the
    organisation's own files."""
    upstream_docs = ROOT / "docs"
    upstream = project.load(upstream_docs)
    org, problems = organisation.load(org_file, upstream.vocabulary)
    problems = problems + errors(upstream.published.problems)  # links out of docs/ or in a circle: never copied
    if org is None or errors(problems):
        raise organisation.CompositionError(problems)
    vocabulary = upstream.vocabulary
    docs = work / "docs"
    shutil.rmtree(docs, ignore_errors=True)
    shutil.copytree(upstream_docs, docs, ignore=organisation.unpublished(upstream.published, upstream_docs, also=("organisaties",)))
    origins, overlay_problems = organisation._overlay_local_pages(org, org_file.parent, upstream_docs, docs)
    loaded = project.load(docs)
    problems += overlay_problems + organisation.remap(loaded.problems, origins)
    if errors(problems):
        raise organisation.CompositionError(problems)
    organisation.select(org, loaded.catalogue, docs)
    _write_data(org, org_file, docs, vocabulary)
    if warnings is not None:
        warnings += problems
        # the copy as the build will read it: its selection, its organisation data, its contacts
        final = organisation.remap(project.load(docs, with_readability=False).problems, origins)
        if errors(final):
            raise organisation.CompositionError(problems + final)
        warnings += [p for p in final if p not in problems]
    return org, docs


def check(org_file: Path, out_root: Path = ROOT / "build") -> int:
    """`make check ORG=...`: the organisation's file, local pages and contacts, and the copy
    composed from them, validated as `make check` validates the platform; nothing is built and
    nothing is left behind."""
    org_file = org_file.resolve()
    if not org_file.is_file():
        print(f"{org_file}: organisation file not found", file=sys.stderr)
        return 1
    out_root.mkdir(parents=True, exist_ok=True)
    found: list = []
    with tempfile.TemporaryDirectory(prefix="_checking-", dir=out_root) as work:
        try:
            compose(org_file, Path(work), found)
        except organisation.CompositionError as exc:
            found = exc.problems
        except OSError as exc:
            print(f"{exc.filename or org_file}: cannot compose the organisation's copy: {exc.strerror or exc}", file=sys.stderr)
            return 1
    if found:
        print(format_report(found), file=sys.stderr)
    n_errors = len(errors(found))
    print(f"{'FAILED' if n_errors else 'OK'}: {org_file}, {n_errors} errors, {len(found) - n_errors} warnings")
    return 1 if n_errors else 0


def _write_data(org, org_file: Path, docs: Path, vocabulary) -> None:
    assets = docs / "assets" / "organisation"
    assets.mkdir(parents=True, exist_ok=True)
    data = org.model_dump(mode="json", exclude_none=True)
    data.pop("local_pages", None)
    if org.logo:
        logo = assets / ("logo" + Path(org.logo.path).suffix.lower())
        shutil.copy(org_file.parent / org.logo.path, logo)
        data["logo"]["path"] = str(Path("..") / logo.relative_to(docs))
    (docs / DATA_DIR / "organisation.yml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (assets / "brand.css").write_text(BRAND_CSS.format(primary=org.colours.primary, accent=org.colours.accent), encoding="utf-8")
    restricted = vocabulary.restricted({k: v for k, v in org.include.model_dump().items() if v is not None})
    vocabulary_file = docs / DATA_DIR / "vocabulary.yml"
    vocabulary_file.write_text(yaml.safe_dump(restricted.terms, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _upstream_extra_css(config: Path) -> list[str]:
    """The platform's own style sheets: an organisation's brand colours come after them, never instead."""
    class _Lenient(yaml.SafeLoader):
        pass
    _Lenient.add_multi_constructor("", lambda loader, suffix, node: None)  # ignore !!python/name tags
    return list(yaml.load(config.read_text(encoding="utf-8"), Loader=_Lenient).get("extra_css", []))


def write_config(org, docs: Path, work: Path) -> Path:
    base = buildconfig.config_for(docs, work / "base.yml")
    child = {
        "INHERIT": str(base),
        "site_name": org.name,
        "site_url": str(org.site_url),
        "extra_css": [*_upstream_extra_css(base), "assets/organisation/brand.css"],
        "extra": {"quick_exit_url": str(org.quick_exit_url), "logo_alt": org.logo.alt if org.logo else ""},
        "plugins": _plugins_for(org.languages),
    }
    if org.logo:
        child["theme"] = {"logo": "assets/organisation/logo" + Path(org.logo.path).suffix.lower()}
    path = work / "mkdocs.yml"
    path.write_text(yaml.safe_dump(child, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def prepare(org_file: Path, out_root: Path = ROOT / "build") -> tuple[Path, Path] | None:
    """Compose the organisation's folder and config; returns (config, site dir) or None after printing problems."""
    org_file = org_file.resolve()
    if not org_file.is_file():
        print(f"{org_file}: organisation file not found", file=sys.stderr)
        return None
    out_root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix="_composing-", dir=out_root))  # a folder of its own per run
    try:
        org, docs = compose(org_file, staging)
    except organisation.CompositionError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        print(format_report(exc.problems), file=sys.stderr)
        return None
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"{exc.filename or org_file}: cannot compose the organisation's copy: {exc.strerror or exc}", file=sys.stderr)
        return None
    work = out_root / org.slug
    work.mkdir(parents=True, exist_ok=True)
    if not _take_lock(work):
        shutil.rmtree(staging, ignore_errors=True)
        print(f"{org_file}: another build of '{org.slug}' is running ({work}); wait until it has finished, then build again. "
              "Nothing was changed", file=sys.stderr)
        return None
    shutil.rmtree(work / "docs", ignore_errors=True)
    docs = docs.rename(work / "docs")
    shutil.rmtree(staging, ignore_errors=True)
    return write_config(org, docs, work), work / "site"


_locks: list = []  # open lock files, held until this process ends


def _take_lock(work: Path) -> bool:
    """One build of an organisation's copy at a time: two would write the same docs and site
    folders. The lock is the operating system's, so it goes when a build stops, however."""
    handle = open(work / ".build.lock", "w")  # noqa: SIM115 - held until exit
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        return False
    _locks.append(handle)
    return True


def offline_zip(config: Path, work: Path, name: str) -> Path | None:
    """A copy that works from file:// (a USB stick, a closed network): plain .html links, zipped."""
    child = work / "offline.yml"
    child.write_text(yaml.safe_dump({"INHERIT": str(config), "use_directory_urls": False}), encoding="utf-8")
    site = work / "offline-site"
    if cli.build_site(child, site) != 0:
        return None
    archive = work / f"{name}-offline"
    return Path(shutil.make_archive(str(archive), "zip", root_dir=site))


def prepare_upstream(out_root: Path) -> tuple[Path, Path]:
    work = out_root / "kennisplein"
    work.mkdir(parents=True, exist_ok=True)
    return buildconfig.config_for(ROOT / "docs", work / "mkdocs.yml"), work / "site"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("organisation_file", type=Path, nargs="?", help="omit for the platform's own public site (only with --offline)")
    parser.add_argument("--out", type=Path, default=ROOT / "build", help="folder for build/<slug>/ (default: build/)")
    parser.add_argument("--serve", action="store_true", help="preview with live reload on http://127.0.0.1:8000")
    parser.add_argument("--offline", action="store_true", help="also write build/<slug>/<slug>-offline.zip that works from file://")
    parser.add_argument("--check", action="store_true", help="validate the organisation's copy without building (make check ORG=...)")
    args = parser.parse_args(argv)
    if args.check:
        if args.organisation_file is None:
            parser.error("--check needs an organisation file")
        return check(args.organisation_file, args.out)
    if args.organisation_file is None and not args.offline:
        parser.error("give an organisation file, or --offline for the public site")
    prepared = prepare(args.organisation_file, args.out) if args.organisation_file else prepare_upstream(args.out)
    if prepared is None:
        return 1
    config, site = prepared
    if args.serve:
        # --dirty: an edit rebuilds only the changed page (hubs and the search index are always rebuilt whole)
        return subprocess.call([sys.executable, "-m", cli.engine(), "serve", "-f", str(config), "--dev-addr", "127.0.0.1:8000", "--dirty", "--no-strict"])
    if args.offline:
        archive = offline_zip(config, config.parent, config.parent.name)
        if archive is None:
            return 1
        print(f"wrote {archive}: unpack it and open index.html")
        return 0
    return cli.build_site(config, site)


if __name__ == "__main__":
    sys.exit(main())
