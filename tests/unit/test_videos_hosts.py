"""Embed hosts: read from mkdocs.yml for `make check`, and allowed by the nginx CSP only when a page embeds them."""
from __future__ import annotations

from kennisplein import webserver
from kennisplein.videos import hosts


def test_hosts_from_mkdocs_config(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\nmarkdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
                      "extra:\n  video_hosts: [video.voorbeeldlinde.example]\n", encoding="utf-8")
    assert hosts.from_mkdocs_config(config) == ["video.voorbeeldlinde.example"]
    config.write_text("site_name: x\n", encoding="utf-8")
    assert hosts.from_mkdocs_config(config) == []


def test_csp_frames_only_the_hosts_pages_embed(tmp_path):
    (tmp_path / "index.html").write_text("<html><body>geen video</body></html>", encoding="utf-8")
    assert "frame-src 'none'" in webserver.content_security_policy(tmp_path)
    (tmp_path / "video.html").write_text('<div data-kp-embed data-kp-embed-host="www.youtube-nocookie.com"></div>', encoding="utf-8")
    csp = webserver.content_security_policy(tmp_path, ["video.voorbeeldlinde.example"])
    assert "frame-src https://video.voorbeeldlinde.example https://www.youtube-nocookie.com;" in csp
