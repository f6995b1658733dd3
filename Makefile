# The two commands a new user runs: `make reports` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
YEAR   ?= 2018
JOBS   ?= 2

.PHONY: reports test lint sample docs lab benchmark clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "Python 3.11 or newer is needed (found: $$($(PYTHON) --version))"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -m ipykernel install --sys-prefix --name htmss-analysis \
	  --display-name "Python (htmss-analysis)" >/dev/null
	touch $(STAMP)

reports: $(STAMP)
	$(BIN)/htmss-analysis build --year $(YEAR) --jobs $(JOBS) --config config/public-sources.toml

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .

# Regenerate the synthetic sample data (byte-identical on every run).
sample: $(STAMP)
	$(BIN)/htmss-analysis make-sample --out data/sample

docs: $(STAMP)
	$(BIN)/htmss-analysis docs --out docs

benchmark: $(STAMP)
	$(BIN)/python benchmarks/bench_glotip.py

lab: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,lab]'
	$(BIN)/jupyter lab notebooks

clean:
	rm -rf reports/*/ .pytest_cache
