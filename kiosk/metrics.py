"""A metrics file for a hall's dashboard: the kiosk's signs of life in the Prometheus text exposition format.

Every `INTERVAL_S` seconds the kiosk writes `kiosk.prom` (a temporary file renamed over the old one, so a
reader never sees half a file) into its metrics folder, where node_exporter's textfile collector picks it up
(`--collector.textfile.directory`, see packaging/README.md "Many kiosks"). The folder is `KIOSK_METRICS_DIR`
when set (`off` turns the file off), else `metrics/` in the kiosk's per-user data folder;
`KIOSK_METRICS_INTERVAL_S` changes the interval.

The file is written by a thread of its own, not by the GUI thread: if the event loop freezes, the file goes on
being written and `kiosk_heartbeat_age_seconds` (the age of the heartbeat file the GUI thread touches, see
`kiosk.health`) grows, which a dashboard can alert on. The GUI thread hands in what only it can know (visits
today, frames per second, the content on show) with `MetricsWriter.update`.

Qt-free: the format rule (`render`), the error counter (a logging handler) and the writer are plain Python.
"""

from __future__ import annotations

import contextlib
import logging
import math
import os
import re
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from kiosk import paths

log = logging.getLogger(__name__)

METRICS_ENV = "KIOSK_METRICS_DIR"
INTERVAL_ENV = "KIOSK_METRICS_INTERVAL_S"  # seconds between writes (default 15; 1 to 3600)
METRICS_FILE = "kiosk.prom"
INTERVAL_S = 15.0
OFF = ("off", "0", "no", "none")

METRIC_NAME = re.compile(r"^[a-zA-Z_:][a-zA-Z0-9_:]*$")
LABEL_NAME = re.compile(r"^[a-zA-Z_][a-zA-Z0-9_]*$")
TYPES = ("gauge", "counter", "untyped")


@dataclass(frozen=True)
class Metric:
    name: str
    help: str
    value: float
    type: str = "gauge"
    labels: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not METRIC_NAME.match(self.name):
            raise ValueError(f"not a metric name: {self.name!r}")
        if self.type not in TYPES:
            raise ValueError(f"not a metric type: {self.type!r}")
        for label in self.labels:
            if not LABEL_NAME.match(label) or label.startswith("__"):
                raise ValueError(f"not a label name: {label!r}")


def escape_label_value(value: str) -> str:
    """Backslash, double quote and line feed escaped, as the exposition format requires inside `"…"`. Bytes of a
    file name that are not UTF-8 (held by Python as lone surrogates, which cannot be written) become `\\xff`."""
    try:
        value = value.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that stands for no byte (Windows file names may hold them)
        value = value.encode("utf-8", "backslashreplace").decode("utf-8")
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def escape_help(text: str) -> str:
    """Backslash and line feed escaped (a HELP line is the rest of its line)."""
    return text.replace("\\", "\\\\").replace("\n", "\\n")


def format_value(value: float) -> str:
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "+Inf" if value > 0 else "-Inf"
    if float(value).is_integer() and abs(value) < 2**53:
        return str(int(value))
    return repr(float(value))


def render(metrics: Sequence[Metric]) -> str:
    """The exposition text: for each metric name its HELP and TYPE lines once, then its samples."""
    lines: list[str] = []
    described: dict[str, tuple[str, str]] = {}
    for metric in metrics:
        if metric.name in described:
            if described[metric.name] != (metric.help, metric.type):
                raise ValueError(f"{metric.name} described twice differently")
        else:
            described[metric.name] = (metric.help, metric.type)
            lines.append(f"# HELP {metric.name} {escape_help(metric.help)}")
            lines.append(f"# TYPE {metric.name} {metric.type}")
        labels = ""
        if metric.labels:
            labels = "{" + ",".join(f'{k}="{escape_label_value(v)}"' for k, v in metric.labels.items()) + "}"
        lines.append(f"{metric.name}{labels} {format_value(metric.value)}")
    return "\n".join(lines) + "\n"


@dataclass
class Snapshot:
    """What the GUI thread knows, handed to the writer thread (`None`: not known yet, written as NaN)."""

    visits_today: int | None = None
    frames_per_second: float | None = None
    content_fingerprint: str = "?"
    content_changed: str = "?"
    content_folder: str = ""


@dataclass(frozen=True)
class Readings:
    """Everything one metrics file says."""

    heartbeat_age_s: float | None
    uptime_s: float
    errors_today: int
    memory_rss_bytes: int | None
    snapshot: Snapshot
    version: str


def _number(value: float | None) -> float:
    return math.nan if value is None else float(value)


