"""The generated nginx server block: every location carries the security headers (nginx drops
the server's add_header lines in a location with its own), the policy goes with documents."""
import re

from kennisplein import webserver


def _locations(config: str) -> dict[str, str]:
    return {m.group(1): m.group(2) for m in re.finditer(r"location (.+?) \{\n(.*?)\n    \}", config, re.S)}


def test_every_serving_location_has_the_headers_and_documents_the_policy(tmp_path):
    (tmp_path / "index.html").write_text("<script>var a = 1;</script>", encoding="utf-8")
    config = webserver.nginx_config(tmp_path, https=True)
    locations = _locations(config)
    assert len(locations) == 6, locations.keys()
    for pattern, body in locations.items():
        if "return 404" in body:
            continue  # answered by the 404 page, from "location /"
        for name in [*webserver.SECURITY_HEADERS, "Strict-Transport-Security"]:
            assert body.count(f"add_header {name} ") == 1, (pattern, name)
        assert ("Content-Security-Policy" in body) == (pattern in ("/", '~* "\\.svg$"')), pattern
    assert "'sha256-" in locations["/"]
    server_level = config.split("server {", 1)[1].split("\n    location", 1)[0]
    assert "add_header" not in server_level, "no server-level headers: a location would drop them"


def test_no_hsts_over_plain_http(tmp_path):
    assert "Strict-Transport-Security" not in webserver.nginx_config(tmp_path)
