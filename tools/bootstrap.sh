# Shared by tools/run.sh and tools/test.sh: a virtual environment in .venv and the system libraries Qt needs.
# Source it, then call: need_system_libraries offscreen|xcb ; need_venv [extras]

need_system_libraries() {
    local missing
    missing=$(python3 -m kiosk.preflight "$1")
    [ -z "$missing" ] && return 0
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "Installing the system libraries Qt needs: $missing"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
    else
        echo "Qt needs system libraries this machine lacks. Install them, then run this again:" >&2
        echo "    sudo apt-get install -y $missing" >&2
        exit 3
    fi
}

need_venv() {
    local extras=${1:-}
    if [ ! -x .venv/bin/python ]; then
        python3 -m venv .venv || { echo "python3 -m venv failed: install python3-venv (apt-get install -y python3-venv)" >&2; exit 3; }
    fi
    .venv/bin/python -m pip install -q --disable-pip-version-check -e ".${extras:+[$extras]}"
}
