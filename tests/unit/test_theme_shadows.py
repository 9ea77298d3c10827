"""Every file in overrides/ that shadows a theme file was reviewed against the installed upstream file.

The record is tests/theme_shadows.yml (scripts/tools/theme_shadows.py writes it). A material upgrade
that changes a shadowed file, or a new shadowing file without a record, fails here with the command to run.
"""
from tools import theme_shadows


def test_every_shadowing_file_is_recorded_against_the_installed_upstream_file():
    problems = theme_shadows.findings()
    assert not problems, "\n".join(f"overrides/{p.path}: {p.message}" for p in problems)


def test_the_record_covers_base_html_and_the_partials():
    shadows = theme_shadows.shadowing_files()
    assert {"base.html", "main.html", "partials/header.html"} <= set(shadows)


def test_an_upstream_change_a_new_shadow_and_a_stale_record_are_each_reported(tmp_path):
    upstream, overrides = tmp_path / "upstream", tmp_path / "overrides"
    for folder in (upstream / "partials", overrides / "partials"):
        folder.mkdir(parents=True)
    for name in ("base.html", "partials/a.html", "partials/new.html"):
        (upstream / name).write_text("upstream " + name)
        (overrides / name).write_text("copy " + name)
    (overrides / "partials" / "own.html").write_text("not a theme file")
    record = tmp_path / "record.yml"
    theme_shadows.save_record({
        "base.html": {"material": "9.8.2", "sha256": theme_shadows.sha256(upstream / "base.html")},
        "partials/a.html": {"material": "9.8.2", "sha256": theme_shadows.sha256(upstream / "partials/a.html")},
        "partials/gone.html": {"material": "9.8.2", "sha256": "0" * 64},
    }, record)
    assert theme_shadows.shadowing_files(overrides, upstream) == ["base.html", "partials/a.html", "partials/new.html"]
    (upstream / "partials" / "a.html").write_text("upstream changed")
    found = {f.path: f.message for f in theme_shadows.findings(overrides, record, upstream)}
    assert set(found) == {"partials/a.html", "partials/new.html", "partials/gone.html"}
    assert "differs from the 9.8.2 file" in found["partials/a.html"]
    assert "has no record" in found["partials/new.html"]
    assert "no longer shadows" in found["partials/gone.html"]
