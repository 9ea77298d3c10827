# Two commands for a new user: `make serve` and `make test`. Everything else is for editors and CI.
SHELL := /bin/bash
export NO_MKDOCS_2_WARNING := 1
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
RUNTIME_STAMP := $(VENV)/.runtime-installed
TEST_STAMP := $(VENV)/.test-installed
SITE_DIR ?= site

.PHONY: serve build offline check new test test-unit test-site test-browser bench screenshots clean help

help:
	@echo "make serve   - serve the site with live reload on http://127.0.0.1:8000"
	@echo "make test    - install what the tests need and run the whole suite"
	@echo "make build   - strict build into $(SITE_DIR)/ (the previous site stays if it fails)"
	@echo "make check   - validate the content only (fast)"
	@echo "make new TITLE=\"Titel\" - create a new knowledge product with both versions"
	@echo "make build ORG=path/to/organisation.yml - build an organisation's own copy into build/<slug>/site"
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
serve: $(RUNTIME_STAMP)
ifdef ORG
	$(PY) scripts/organisation_build.py --serve "$(ORG)"
else
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000 --livereload --dirty --no-strict
endif

build: $(RUNTIME_STAMP)
ifdef ORG
	$(PY) scripts/organisation_build.py "$(ORG)"
else
	$(PY) scripts/cli.py build --site-dir $(SITE_DIR)
endif

# A ZIP that works from file:// (USB stick, closed network); ORG=... for an organisation's copy.
offline: $(RUNTIME_STAMP)
	$(PY) scripts/organisation_build.py --offline $(if $(ORG),"$(ORG)",)

check: $(RUNTIME_STAMP)
	$(PY) scripts/cli.py check

new: $(RUNTIME_STAMP)
	@test -n "$(TITLE)" || { echo 'usage: make new TITLE="Titel van het product"'; exit 2; }
	$(PY) scripts/cli.py new "$(TITLE)"

test: $(TEST_STAMP)
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

test-browser: $(TEST_STAMP)
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
