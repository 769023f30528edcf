# entente: `make demo` sets everything up and runs the example; `make test` runs the tests.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip
DB     ?= out/demo.duckdb

.PHONY: install demo test bench lint clean

$(VENV)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -c requirements.lock -e ".[model,dev]"
	touch $@

install: $(VENV)/.installed

demo: install
	@mkdir -p out
	$(VENV)/bin/entente run examples/syria-2015-2016 --db $(DB)

test: install
	$(PY) -m pytest -q

bench: install
	$(PY) bench/run.py

lint: install
	$(VENV)/bin/ruff check src tests bench

clean:
	rm -rf $(VENV) out .pytest_cache build *.egg-info src/*.egg-info
