"""The front-end bundle: order kept, scripts isolated from each other, minified, name follows content."""
import pytest

from kennisplein import assets


@pytest.fixture
def roots(tmp_path):
    docs, theme = tmp_path / "docs", tmp_path / "theme"
    (docs / "a").mkdir(parents=True)
    (theme / "a").mkdir(parents=True)
    (theme / "a" / "one.js").write_text("(function () { throw new Error('x'); })()", encoding="utf-8")
    (theme / "a" / "two.js").write_text("(function () { window.two = 1; })();\n", encoding="utf-8")
    (docs / "a" / "two.js").write_text("(function () { window.two = 2; })();\n", encoding="utf-8")
    return [docs, theme]


def test_order_kept_docs_before_theme_and_each_script_isolated(roots):
    bundle = assets.bundle(["a/one.js", "a/two.js"], roots, "assets/javascripts", "kennisplein", "js")
    assert bundle.content.index("a/one.js") < bundle.content.index("a/two.js")
    assert "window.two=2" in bundle.content and "window.two=1" not in bundle.content
    assert bundle.content.count("try {") == 2 and bundle.content.count("catch (error)") == 2
    assert bundle.path.startswith("assets/javascripts/kennisplein.") and bundle.path.endswith(".min.js")


def test_name_changes_with_content(roots):
    first = assets.bundle(["a/two.js"], roots, "x", "k", "js").path
    (roots[0] / "a" / "two.js").write_text("(function () { window.two = 3; })();\n", encoding="utf-8")
    assert assets.bundle(["a/two.js"], roots, "x", "k", "js").path != first


def test_missing_file_is_a_clear_error(roots):
    with pytest.raises(assets.AssetError, match="a/none.css: not found"):
        assets.bundle(["a/none.css"], roots, "x", "k", "css")


def test_parts_are_minified_and_keep_their_names(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.js").write_text("/* why */\n(function () {\n  var text = '/* kept */';  // note\n  window.one = /a\\/b/.test(text);\n})();\n", encoding="utf-8")
    (tmp_path / "a" / "one.css").write_text("/* why */\n.kp-a  >  .kp-b {\n  color : #000 ;\n}\n", encoding="utf-8")
    js = assets.bundle(["a/one.js"], [tmp_path], "x", "k", "js").content
    assert "why" not in js and "note" not in js and "'/* kept */'" in js and "/a\\/b/.test(text)" in js
    assert js.startswith("/* a/one.js */\n")
    css = assets.bundle(["a/one.css"], [tmp_path], "x", "k", "css").content
    assert css == "/* a/one.css */\n.kp-a>.kp-b{color:#000}\n"
