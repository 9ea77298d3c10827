#!/usr/bin/env bash
# Fetches the search's browser libraries from the npm registry with `npm pack`
# (no CDN at run time) and copies the files the site serves into
# overrides/assets/javascripts/vendor/. Run it only to upgrade; the files are committed.
#
#   lunr@2.3.9            lunr.min.js (MIT; its licence header is in the file)
#   lunr-languages@1.14.0 lunr.stemmer.support.js, lunr.nl.js (MPL 1.1; unmodified source with its header)
#
# lunr.js must stay at the version lunr.py writes its indexes for (lunr.__TARGET_JS_VERSION__).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
DEST="$ROOT/overrides/assets/javascripts/vendor"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
npm pack --silent lunr@2.3.9 lunr-languages@1.14.0 >/dev/null
mkdir lunr languages
tar xzf lunr-2.3.9.tgz -C lunr
tar xzf lunr-languages-1.14.0.tgz -C languages
mkdir -p "$DEST"
cp lunr/package/lunr.min.js "$DEST/lunr.min.js"
cp languages/package/lunr.stemmer.support.js languages/package/lunr.nl.js "$DEST/"
# The checksums of the committed files; a change means the registry served something else.
(cd "$DEST" && sha256sum --check --quiet <<'SUMS'
0c50d9002b85780a842afffb567bb54ede402dae7c6dc5997a018614d8044fc8  lunr.min.js
9acfb121aae107828dc54f15cf779ef4a151cdaaade158be705a26e6e96ec618  lunr.stemmer.support.js
72f0cd46480beb723a4580a6c03f1908bdd76d7b2fc1630352ff3006a622e6c5  lunr.nl.js
SUMS
)
echo "vendored into $DEST: lunr.min.js lunr.stemmer.support.js lunr.nl.js (checksums match)"
