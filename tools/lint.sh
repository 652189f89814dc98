#!/usr/bin/env bash
# Install the kiosk with its test dependencies into .venv, then lint and type-check: tools/lint.sh
# ruff checks the whole tree; mypy checks the Qt-free rule packages strictly (both configured in pyproject.toml).
set -euo pipefail
cd "$(dirname "$0")/.."
. tools/bootstrap.sh
need_venv test
.venv/bin/ruff check kiosk tests tools packaging
.venv/bin/mypy
