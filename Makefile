# Two commands on a fresh machine: `make demo` (main job on the built-in sandbox tenant) and
# `make test` (the suite). Both create the virtualenv from the lock file if it is missing.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_OUT ?= m365inv-demo
PYTEST_WORKERS ?= 2

.PHONY: venv demo test test-fast lint fmt bench lock readme clean

# --compile-bytecode: without .pyc files (containers often run with PYTHONDONTWRITEBYTECODE)
# every start compiles typer & co. again — `m365inv --version` took ~0.75 s instead of ~0.2 s.
$(BIN)/.installed: requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check "uv==0.13.8"
	$(BIN)/uv pip install --quiet --compile-bytecode --python $(BIN)/python -r requirements.lock
	$(BIN)/uv pip install --quiet --compile-bytecode --python $(BIN)/python --no-deps -e .
	touch $@

venv: $(BIN)/.installed

demo: venv
	$(BIN)/m365inv demo --out $(DEMO_OUT)

test: venv lint
	$(BIN)/pytest -n $(PYTEST_WORKERS) -q

# The edit loop: no lint, no slow / browser / PostgreSQL tests (markers in pyproject.toml).
test-fast: venv
	$(BIN)/pytest -n $(PYTEST_WORKERS) -q -m "not slow and not browser and not postgres"

lint: venv
	$(BIN)/ruff check scanner reports tests bench tools
	$(BIN)/ruff format --check scanner reports tests bench tools
	$(BIN)/python -m tools.typecheck_tree >/dev/null
	$(BIN)/mypy

fmt: venv
	$(BIN)/ruff format scanner reports tests bench tools
	$(BIN)/ruff check --fix scanner reports tests bench tools

bench: venv
	$(BIN)/python -m bench

# Rewrite the README's generated blocks (demo output, --help) and docs/cli.md from the code.
readme: venv
	$(BIN)/python -m tools.readme

lock: venv
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 -o requirements.lock

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache $(DEMO_OUT)
