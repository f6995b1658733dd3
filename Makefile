# The two commands a new user runs: `make reports` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
YEAR   ?= 2018
JOBS   ?= 2
LANGS  ?= all

.PHONY: reports test test-fast constraints lint sample docs messages lab benchmark clean

TEMPLATES := $(VENV)/share/jupyter/nbconvert/templates

# Exact versions from constraints.txt (pyproject.toml has the compatible ranges).
# The package is installed editable; an editable install does not place the
# nbconvert template where `jupyter nbconvert --template htmss` looks (a wheel
# does), so link it there: the link always shows the checkout's current template.
$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "Python 3.11 or newer is needed (found: $$($(PYTHON) --version))"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	mkdir -p $(TEMPLATES)
	ln -sfn $(CURDIR)/src/htmss_analysis/templates/htmss $(TEMPLATES)/htmss
	touch $(STAMP)

# The highlights, the programme reports and a brief of each country where the section
# worked in the year, in every language (LANGS=en for English only); then open
# reports/index.html.
reports: $(STAMP)
	$(BIN)/htmss-analysis build --year $(YEAR) --jobs $(JOBS) --config config/public-sources.toml \
		--lang $(LANGS)

# In parallel, one worker a core (pytest-xdist); a module's shared build stays on one worker.
PYTEST := $(BIN)/python -m pytest -n auto --dist loadgroup

test: $(STAMP)
	$(BIN)/ruff check .
	$(PYTEST)

# The inner loop: everything but the tests that build reports, install the package
# afresh or drive a browser.
test-fast: $(STAMP)
	$(PYTEST) -m "not slow and not browser"

# Refresh constraints.txt after changing a range in pyproject.toml.
constraints: $(STAMP)
	{ echo "# Exact versions of every package the Makefile installs (make constraints)."; \
	  $(BIN)/python -m pip freeze --exclude-editable | grep -v '^htmss-analysis'; } > constraints.txt

lint: $(STAMP)
	$(BIN)/ruff check .

# Regenerate the synthetic sample data (byte-identical on every run), once: in the package,
# which ships it for h.load() without a folder; data/sample is a link to it. The generator
# is a development tool (tools/), not part of the installed package.
sample: $(STAMP)
	$(BIN)/python tools/make_sample.py --out src/htmss_analysis/sample_data

docs: $(STAMP)
	$(BIN)/htmss-analysis docs --out docs

# After changing the package's words: extract them (babel.cfg) and update the French and
# Spanish catalogs; then translate the new entries (tests/test_catalogs.py lists them).
messages: $(STAMP)
	mkdir -p build
	$(BIN)/pybabel extract -F babel.cfg --no-location --sort-output --add-comments NOTE: \
		--project htmss-analysis \
		-o build/htmss_analysis.pot .
	$(BIN)/pybabel update -i build/htmss_analysis.pot -d src/htmss_analysis/locale \
		-D htmss_analysis --no-fuzzy-matching --ignore-obsolete -w 100

benchmark: $(STAMP)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test,bench]'
	$(BIN)/python benchmarks/bench_glotip.py
	$(BIN)/python benchmarks/bench_build.py
	$(BIN)/python benchmarks/bench_briefs.py
	$(BIN)/python benchmarks/bench_large.py

lab: $(STAMP)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test,lab]'
	$(BIN)/jupyter lab notebooks

clean:
	rm -rf reports/*/ .pytest_cache
