# `make serve` and `make test` set everything up on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

.PHONY: setup serve test build check lint clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

/usr/bin/chromium:
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium

lint: setup
	$(PY) -m ruff check .
	$(PY) -m ruff format --check toolkit tests

test: setup /usr/bin/chromium lint
	$(PY) -m toolkit validate thresholds.yml
	$(PY) -m pytest

clean:
	rm -rf site build dist .pytest_cache
