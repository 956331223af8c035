.DEFAULT_GOAL := help
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
INTERFACE_LANGUAGES := cy ar fa uk fr ckb ti
TEST_WORKERS ?= 2

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || python3.11 -m venv $(VENV) || python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed ## Create the virtualenv and install

run: install ## Migrate, seed the demo network and serve it on port 8000
	$(PY) manage.py migrate --verbosity 0
	$(PY) manage.py seed_demo
	@$(PY) manage.py show_demo --port $(PORT)
	$(PY) manage.py runserver $(PORT)

test: install ## Run the whole suite (SQLite unless DATABASE_URL is set)
	$(PY) -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

lint: install ## ruff, Django checks, missing migrations, dependency audit
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/pip-audit --requirement requirements.txt --progress-spinner off

format: install ## Format and fix imports with ruff
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

messages: install ## Update the interface word catalogues and compile them (needs gettext)
	$(PY) manage.py makemessages $(addprefix -l ,$(INTERFACE_LANGUAGES)) --no-obsolete --add-location=file \
		--ignore=.venv --ignore=tests --ignore=bench --ignore=static --ignore=media
	$(PY) manage.py compilemessages --ignore=.venv

bench: install ## Benchmarks: pages under gunicorn with wrk, search latency
	$(PY) bench/run.py

drill: install ## Load and fault drill: 50 visitors, PostgreSQL restart, Redis stop
	$(PY) bench/drill.py

bench-wordpress: install ## Benchmark: import a 2,000-post, 1,000-photo WordPress export
	$(PY) bench/wordpress_import.py

bench-bundle: install ## Benchmark: export the largest demo site and a 1,000-page site
	$(PY) bench/site_bundle.py

clean: ## Remove the virtualenv, the SQLite database and caches
	rm -rf $(VENV) db.sqlite3 media staticfiles .pytest_cache .ruff_cache

.PHONY: help install run test lint format messages bench drill bench-wordpress bench-bundle clean
