"""Waiting for the search in a test page: the small index answers first, the full-text index follows."""


def wait_for_full_index(page, timeout: float = 15000) -> None:
    """Start the search if it has not started, then wait until the full-text index has arrived.
    (``wait_for_function`` does not await a promise: it would return at once.)"""
    page.wait_for_function("window.kpSearch !== undefined", timeout=timeout)
    page.evaluate("kpSearch.load().then(engine => { window.__kpTestEngine = engine; })")
    page.wait_for_function("window.__kpTestEngine && window.__kpTestEngine.tier === 'full'", timeout=timeout)
