#!/usr/bin/env bash
# Install the kiosk with its test dependencies into .venv and run the whole test suite: tools/test.sh [pytest options]
set -euo pipefail
cd "$(dirname "$0")/.."
. tools/bootstrap.sh
need_system_libraries offscreen
need_venv test
exec .venv/bin/python -m pytest "$@"
