#!/usr/bin/env bash
# Check a built bundle the way an installer's PC sees it:   packaging/test_bundle.sh [dist/kiosk]
# Copies the folder alone to a temporary place and runs it with a clean environment (no PYTHONPATH, no venv,
# no checkout in reach), offscreen: `kiosk check`, `kiosk --smoke`, the installation line of `--selftest`,
# and a content/ folder next to the program taking over from the bundled content.
set -euo pipefail
cd "$(dirname "$0")/.."
bundle=${1:-dist/kiosk}
[ -x "$bundle/kiosk" ] || { echo "no bundle at $bundle: run packaging/build.sh first" >&2; exit 2; }
place=$(mktemp -d /tmp/kiosk-bundle-XXXXXX)
trap 'rm -rf "$place"' EXIT
cp -a "$bundle" "$place/kiosk"
mkdir -p "$place/home"
clean() { (cd "$place" && env -i HOME="$place/home" PATH=/usr/bin:/bin LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen "$@"); }

echo "== kiosk check (bundled content)"
clean ./kiosk/kiosk check
echo "== kiosk --smoke"
clean ./kiosk/kiosk --smoke
echo "== kiosk --selftest (offscreen: only the installation line must pass here)"
report=$(clean ./kiosk/kiosk --selftest) || true
echo "$report"
grep -q '^PASS  installation:' <<<"$report" || { echo "the bundle's installation check failed" >&2; exit 1; }
grep -q '^RESULT: ' <<<"$report" || { echo "the self-test did not finish" >&2; exit 1; }
echo "== content/ next to the program"
cp -a assets/content "$place/kiosk/content"
out=$(clean ./kiosk/kiosk check)
echo "$out"
grep -q "$place/kiosk/content: OK" <<<"$out" || { echo "content/ next to the program was not used" >&2; exit 1; }
echo "bundle OK: $(du -sh "$place/kiosk" | cut -f1)B copied alone, checked, smoke-tested"
