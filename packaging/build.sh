#!/usr/bin/env bash
# Build the packaged kiosk, a one-folder bundle, into dist/kiosk/:   packaging/build.sh
# Installs the build tools into .venv (the same one tools/test.sh and tools/run.sh use), runs PyInstaller on
# packaging/kiosk.spec, then prints the bundle's size and fails if it is over the 170 MB budget.
set -euo pipefail
cd "$(dirname "$0")/.."
. tools/bootstrap.sh
BUDGET_MB=170

need_system_libraries offscreen  # PyInstaller's Qt hooks load QtGui while they analyse it

# PyInstaller on Linux needs objdump/objcopy (binutils) and Python's shared library.
python_lib=$(python3 -c 'import sysconfig; print(sysconfig.get_config_var("INSTSONAME") or "")')
needs=()
command -v objdump >/dev/null && command -v objcopy >/dev/null || needs+=(binutils)
if [ -n "$python_lib" ] && ! ldconfig -p 2>/dev/null | grep -q "$python_lib" \
   && [ ! -e "$(python3 -c 'import sysconfig; print(sysconfig.get_config_var("LIBDIR"))')/$python_lib" ]; then
    needs+=("libpython$(python3 -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')")
fi
if [ ${#needs[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "Installing what PyInstaller needs: ${needs[*]}"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${needs[@]}" >/dev/null
    else
        echo "PyInstaller needs packages this machine lacks. Install them, then run this again:" >&2
        echo "    sudo apt-get install -y ${needs[*]}" >&2
        exit 3
    fi
fi

need_venv package
started=$SECONDS
.venv/bin/python -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/kiosk.spec
took=$((SECONDS - started))
# What an installer needs travels with the program: the guide and the autostart files.
mkdir -p dist/kiosk/install
cp packaging/README.md dist/kiosk/INSTALL.md
cp packaging/linux/* dist/kiosk/install/

bytes=$(du -sb dist/kiosk | cut -f1)
mb=$(( (bytes + 500000) / 1000000 ))
echo "bundle: dist/kiosk  ${mb} MB ($(du -sh dist/kiosk | cut -f1)B), $(find dist/kiosk -type f | wc -l) files, built in ${took} s"
if [ "$mb" -gt "$BUDGET_MB" ]; then
    echo "bundle is over its ${BUDGET_MB} MB budget: see build/pyinstaller/kiosk/dropped-binaries.txt and packaging/kiosk.spec" >&2
    exit 1
fi
echo "try it:  dist/kiosk/kiosk --smoke   and   dist/kiosk/kiosk --selftest"
