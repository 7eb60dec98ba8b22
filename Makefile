# One entry point for people and CI alike: the workflows call these same targets.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
DATA ?= data
SITE ?= site
PYTEST ?= $(PY) -m pytest

.PHONY: setup browser office serve build validate workbook test check benchmark clean

setup: $(VENV)/.installed
$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

# Headless Chromium (Debian's, launched by path) and axe-core (npm, pinned in package-lock.json).
browser: node_modules/.installed
	@command -v chromium >/dev/null || scripts/install_chromium.sh
node_modules/.installed: package.json package-lock.json
	npm ci --silent --no-audit --no-fund
	touch $@

# LibreOffice Calc (Debian's, headless) and a Thai font: the workbook tests re-save workbooks with it.
office:
	@scripts/install_libreoffice.sh

validate: setup
	$(PY) scripts/validate.py data

# The maintainers' workbook of the data (also on the site, beside the downloads).
workbook: setup
	$(PY) scripts/make_workbook.py

build: setup
	$(PY) scripts/build.py

serve: build
	@echo "Serving the built site at http://127.0.0.1:$(PORT)/  (Ctrl+C stops)"
	$(PY) -m http.server --bind 127.0.0.1 --directory site $(PORT)

test: setup browser office
	$(PY) -m pytest -n 2

# What a pull request runs, in order: validate (GitHub annotations), strict build, tests.
# Each step stops the check if it fails. (DATA, SITE and PYTEST are for the test that
# runs these same steps on a fixture package.)
check: setup browser office
	$(PY) scripts/validate.py $(DATA) --format github
	$(PY) scripts/build.py --data $(DATA) --site-dir $(SITE)
	$(PYTEST)

benchmark: setup
	$(PY) scripts/benchmark.py

clean:
	rm -rf site bench .pytest_cache