def kiosk_metrics(readings: Readings) -> list[Metric]:
    s = readings.snapshot
    return [
        Metric("kiosk_heartbeat_age_seconds",
               "Seconds since the GUI thread last touched the heartbeat file (grows while the kiosk is frozen).",
               _number(readings.heartbeat_age_s)),
        Metric("kiosk_uptime_seconds", "Seconds since the kiosk process started.", readings.uptime_s),
        Metric("kiosk_visits_today", "Visits started today (local time) on this kiosk.", _number(s.visits_today)),
        Metric("kiosk_errors_today", "Errors logged today (local time) by this kiosk.", readings.errors_today),
        Metric("kiosk_frames_per_second", "Frames the kiosk window painted per second over the last interval.",
               _number(s.frames_per_second)),
        Metric("kiosk_memory_rss_bytes", "Resident memory of the kiosk process.", _number(readings.memory_rss_bytes)),
        Metric("kiosk_content_info",
               "The content on show: a fingerprint of its files and the date of the newest (same on every kiosk "
               "that shows the same content).",
               1, labels={"fingerprint": s.content_fingerprint, "changed": s.content_changed,
                          "folder": s.content_folder}),
        Metric("kiosk_build_info", "The kiosk program's version.", 1, labels={"version": readings.version}),
    ]


class ErrorCounter(logging.Handler):
    """Counts log records at ERROR and above, per local calendar day (the count starts again at midnight)."""

    def __init__(self, today: Callable[[], date] = date.today) -> None:
        super().__init__(logging.ERROR)
        self._today = today
        self._day = today()
        self._count = 0
        self._lock_count = threading.Lock()

    def emit(self, record: logging.LogRecord) -> None:
        with self._lock_count:
            self._roll()
            self._count += 1

    def today(self) -> int:
        with self._lock_count:
            self._roll()
            return self._count

    def _roll(self) -> None:
        day = self._today()
        if day != self._day:
            self._day, self._count = day, 0


def metrics_dir(env: Mapping[str, str] | None = None) -> Path | None:
    """The folder for `kiosk.prom`: `KIOSK_METRICS_DIR`, or `metrics/` in the per-user data folder; None: off."""
    env = os.environ if env is None else env
    named = env.get(METRICS_ENV, "").strip()
    if named.lower() in OFF:
        return None
    if named:
        return Path(named).expanduser()
    return paths.user_data_dir() / "metrics"


def metrics_interval(env: Mapping[str, str] | None = None) -> float:
    """Seconds between two writes: `KIOSK_METRICS_INTERVAL_S` (1 to 3600) or `INTERVAL_S`."""
    env = os.environ if env is None else env
    try:
        value = float(env.get(INTERVAL_ENV, "") or INTERVAL_S)
    except ValueError:
        return INTERVAL_S
    return min(3600.0, max(1.0, value)) if math.isfinite(value) else INTERVAL_S


def write_atomically(path: Path, text: str) -> None:
    """A temporary file beside `path`, then renamed over it: readers see the old file or the new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.parent / f"{paths.temp_prefix(path.name)}{threading.get_ident()}{paths.TEMP_SUFFIX}"
    try:
        with temp.open("w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.chmod(temp, 0o644)  # node_exporter runs as another account: it must be able to read the file
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


class MetricsWriter:
    """Writes the metrics file every `interval` seconds from a daemon thread until `stop()`."""

    def __init__(
        self,
        path: Path,
        heartbeat_file: Path,
        errors: ErrorCounter,
        version: str,
        memory: Callable[[], int | None],
        started: float | None = None,
        interval: float = INTERVAL_S,
        clock: Callable[[], float] = time.monotonic,
        wall: Callable[[], float] = time.time,
    ) -> None:
        self.path = Path(path)
        self.heartbeat_file = Path(heartbeat_file)
        self.errors = errors
        self.version = version
        self.memory = memory
        self.interval = interval
        self._clock = clock
        self._wall = wall
        self._started = clock() if started is None else started
        self._snapshot = Snapshot()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._failed = False
        paths.remove_stale_temp_files(self.path.parent, self.path.name)

    def update(self, **values: object) -> None:
        """Called from the GUI thread with any of `Snapshot`'s fields."""
        with self._lock:
            for name, value in values.items():
                if not hasattr(self._snapshot, name):
                    raise AttributeError(name)
                setattr(self._snapshot, name, value)

    def readings(self) -> Readings:
        with self._lock:
            snapshot = Snapshot(**vars(self._snapshot))
        try:
            age: float | None = max(0.0, self._wall() - self.heartbeat_file.stat().st_mtime)
        except OSError:
            age = None
        return Readings(None if age is None else round(age, 1), round(self._clock() - self._started, 1),
                        self.errors.today(), self.memory(), snapshot,
                        self.version)

    def write_once(self) -> bool:
        try:
            write_atomically(self.path, render(kiosk_metrics(self.readings())))
        except (OSError, ValueError) as exc:  # ValueError: text that cannot be written; the thread must go on
            if not self._failed:  # once, not every 15 s
                log.error("metrics file %s cannot be written: %s", self.path, exc)
            self._failed = True
            return False
        if self._failed:
            log.info("metrics file %s written again", self.path)
        self._failed = False
        return True

    def start(self) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._run, name="kiosk-metrics", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2)
            self._thread = None

    def _run(self) -> None:
        while True:
            self.write_once()
            if self._stop.wait(self.interval):
                return
