# newsgraph: two commands a new user needs (see README):
#   make demo   create .venv, install, analyse the bundled demo corpus and show what was found
#   make test   create/update .venv and run the test suite (lint + every test not marked slow)
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO_DB ?= demo.duckdb

.PHONY: demo test test-slow test-browser lint docs venv clean kb train-events

venv: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

demo: venv
	rm -f $(DEMO_DB) $(DEMO_DB).wal
	$(BIN)/newsgraph ingest examples/articles --db $(DEMO_DB)
	$(BIN)/newsgraph read examples/articles/01-csto-yerevan-summit.txt --format text
	@echo; echo "== most reported actors"; $(BIN)/newsgraph actors --db $(DEMO_DB) --limit 15
	@echo; echo "== quotes"; $(BIN)/newsgraph quotes --db $(DEMO_DB) --limit 15
	@echo; echo "== events"; $(BIN)/newsgraph events --db $(DEMO_DB) --limit 20

lint: venv
	$(BIN)/ruff check src tests benchmarks scripts

# the default suite: lint and every test not marked slow (CI runs test-slow after it)
test: venv lint
	$(BIN)/python -m pytest -q -m "not slow"

test-slow: venv
	$(BIN)/python -m pytest -q -m "slow"

docs: venv
	$(BIN)/python scripts/gen_cli_docs.py > docs/cli.md

kb: venv
	$(BIN)/python -m newsgraph.kb.build --sources ../shared/data/kb --out src/newsgraph/kb/data

# the learned event detector: rebuilt from the tune parts of ../shared/data (settings and seed in
# src/newsgraph/events/model/train.toml) into src/newsgraph/events/model/detector.npz
train-events: venv
	$(BIN)/python -m newsgraph.events.model.train --shared ../shared

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB).wal .pytest_cache .ruff_cache build *.egg-info src/*.egg-info
