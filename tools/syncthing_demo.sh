#!/usr/bin/env bash
# Two Syncthing instances on this machine's loopback prove the "many kiosks" set-up of packaging/README.md:
# an editor's content folder shared send-only to a kiosk's receive-only folder. The script
#   1. installs syncthing from Debian's packages if it is missing (as root; otherwise it says what to run);
#   2. starts two instances, "editor" and "kiosk", listening on 127.0.0.1 only, with global and local discovery,
#      relays, NAT traversal, STUN, usage and crash reporting and upgrades all off: they know each other by
#      address and talk to nothing else;
#   3. shares a copy of the exhibition's content from the editor (send-only, with the .stignore of the README)
#      to the kiosk (receive-only) and waits until the kiosk's copy is complete, then runs `kiosk check` on it;
#   4. changes a content file on the editor's side (and drops editor litter that .stignore keeps back), waits
#      until the change is on the kiosk's side, checks the litter stayed behind and `kiosk check` passes;
#   5. when this kiosk has `--watch` (live content), also starts a kiosk fed by the synced folder and shows,
#      through its metrics file, that it took the new content while running.
# Usage: tools/syncthing_demo.sh          (from the repository; KIOSK_CMD overrides how `kiosk` is run)
# Everything lives in a temporary folder (DEMO_DIR to choose it) and every process it starts is stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD

if ! command -v syncthing >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "Installing syncthing from Debian's packages"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq syncthing >/dev/null
    else
        echo "syncthing is not installed: sudo apt-get install -y syncthing" >&2
        exit 3
    fi
fi
if [ -n "${KIOSK_CMD:-}" ]; then
    read -r -a KIOSK <<<"$KIOSK_CMD"
elif [ -x .venv/bin/python ]; then
    KIOSK=(.venv/bin/python -m kiosk)
else
    KIOSK=(python3 -m kiosk)
fi
export PYTHONPATH="$REPO${PYTHONPATH:+:$PYTHONPATH}"

DEMO=${DEMO_DIR:-$(mktemp -d /tmp/kiosk-syncthing-demo.XXXXXX)}
mkdir -p "$DEMO"
export XDG_CONFIG_HOME=$DEMO/xdg/config XDG_DATA_HOME=$DEMO/xdg/data XDG_CACHE_HOME=$DEMO/xdg/cache \
       XDG_STATE_HOME=$DEMO/xdg/state STNOUPGRADE=1
