# orgraph: `make run` starts the app, `make test` runs the whole suite (both install what they need).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501
NEO4J_PASSWORD ?= orgraph-test
export NEO4J_PASSWORD

# Debian packages: Graphviz and a CJK font for diagrams; chromium for the browser tests.
APP_DEBS := graphviz fonts-noto-cjk
TEST_DEBS := chromium
APT_MISSING = $(shell for p in $(1); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done)

.PHONY: run test venv system-deps test-deps neo4j-start neo4j-stop bench lint clean

$(VENV)/.installed: requirements.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	@$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

venv: $(VENV)/.installed

system-deps:
	@missing="$(call APT_MISSING,$(APP_DEBS))"; if [ -n "$$missing" ]; then \
	  echo "installing Debian packages: $$missing"; \
	  $(if $(filter 0,$(shell id -u)),,sudo) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(if $(filter 0,$(shell id -u)),,sudo) apt-get install -y -qq --no-install-recommends $$missing >/dev/null; fi

test-deps: system-deps
	@missing="$(call APT_MISSING,$(TEST_DEBS))"; if [ -n "$$missing" ]; then \
	  echo "installing Debian packages: $$missing"; \
	  $(if $(filter 0,$(shell id -u)),,sudo) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(if $(filter 0,$(shell id -u)),,sudo) apt-get install -y -qq --no-install-recommends $$missing >/dev/null; fi

run: venv system-deps
	$(VENV)/bin/streamlit run serve.py --server.port $(PORT) --server.headless true

neo4j-start: venv
	@bash scripts/neo4j-server/start.sh

neo4j-stop:
	@bash scripts/neo4j-server/stop.sh

# Starts the local Neo4j server (unless NEO4J_URI points at your own), runs everything, stops the server.
test: venv test-deps
	@if [ -z "$$NEO4J_URI" ]; then bash scripts/neo4j-server/start.sh || exit 1; fi; \
	$(PY) -m pytest $(PYTEST_ARGS); status=$$?; \
	if [ -z "$$NEO4J_URI" ]; then bash scripts/neo4j-server/stop.sh; fi; \
	exit $$status

bench: venv
	@$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-bench.txt
	$(PY) -m bench.bench_networkx
	$(PY) -m bench.bench_cache
	$(PY) -m bench.bench_diff
	$(PY) -m bench.bench_export
	@bash scripts/neo4j-server/start.sh && $(PY) -m bench.bench_neo4j; bash scripts/neo4j-server/stop.sh

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache tests/artifacts

# Quality gates (CI runs them before the suite): lint, formatting, strict types of the core, and the doctests.
DOCTEST_PATHS := graph loaders exporters views queries usecases cli_commands service.py settings.py cli.py i18n
lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(PY) -m pytest -q -p no:cacheprovider --doctest-modules $(DOCTEST_PATHS)
