"""Kill -9 a writer of settings, PIN, lockout, statistics and the photo cache at random moments; restart; check."""
import os, random, signal, subprocess, sys, time, json, sqlite3
from pathlib import Path
sys.path.insert(0, "/work/wt/hostile")
base = Path("/tmp/hostile/kill"); import shutil; shutil.rmtree(base, ignore_errors=True); base.mkdir()
env = dict(os.environ, PYTHONPATH="/work/wt/hostile")
for d in ("XDG_CONFIG_HOME","XDG_DATA_HOME","XDG_CACHE_HOME","XDG_STATE_HOME"):
    env[d] = str(base / d); os.makedirs(env[d])
child = r'''
import sys, os, random, time
sys.path.insert(0, "/work/wt/hostile")
from kiosk.staff.settings import Settings
from kiosk.staff.pin import PinStore, PinGate, hash_pin
from kiosk.staff.stats import VisitorStats
s = Settings.load()
gate = PinGate(PinStore.beside(s.path))
st = VisitorStats(background_check=False)
print("ready", flush=True)
i = 0
while True:
    i += 1
    s.set("idle_timeout_s", 15 + i % 100); s.save()
    if i % 3 == 0: gate.change("13579")
    if i % 4 == 0: gate.attempt("0000")   # lockout file writes
    st.start_visit(); st.screen_entered("home"); st.photo_opened("p"); st.end_visit()
    with open(os.environ["XDG_STATE_HOME"] + "/visits", "a") as f: f.write("1\n")  # what was recorded
'''
# first: set a real PIN
subprocess.run([sys.executable, "-c", "import sys;sys.path.insert(0,'/work/wt/hostile');from kiosk.staff.settings import Settings;from kiosk.staff.pin import *;g=PinGate(PinStore.beside(Settings.load().path));print(g.change('13579'))"], env=env, check=True)
kills = 0; t_end = time.time() + 45
while time.time() < t_end:
    p = subprocess.Popen([sys.executable, "-c", child], env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    p.stdout.readline()
    time.sleep(random.uniform(0.0, 0.6))
    p.send_signal(signal.SIGKILL); p.wait(); kills += 1
cfg = Path(env["XDG_CONFIG_HOME"]) / "lukou-kiosk"; data = Path(env["XDG_DATA_HOME"]) / "lukou-kiosk"
def listing(d): return sorted(x.name for x in d.iterdir()) if d.exists() else []
print("kills", kills)
print("config before restart:", listing(cfg))
print("data before restart:", listing(data))
# restart: the stores clean up and must agree
from kiosk.staff.settings import Settings
from kiosk.staff.pin import PinStore, PinGate
from kiosk.staff.stats import VisitorStats
os.environ.update({k: env[k] for k in ("XDG_CONFIG_HOME","XDG_DATA_HOME","XDG_CACHE_HOME","XDG_STATE_HOME")})
s = Settings.load(); print("settings problems", s.problems, "idle", s.idle_timeout_s)
store = PinStore.beside(s.path)
gate = PinGate(store, wall=lambda: time.time() + 10**6)  # jump past any lockout
print("closed", gate.closed, "default", gate.is_default)
print("2468 ->", gate.attempt("2468").outcome, " 13579 ->", gate.attempt("13579").outcome)
st = VisitorStats(background_check=False); st.checked()
n_db = st.totals().visits
n_log = len((Path(env["XDG_STATE_HOME"]) / "visits").read_text().splitlines())
print("visits in db", n_db, "visits completed by writers", n_log, "problem", st.problem)
print("config after restart:", listing(cfg)); print("data after restart:", listing(data))
