#!/usr/bin/env bash
# Install the kiosk into .venv and start it in a window: tools/run.sh [kiosk options, e.g. --lang en --size 1080x1920]
set -euo pipefail
cd "$(dirname "$0")/.."
. tools/bootstrap.sh
platform=xcb
[ -n "${WAYLAND_DISPLAY:-}" ] && [ -z "${DISPLAY:-}" ] && platform=wayland
[ -n "${QT_QPA_PLATFORM:-}" ] && platform=$QT_QPA_PLATFORM
need_system_libraries "$platform"
need_venv
exec .venv/bin/kiosk --windowed "$@"
