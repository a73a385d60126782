# `make serve` and `make test` set everything up on a fresh machine:
# a Python venv, the pinned npm packages, and Debian's chromium for browser tests.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
export NO_MKDOCS_2_WARNING := 1
# Python keeps the bytecode it compiles (__pycache__, ignored by git), whatever the shell says: a machine that
# sets PYTHONDONTWRITEBYTECODE (this one does) otherwise has every process compile every module it imports
# from source, every time: each test worker, each site build's three stages, scipy for the agreement tests.
# Collecting the tests took 11.7 s of CPU with it set and 4.2 s without, from the second run on.
unexport PYTHONDONTWRITEBYTECODE
# The site engine for `make build`: mkdocs (MkDocs + Material for MkDocs) or zensical.
SITE_ENGINE ?= mkdocs
THRESHOLDS_FILE ?= thresholds.yml
SOURCES := build/sources
# `make test`'s pytest-xdist workers. Each test file runs whole on one worker (its module fixtures, such as
# a browser walk or a poisoned site, are made once); each site is built once per run, whichever worker
# asks first (tests/sitebuild.py). Two suits a 2-core machine; more cores can take more:
# `make test TEST_WORKERS=auto`.
TEST_WORKERS ?= 2

.PHONY: setup lock serve test check test-zensical build lint dist bench clean

setup: $(VENV)/.installed node_modules/.installed

# The exact versions in requirements-dev.txt (the lock file, from `make lock`), then this project itself:
# a Material release can change the inline scripts whose hashes the CSP pins (toolkit/publish/csp.py).
# --no-compile: pip byte-compiles nothing at install; Python compiles a module the first time it is imported
# (and keeps it: PYTHONDONTWRITEBYTECODE is unexported above),
# so only what runs is compiled (a fresh venv: about 31 s of CPU -> 20 s).
$(VENV)/.installed: pyproject.toml requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --no-compile --upgrade pip
	$(PY) -m pip install --quiet --no-compile -r requirements-dev.txt
	$(PY) -m pip install --quiet --no-compile --no-deps --no-build-isolation -e '.[dev]'
	touch $@

# Re-pin every Python dependency at its newest allowed version (pyproject.toml's ranges); commit the result.
lock: setup
	$(PY) -m pip install --quiet pip-tools
	$(PY) -m piptools compile --quiet --upgrade --extra dev --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links -o requirements-dev.txt pyproject.toml
	# pip-compile pins the toolkit itself as a folder (its dev extra names its other extras):
	# `levels-of-need-toolkit @ file:///...`, this checkout's path. Drop it and its comment lines: setup
	# installs this checkout with `pip install -e .`, and another machine has no such folder.
	awk '/^levels-of-need-toolkit @ /{skip=1; next} skip && /^ +#/{next} {skip=0; print}' requirements-dev.txt > requirements-dev.txt.new
	mv requirements-dev.txt.new requirements-dev.txt

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

/usr/bin/chromium:
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium

# Three stages: the partnership's Markdown and engine config into $(SOURCES); the engine turns it
# into HTML in site/; then the checker, CSP, markup fixes, _headers and the offline copy are added.
build: setup
	$(PY) -m toolkit sources --engine $(SITE_ENGINE) --thresholds $(THRESHOLDS_FILE) --out $(SOURCES)
	$(PY) -m toolkit engine --engine $(SITE_ENGINE) --sources $(SOURCES) --site site
	$(PY) -m toolkit finish --engine $(SITE_ENGINE) --thresholds $(THRESHOLDS_FILE) --site site

# A zip of site/ for an intranet server, and an nginx snippet with the site's headers.
dist: build
	$(PY) -m toolkit dist --site site --out dist

# Speed and bytes over the wire, in headless Chromium on 127.0.0.1 and two emulated networks (not part of
# `make test`; about ten minutes): prints a table, writes bench/latest.json and docs/performance.md from it.
bench: setup /usr/bin/chromium /usr/bin/WebKitWebDriver /usr/bin/Xvfb $(VENV)/.selenium
	$(PY) bench/run.py
	$(PY) bench/webkit_phone.py

# What bench/webkit_phone.py needs for the WebKit figure: WebKitGTK's WebDriver (its MiniBrowser comes
# with it), a virtual display, and Selenium (only the benchmark uses it, so not in requirements-dev.txt).
/usr/bin/WebKitWebDriver:
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq webkit2gtk-driver

/usr/bin/Xvfb:
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq xvfb

$(VENV)/.selenium: $(VENV)/.installed
	$(PY) -m pip install --quiet --no-compile selenium==4.51.0
	touch $@

# MkDocs + Material, rebuilding when thresholds.yml, docs/, toolkit/ or hooks/ change.
serve: setup
	THRESHOLDS_FILE=$(THRESHOLDS_FILE) $(PY) -m mkdocs serve --strict --dev-addr 127.0.0.1:8000

lint: setup
	$(PY) -m ruff check .
	$(PY) -m ruff format --check core toolkit tests hooks bench

# Validating both partnerships' files and verifying their scenarios are tests too
# (tests/toolkit/test_cli.py), so they are not run again before pytest. --no-loadscope-reorder keeps
# the order tests/conftest.py gives the files, the heaviest first, so that both workers end together.
test: setup /usr/bin/chromium lint
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder --durations=25

# The inner loop, under a minute: lint and every test not marked slow (no site build, no browser, no
# subprocess fuzzing; tests/conftest.py marks them), each property test on a twentieth of its generated
# examples (the "check" profile). `make test` runs everything, in full. tests/browser is not even collected:
# every test there drives Chromium (so is slow), and importing its Playwright fixtures costs each worker time.
check: setup
	$(PY) -m ruff check .
	$(PY) -m pytest -q -m "not slow" -n $(TEST_WORKERS) --hypothesis-profile=check --ignore=tests/browser

# Only the tests that build or drive the Zensical site (`make test` runs them too).
test-zensical: setup /usr/bin/chromium
	$(PY) -m pytest -k zensical

clean:
	rm -rf site build dist .pytest_cache core/build core/*.egg-info
