# Fresh machine: `make run` sets everything up and extracts data/raw into data/parsed;
# `make test` runs the test suite. Both install what they need (apt packages when missing,
# Python packages into .venv).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
APT_PACKAGES := tesseract-ocr tesseract-ocr-swe tesseract-ocr-osd wswedish poppler-utils chromium chromium-driver

.PHONY: setup system-deps run test lint bench fuzz clean

setup: system-deps $(STAMP)

system-deps:
	@missing=""; \
	for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing system packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[dev]"
	touch $(STAMP)

run: setup
	$(BIN)/arsred extract data/raw -o data/parsed
	$(BIN)/arsred dataset data/parsed

test: setup
	$(BIN)/python -m pytest -q

lint: setup
	$(BIN)/ruff check arsred extract normalize tests benchmarks tools
	$(BIN)/mypy arsred extract normalize

bench: setup
	$(BIN)/python benchmarks/run_all.py

# the full fault-injection campaign (≥ 1 000 hostile inputs; ~1 h on 2 shared cores): benchmarks/results/fuzz.md
fuzz: setup
	$(BIN)/python benchmarks/fuzz.py $(FUZZ_ARGS)

clean:
	rm -rf $(VENV) data/parsed
