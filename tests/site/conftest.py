"""One real strict build per test session; tests parse its HTML with lxml."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from lxml import html

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import cli  # noqa: E402


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("site") / "site"
    assert cli.build_site(ROOT / "mkdocs.yml", site) == 0, "strict build failed"
    return site


@pytest.fixture(scope="session")
def embed_site(tmp_path_factory) -> Path:
    """The site plus the test-only embedded video (never part of the public site)."""
    sys.path.insert(0, str(ROOT / "tests" / "fixtures"))
    import embed_site as fixture

    return fixture.build(tmp_path_factory.mktemp("embed-site"))


@pytest.fixture(scope="session")
def parse():
    def _parse(path: Path):
        return html.fromstring(path.read_bytes())
    return _parse


@pytest.fixture(scope="session")
def html_pages(built_site) -> list[Path]:
    return sorted(p for p in built_site.rglob("*.html") if p.name != "404.html" or True)
