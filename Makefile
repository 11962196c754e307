# newslens developer commands. `make demo` and `make test` set everything up themselves.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# Every first-party plugin and every example plugin is its own distribution.
PLUGIN_DISTS := $(patsubst %/pyproject.toml,%,$(wildcard plugins/*/pyproject.toml examples/*/pyproject.toml))
STAMP := $(VENV)/.installed
DEMO_ARTICLE ?= examples/articles/harbour-bridge.txt
DEMO_PUBLISHED ?= 2024-02-15

.PHONY: setup demo test lint typecheck pytest docs doctest clean

setup: $(STAMP)

$(STAMP): pyproject.toml $(addsuffix /pyproject.toml,$(PLUGIN_DISTS))
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check \
		-e '.[stanza,html,dask,dev]' $(addprefix -e ,$(PLUGIN_DISTS))
	touch $(STAMP)

demo: setup
	$(BIN)/newslens analyze $(DEMO_ARTICLE) --published $(DEMO_PUBLISHED) --format text

lint: setup
	$(BIN)/ruff check src tests plugins examples benchmarks docs

typecheck: setup
	$(BIN)/mypy src/newslens $(dir $(wildcard $(addsuffix /src/*/__init__.py,$(PLUGIN_DISTS))))

pytest: setup
	$(BIN)/pytest tests $(PLUGIN_DISTS)

docs: setup
	$(BIN)/sphinx-build -q -W -n -b html docs docs/_build/html

doctest: setup
	$(BIN)/sphinx-build -q -W -n -b doctest docs docs/_build/doctest

test: lint typecheck pytest docs doctest

clean:
	rm -rf $(VENV) docs/_build .pytest_cache .mypy_cache .ruff_cache
