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
	$(PIP) install --quiet -c requirements.lock -e ".[model,dev,png]"
	touch $@

install: $(VENV)/.installed

demo: install
	@mkdir -p out
	$(VENV)/bin/entente run examples/syria-2015-2016 --db $(DB) || test $$? -eq 1
	$(VENV)/bin/entente dyads --db $(DB) --level country --window year --evidence 0 --limit 12
	$(VENV)/bin/entente blocs --db $(DB) --level country --window 2y --at 2016-12-31
	$(VENV)/bin/entente shifts --db $(DB) --from 2015-01..2015-10 --to 2015-11..2016-05
	$(VENV)/bin/entente shifts --db $(DB) --from 2015-11..2016-05 --to 2016-06..2016-12
	$(VENV)/bin/entente stakeholders --db $(DB) --topic syria-peace-talks
	$(VENV)/bin/entente report --db $(DB) --topic syria-peace-talks --out out/report.html
	@echo "Report: out/report.html (open it in a browser; it works offline)"
	@echo "Dashboard: $(VENV)/bin/entente serve --db $(DB)   then open http://127.0.0.1:8765/"

test: install
	$(PY) -m pytest -q

# The whole InsightCrime corpus, 1 and 2 processes and Dask, against bare spaCy (about 10 minutes);
# BENCH_ARGS="--articles 400" for a quick look, "--ner" ... see bench/run.py --help.
bench: install
	$(PY) bench/run.py --articles 0 --dask $(BENCH_ARGS)

lint: install
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/ruff format --check src tests bench

clean:
	rm -rf $(VENV) out .pytest_cache build *.egg-info src/*.egg-info