EDITOR_GUI=${EDITOR_GUI_PORT:-18384}; KIOSK_GUI=${KIOSK_GUI_PORT:-18385}
EDITOR_SYNC=${EDITOR_SYNC_PORT:-22101}; KIOSK_SYNC=${KIOSK_SYNC_PORT:-22102}
FOLDER_ID=lukou-content
PIDS=()
ours() {  # the processes this script started, and their children (syncthing runs under a monitor process)
    for pid in "${PIDS[@]}"; do echo "$pid"; pgrep -P "$pid" 2>/dev/null || true; done
}
cleanup() {
    for pid in $(ours); do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
say() { printf '%s  %s\n' "$(date +%H:%M:%S)" "$*"; }

for port in $EDITOR_GUI $KIOSK_GUI $EDITOR_SYNC $KIOSK_SYNC; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        echo "port $port on 127.0.0.1 is in use: set EDITOR_GUI_PORT, KIOSK_GUI_PORT, EDITOR_SYNC_PORT or KIOSK_SYNC_PORT" >&2
        exit 2
    fi
done

# The editor's folder: a copy of the exhibition, and the .stignore packaging/README.md describes.
mkdir -p "$DEMO/editor" "$DEMO/kiosk"
cp -r assets/content "$DEMO/editor/content"
mkdir -p "$DEMO/kiosk/content"
STIGNORE='// Never sent to the kiosks: caches and the litter of editors, office suites and file managers.
(?d).DS_Store
(?d)Thumbs.db
(?d)desktop.ini
(?d).thumbnails
(?d)__pycache__
(?d)*.tmp
(?d)*.swp
(?d)*~
(?d)~$*
(?d).~lock.*#
(?d).git'
printf '%s\n' "$STIGNORE" >"$DEMO/editor/content/.stignore"
printf '%s\n' "$STIGNORE" >"$DEMO/kiosk/content/.stignore"

device_id() { syncthing serve --home="$1" --device-id 2>/dev/null | tail -1; }
for side in editor kiosk; do
    syncthing generate --home="$DEMO/$side/home" --no-default-folder >/dev/null 2>&1
done
EDITOR_ID=$(device_id "$DEMO/editor/home")
KIOSK_ID=$(device_id "$DEMO/kiosk/home")
API_KEY=demo-$RANDOM$RANDOM

# configure HOME GUI_PORT SYNC_PORT FOLDER TYPE PEER_ID PEER_NAME PEER_PORT
configure() {
    python3 - "$@" "$API_KEY" "$FOLDER_ID" <<'EOF'
import sys
import xml.etree.ElementTree as ET

home, gui, sync, folder, kind, peer, peer_name, peer_port, api_key, folder_id = sys.argv[1:]
path = f"{home}/config.xml"
tree = ET.parse(path)
root = tree.getroot()
me = root.find("device").get("id")

def put(parent, tag, text):
    node = parent.find(tag)
    if node is None:
        node = ET.SubElement(parent, tag)
    node.text = text

gui_node = root.find("gui")
put(gui_node, "address", f"127.0.0.1:{gui}")
put(gui_node, "apikey", api_key)
options = root.find("options")
for tag, value in {
    "listenAddress": f"tcp://127.0.0.1:{sync}",  # loopback only, TCP only
    "globalAnnounceEnabled": "false", "localAnnounceEnabled": "false", "relaysEnabled": "false",
    "natEnabled": "false", "announceLANAddresses": "false", "stunKeepaliveStartS": "0", "stunServer": "",
    "urAccepted": "-1", "crashReportingEnabled": "false", "autoUpgradeIntervalH": "0", "startBrowser": "false",
    "restartOnWakeup": "false",
}.items():
    put(options, tag, value)
device = ET.SubElement(root, "device", id=peer, name=peer_name, compression="metadata", introducer="false",
                       skipIntroductionRemovals="false", introducedBy="")
put(device, "address", f"tcp://127.0.0.1:{peer_port}")
put(device, "autoAcceptFolders", "false")
share = ET.Element("folder", id=folder_id, label="Lukou content", path=folder, type=kind, rescanIntervalS="60",
                   fsWatcherEnabled="true", fsWatcherDelayS="1", ignorePerms="false", autoNormalize="true")
put(share, "filesystemType", "basic")
for dev in (me, peer):
    ET.SubElement(share, "device", id=dev, introducedBy="")
root.insert(0, share)
tree.write(path, encoding="utf-8", xml_declaration=False)
EOF
}
configure "$DEMO/editor/home" "$EDITOR_GUI" "$EDITOR_SYNC" "$DEMO/editor/content" sendonly "$KIOSK_ID" kiosk "$KIOSK_SYNC"
configure "$DEMO/kiosk/home" "$KIOSK_GUI" "$KIOSK_SYNC" "$DEMO/kiosk/content" receiveonly "$EDITOR_ID" editor "$EDITOR_SYNC"

for side in editor kiosk; do
    syncthing serve --home="$DEMO/$side/home" --no-browser --no-restart --no-upgrade \
        --logfile="$DEMO/$side/syncthing.log" >/dev/null 2>&1 &
    PIDS+=($!)
done
say "editor $EDITOR_ID on 127.0.0.1:$EDITOR_SYNC (send-only $DEMO/editor/content)"
say "kiosk  $KIOSK_ID on 127.0.0.1:$KIOSK_SYNC (receive-only $DEMO/kiosk/content)"

api() { curl -fsS -H "X-API-Key: $API_KEY" "http://127.0.0.1:$1$2"; }
wait_for() {  # wait_for SECONDS DESCRIPTION COMMAND…
    local limit=$1 what=$2
    shift 2
    local start=$SECONDS
    until "$@" >/dev/null 2>&1; do
        if [ $((SECONDS - start)) -ge "$limit" ]; then
            echo "FAIL: $what did not happen within $limit s (logs: $DEMO/*/syncthing.log)" >&2
            exit 1
        fi
        sleep 0.5
    done
    say "$what ($((SECONDS - start)) s)"
}
same_tree() { diff -r -x .stfolder -x .stignore -x '.syncthing.*' "$@" "$DEMO/editor/content" "$DEMO/kiosk/content"; }

wait_for 60 "both instances answer on 127.0.0.1" bash -c "$(declare -f api); API_KEY=$API_KEY; api $EDITOR_GUI /rest/system/ping && api $KIOSK_GUI /rest/system/ping"
if command -v ss >/dev/null; then  # every socket the two instances listen on is on the loopback
    pattern=$(ours | paste -sd'|')
    sockets=$(ss -Htlnup 2>/dev/null | grep -E "pid=($pattern)," || true)
    say "listening: $(echo "$sockets" | awk '{print $1, $5}' | sort -u | paste -sd' ')"
    if [ -z "$sockets" ] || echo "$sockets" | awk '{print $5}' | grep -vqE '^(127\.0\.0\.1|\[::1\]):'; then
        echo "FAIL: the instances' sockets are not all on the loopback: $sockets" >&2
        exit 1
    fi
fi
wait_for 120 "the kiosk's folder holds the whole exhibition" same_tree
say "kiosk check on the synced copy:"
"${KIOSK[@]}" check --content "$DEMO/kiosk/content" | sed 's/^/    /'

# A kiosk fed by the synced folder, when this kiosk follows its content folder while it runs.
LIVE=""
if "${KIOSK[@]}" --help 2>/dev/null | grep -q -- "--watch"; then
    LIVE=1
    export KIOSK_METRICS_DIR=$DEMO/metrics KIOSK_METRICS_INTERVAL_S=1
    QT_QPA_PLATFORM=offscreen "${KIOSK[@]}" --windowed --watch --content "$DEMO/kiosk/content" \
        >"$DEMO/kiosk-app.log" 2>&1 &
    PIDS+=($!)
    fingerprint() { sed -n 's/^kiosk_content_info{fingerprint="\([^"]*\)".*/\1/p' "$DEMO/metrics/kiosk.prom" 2>/dev/null; }
    wait_for 60 "the kiosk runs on the synced folder" bash -c "grep -q '^kiosk_content_info' '$DEMO/metrics/kiosk.prom'"
    BEFORE=$(fingerprint)
    say "running kiosk shows content $BEFORE"
fi

# The editor saves a change, and leaves litter that must not travel.
MARK="edited $(date -u +%Y-%m-%dT%H:%M:%SZ) on the editor's PC"
printf '\n# %s\n' "$MARK" >>"$DEMO/editor/content/exhibition.toml"
touch "$DEMO/editor/content/.~lock.exhibition.toml#" "$DEMO/editor/content/exhibition.toml~" \
      "$DEMO/editor/content/Thumbs.db"
say "editor: changed exhibition.toml ($MARK) and left three litter files"
wait_for 60 "the change arrived in the kiosk's folder" grep -qF "$MARK" "$DEMO/kiosk/content/exhibition.toml"
wait_for 30 "both folders agree on every content file" same_tree -x '.~lock.*' -x '*~' -x Thumbs.db
for litter in ".~lock.exhibition.toml#" "exhibition.toml~" Thumbs.db; do
    if [ -e "$DEMO/kiosk/content/$litter" ]; then
        echo "FAIL: $litter was synced despite .stignore" >&2
        exit 1
    fi
done
say "the litter stayed on the editor's PC (.stignore)"
say "kiosk check on the synced copy:"
"${KIOSK[@]}" check --content "$DEMO/kiosk/content" | sed 's/^/    /'
if [ -n "$LIVE" ]; then
    wait_for 60 "the running kiosk took the new content" bash -c "$(declare -f fingerprint); DEMO=$DEMO; [ \"\$(fingerprint)\" != '$BEFORE' ]"
    say "running kiosk now shows content $(fingerprint)"
else
    say "this kiosk has no --watch: a running kiosk takes the synced content at its next start or staff Reload"
fi
say "OK: a change made in the editor's folder reached the kiosk's folder over Syncthing on 127.0.0.1"
