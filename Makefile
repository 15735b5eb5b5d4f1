# Two commands set up everything on a fresh machine: `make build` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: build test lint snapshots bench docs system-deps clean

system-deps:
	@bash .ci/system-deps

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.test-installed: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

## build: check the content and write every artifact into build/
build: system-deps $(VENV)/.installed
	$(BIN)/briefwright build

## test: ruff (lint + format), mypy, then the whole pytest suite
test: system-deps lint
	$(BIN)/pytest

lint: $(VENV)/.test-installed
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

## snapshots: regenerate the snapshot files; read the diff before committing it
snapshots: system-deps $(VENV)/.test-installed
	$(BIN)/pytest --snapshot-update

## docs: regenerate docs/cli.md, the codes in docs/checks.md, the import graph and
## docs/schemas/ from the code (tests fail while any is stale)
docs: system-deps $(VENV)/.test-installed
	$(BIN)/python -m briefwright.cli.docs .
	dot -Tsvg docs/imports.dot -o docs/imports.svg
	$(BIN)/briefwright schema --out docs/schemas

## bench: speed and memory against raw WeasyPrint (figures printed, nothing asserted)
bench: system-deps $(VENV)/.test-installed
	$(BIN)/python benchmarks/bench.py

clean:
	rm -rf build
