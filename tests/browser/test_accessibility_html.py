"""Valid HTML: the Nu Html Checker (vnu.jar) over every built page, zero errors. Invalid markup
is fixed in the templates (overrides/); vnu.FALSE_POSITIVES may list only messages known to be
wrong, each with its reason."""
from __future__ import annotations

import vnu


def test_every_page_is_valid_html(vnu_run, site_pages):
    messages = vnu_run.messages()
    assert not messages, f"Nu Html Checker: {len(messages)} error(s) in {len({m.file for m in messages})} file(s)\n" + "\n".join(
        m.report() for m in messages[:40])


def test_false_positives_have_reasons():
    for pattern, reason in vnu.FALSE_POSITIVES:
        assert pattern and len(reason.split()) >= 6, (pattern, reason)
