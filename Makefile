# The two commands of the README: `make run` and `make test`. Everything else here
# is what they need. Re-running any target is safe.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
export DJANGO_SETTINGS_MODULE ?= portal.settings.dev

.PHONY: run test install db db-stop lint check pytest browser messages compiled-messages bench clean worker theme screenshots

install: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet ".[dev]"
	@# Wagtail asks for Willow[heif], i.e. pillow-heif, whose wheels bundle the GPL
	@# x265 encoder; pi-heif (in our dependencies) decodes HEIC without it.
	$(PY) -m pip uninstall --quiet --yes pillow-heif
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# The embedded PostgreSQL under var/, unless DATABASE_URL points elsewhere.
db: $(VENV)/.installed
	@if [ -z "$$DATABASE_URL" ]; then $(PY) -m portal.embedded_db start >/dev/null && echo "Embedded PostgreSQL is running (var/pgdata)."; else echo "Using DATABASE_URL."; fi

db-stop:
	$(PY) -m portal.embedded_db stop

run: install db compiled-messages
	$(MANAGE) migrate --no-input
	$(MANAGE) seed_demo
	$(MANAGE) collectstatic --no-input --verbosity 0
	@$(MANAGE) demo_logins
	@echo "A task worker runs beside the server (e-mails go to var/mail/)."
	@trap 'kill 0' EXIT; $(MANAGE) db_worker --interval 2 & \
	  $(MANAGE) runserver 127.0.0.1:8000

# docs/screenshots/ for the README: the demo's pages at 1280 and 320 px, taken from
# the server of `make run` (start it first); fails on a page wider than 320 px.
screenshots: install browser
	$(PY) scripts/screenshots.py --base $${BASE:-http://127.0.0.1:8000}

worker: install db
	$(MANAGE) db_worker

# Debian's Chromium for the accessibility tests; never a downloaded browser.
browser:
	@if ! command -v chromium >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "Chromium is missing: install Debian's 'chromium' package for the browser tests."; fi; \
	fi

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djhtml --check $$(git ls-files '*.html')
	$(VENV)/bin/lint-imports --no-logo
	$(PY) scripts/check_licences.py
	DJANGO_SETTINGS_MODULE=portal.settings.test $(VENV)/bin/mypy

check: install db
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) check
	DJANGO_SETTINGS_MODULE=portal.settings.test $(MANAGE) makemigrations --check --dry-run

pytest: install db browser compiled-messages
	DJANGO_SETTINGS_MODULE=portal.settings.test $(VENV)/bin/pytest $(PYTEST_ARGS)

test: lint check pytest

# Catalogues without source locations, sorted by msgid (portal's makemessages), so
# branches that add strings merge cleanly; the .mo files are built, not committed.
messages: install
	cd portal && $(CURDIR)/$(PY) $(CURDIR)/manage.py makemessages -l nb --no-obsolete --ignore='*/node_modules/*'
	for app in home units feedback following hearings proposals search records news outbox accounts; do (cd $$app && $(CURDIR)/$(PY) $(CURDIR)/manage.py makemessages -l nb --no-obsolete); done
	$(MANAGE) compilemessages

# The brand theme, the supported way: Designsystemet's CLI turns the colour tokens
# in theme/designsystemet.config.json into portal/static/portal/css/theme.css
# (committed). Runs offline once node_modules is installed.
THEME_BUILD := var/theme
theme: node_modules/.installed
	npx --no-install designsystemet tokens create --config theme/designsystemet.config.json
	npx --no-install designsystemet tokens build --tokens $(THEME_BUILD)/design-tokens --out-dir $(THEME_BUILD)/css --clean
	cp $(THEME_BUILD)/css/portal.css portal/static/portal/css/theme.css

compiled-messages: $(VENV)/.installed
	@$(MANAGE) compilemessages --verbosity 0

bench: install db
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) node_modules var/static
