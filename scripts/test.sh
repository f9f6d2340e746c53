#!/usr/bin/env bash
# Install everything the tests need on a fresh machine, then run every check:
# lint and type checks, frontend unit tests (Jest), server/store/AWS tests
# (pytest, on SQLite and PostgreSQL) and browser tests (Playwright + Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

step "Browser for the UI tests: Debian's chromium"
if ! command -v chromium >/dev/null 2>&1; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
chromium --version

step "PostgreSQL for the store tests (${SME_TEST_POSTGRES_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/test})"
if command -v pg_isready >/dev/null 2>&1 && ! pg_isready -q -h 127.0.0.1 -p 5432; then
  if command -v pg_ctlcluster >/dev/null 2>&1; then
    for version in /etc/postgresql/*; do
      as_root pg_ctlcluster --skip-systemctl-redirect "$(basename "$version")" main start || true
    done
  fi
fi

step "Python packages (editable install with the test extras; builds the frontend)"
# pip cannot install the frontend's files through the link that an earlier
# `jupyter labextension develop` left (it points into that checkout, or
# nowhere); drop the link, the develop step below makes it again.
labextension="$(python -c 'import sys; print(sys.prefix)')/share/jupyter/labextensions/shared-models-ext"
if [ -L "$labextension" ]; then rm "$labextension"; fi
python -m pip install --quiet --disable-pip-version-check -e ".[test]"
jupyter labextension develop . --overwrite >/dev/null
jupyter labextension list 2>&1 | grep -F "shared-models-ext"
jupyter server extension list 2>&1 | grep -F "shared_models_ext"

step "Frontend packages"
jlpm install --immutable

step "Lint and type checks: ruff, mypy, eslint, prettier, tsc"
ruff check .
ruff format --check .
mypy
jlpm run lint:check
jlpm run typecheck
python scripts/generate_api_types.py --check  # src/api/schema.ts matches the server's models

step "Frontend unit tests (Jest)"
jlpm run test

step "Server, store and AWS tests (pytest; SQLite and PostgreSQL)"
python -m pytest tests

step "Browser tests (Playwright driving headless Chromium against a real jupyter lab)"
python -m pytest ui_tests
