"""Waiting for the search in a test page: the small index answers first, the full-text index follows."""


def wait_for_full_index(page, timeout: float = 15000) -> None:
    """Start the search if it has not started, then wait until the full-text index has arrived.
    (``wait_for_function`` does not await a promise: it would return at once.)"""
    page.wait_for_function("window.kpSearch !== undefined", timeout=timeout)
    page.evaluate("kpSearch.load().then(engine => { window.__kpTestEngine = engine; })")
    page.wait_for_function("window.__kpTestEngine && window.__kpTestEngine.tier === 'full'", timeout=timeout)


def first_result_from_file(page, root, query: str, errors: list[str]):
    """Open ``root/index.html`` from file://, type ``query`` in the header search and return the
    first result link once it is there; page errors are collected in ``errors``."""
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((root / "index.html").as_uri())
    page.locator("#kp-search-input").click()
    page.keyboard.type(query)
    first = page.locator(".kp-search__link").first
    first.wait_for()
    assert first.get_attribute("href").startswith("file://")
    return first
