# Two commands for a new user: `make serve` and `make test`. Everything else is for editors and CI.
SHELL := /bin/bash
export NO_MKDOCS_2_WARNING := 1
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
RUNTIME_STAMP := $(VENV)/.runtime-installed
TEST_STAMP := $(VENV)/.test-installed
SITE_DIR ?= site
# ENGINE=properdocs builds and serves with ProperDocs (the maintained fork of MkDocs 1.x) instead of
# MkDocs; same mkdocs.yml, hooks and theme (README "Switching to ProperDocs", scripts/ENGINE.md).
ENGINE ?= mkdocs
export KENNISPLEIN_ENGINE := $(ENGINE)

.PHONY: serve edit build offline check new test test-unit test-site test-browser bench screenshots clean help

help:
	@echo "make serve   - serve the site with live reload on http://127.0.0.1:8000"
	@echo "make test    - install what the tests need and run the whole suite"
	@echo "make build   - strict build into $(SITE_DIR)/ (the previous site stays if it fails)"
	@echo "make check   - validate the content only (fast); ORG=path/to/organisation.yml for an organisation's copy"
	@echo "make new TITLE=\"Titel\" - create a new knowledge product with both versions"
	@echo "make edit    - the browser editor on http://127.0.0.1:8000/admin/ (ORG=... for an organisation's own folder)"
	@echo "make build ORG=path/to/organisation.yml - build an organisation's own copy into build/<slug>/site"
	@echo "make build ENGINE=properdocs - the same build with ProperDocs instead of MkDocs (also serve)"
	@echo "make screenshots - full-page PNGs of every page type at 360x740 and 1280x800 into build/screenshots/"

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(RUNTIME_STAMP): requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(TEST_STAMP): requirements-test.txt $(RUNTIME_STAMP)
	$(PY) -m pip install --quiet -r requirements-test.txt
	touch $@

# ORG=path/to/organisation.yml builds or previews an organisation's own copy into build/<slug>/.
# The path reaches Python through the environment, exactly as typed (see TITLE below).
unexport ORG
export KENNISPLEIN_ORG := $(value ORG)
serve: $(RUNTIME_STAMP)
ifdef ORG
	$(PY) scripts/organisation_build.py --serve "$$KENNISPLEIN_ORG"
else
	$(PY) -m $(ENGINE) serve --dev-addr 127.0.0.1:8000 $(if $(filter mkdocs,$(ENGINE)),--livereload) --dirty --no-strict
endif

# The browser editor (Decap CMS) with its preview, on 127.0.0.1 only; never part of a build.
EDITOR_STAMP := scripts/editor/node_modules/.installed
$(EDITOR_STAMP): scripts/editor/package-lock.json
	@command -v npm >/dev/null 2>&1 || { echo "The editor needs npm (Node.js): apt-get install npm, then run make edit again" >&2; exit 1; }
	npm ci --prefix scripts/editor --no-audit --no-fund
	touch $@

# ORG reaches the editor as KENNISPLEIN_ORG (above), never through the shell.
edit: $(RUNTIME_STAMP) $(EDITOR_STAMP)
	$(PY) scripts/editor/edit.py

build: $(RUNTIME_STAMP)
ifdef ORG
	$(PY) scripts/organisation_build.py "$$KENNISPLEIN_ORG"
else
	$(PY) scripts/cli.py build --site-dir $(SITE_DIR)
endif

# A ZIP that works from file:// (USB stick, closed network); ORG=... for an organisation's copy.
offline: $(RUNTIME_STAMP)
ifdef ORG
	$(PY) scripts/organisation_build.py --offline "$$KENNISPLEIN_ORG"
else
	$(PY) scripts/organisation_build.py --offline
endif

# ORG=path/to/organisation.yml validates an organisation's copy (its file, local pages, contacts) without building.
check: $(RUNTIME_STAMP)
ifdef ORG
	$(PY) scripts/organisation_build.py --check "$$KENNISPLEIN_ORG"
else
	$(PY) scripts/cli.py check
endif

# The title reaches Python through the environment, exactly as typed: never expanded by make
# ($(value ...)) nor put into a shell command line (quotes, backticks and $ stay text).
unexport TITLE
export KENNISPLEIN_TITLE := $(value TITLE)
new: $(RUNTIME_STAMP)
	$(PY) scripts/cli.py new

test: $(TEST_STAMP) $(EDITOR_STAMP)
	bash scripts/install-system-deps.sh
	@# axe-core and the Nu Html Checker for the accessibility tests (tests/browser/package-lock.json)
	@if [ ! -d tests/browser/node_modules ] || [ tests/browser/package-lock.json -nt tests/browser/node_modules ]; then \
	  command -v npm >/dev/null 2>&1 || { echo "The accessibility tests need npm (Node.js) to install axe-core and the Nu Html Checker: apt-get install npm, then run make again" >&2; exit 1; }; \
	  npm ci --prefix tests/browser --no-audit --no-fund && touch tests/browser/node_modules; \
	fi
	$(PY) -m pytest

test-unit: $(TEST_STAMP)
	$(PY) -m pytest tests/unit

test-site: $(TEST_STAMP)
	$(PY) -m pytest tests/site

test-browser: $(TEST_STAMP) $(EDITOR_STAMP)
	bash scripts/install-system-deps.sh
	@# axe-core and the Nu Html Checker for the accessibility tests (tests/browser/package-lock.json)
	@if [ ! -d tests/browser/node_modules ] || [ tests/browser/package-lock.json -nt tests/browser/node_modules ]; then \
	  command -v npm >/dev/null 2>&1 || { echo "The accessibility tests need npm (Node.js) to install axe-core and the Nu Html Checker: apt-get install npm, then run make again" >&2; exit 1; }; \
	  npm ci --prefix tests/browser --no-audit --no-fund && touch tests/browser/node_modules; \
	fi
	$(PY) -m pytest tests/browser

# Full-page PNGs of every page type at a phone and a desktop width, to look at the whole site in a minute.
screenshots: $(TEST_STAMP)
	bash scripts/install-system-deps.sh
	$(PY) scripts/tools/screenshots.py $(SCREENSHOT_ARGS)

clean:
	rm -rf $(SITE_DIR) .pytest_cache .hypothesis

# Builds against plain mkdocs-material, the editing loop and page weight, then search in the browser:
# both write their section of BENCHMARKS.md. About half an hour on 2 cores.
bench: $(TEST_STAMP)
	bash scripts/install-system-deps.sh
	$(PY) scripts/bench/build_bench.py $(BENCH_ARGS)
	$(PY) scripts/bench/search_bench.py $(SEARCH_BENCH_ARGS)
