# Two commands for a newcomer: `make book` and `make test`. Everything else is a helper of those.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: book serve test lab bench lint clean setup chromium

setup: $(STAMP) node_modules/.installed

$(STAMP): requirements.txt pyproject.toml binder/overrides.json
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps -e .
	# MyST chapters open as notebooks in JupyterLab (jupytext), as on Binder.
	mkdir -p $(VENV)/share/jupyter/lab/settings
	cp binder/overrides.json $(VENV)/share/jupyter/lab/settings/overrides.json
	touch $(STAMP)

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

book: setup
	$(VENV)/bin/jupyter-book build . -W -n --keep-going
	@echo ""
	@echo "Book built: open _build/html/index.html in a browser, or run 'make serve'"
	@echo "and visit http://$(HOST):$(PORT)/"

serve:
	@test -f _build/html/index.html || $(MAKE) book
	$(PY) -m http.server --bind $(HOST) --directory _build/html $(PORT)

# Debian's Chromium where apt works (CI, this machine); elsewhere Playwright's own browser.
chromium:
	@if [ -x /usr/bin/chromium ]; then echo "chromium: /usr/bin/chromium"; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = "0" ]; then \
		apt-get update -qq && apt-get install -y -qq chromium; \
	else $(PY) -m playwright install chromium; fi

lint: setup
	$(VENV)/bin/ruff check .

test: setup chromium
	$(VENV)/bin/ruff check .
	$(PY) -m pytest

lab: setup
	$(VENV)/bin/jupyter lab chapters/

bench: setup chromium
	@for script in bench/[!_]*.py; do echo "== $$script"; $(PY) $$script || exit 1; done

clean:
	rm -rf _build
