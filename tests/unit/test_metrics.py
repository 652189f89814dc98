"""The metrics file: the Prometheus text exposition format checked by a small strict parser (metric and label
names, one HELP and one TYPE line before a metric's samples, label escaping, values), the error counter's day,
and the writer's atomic file."""

from __future__ import annotations

import logging
import math
import os
import re
import time
from datetime import date
from pathlib import Path

import pytest

from kiosk import metrics
from kiosk.metrics import ErrorCounter, Metric, MetricsWriter, Readings, Snapshot, kiosk_metrics, render

NAME = r"[a-zA-Z_:][a-zA-Z0-9_:]*"
LABEL = r"[a-zA-Z_][a-zA-Z0-9_]*"
VALUE = r"(?:NaN|[+-]Inf|[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)"
LABEL_PAIR = rf'({LABEL})="((?:[^"\\\n]|\\[\\"n])*)"'
SAMPLE = re.compile(rf"^({NAME})(?:\{{((?:{LABEL_PAIR})(?:,{LABEL_PAIR})*)\}})? ({VALUE})$")
HELP = re.compile(rf"^# HELP ({NAME}) ((?:[^\\\n]|\\[\\n])*)$")
TYPE = re.compile(rf"^# TYPE ({NAME}) (counter|gauge|histogram|summary|untyped)$")


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "\\": "\\", '"': '"'}[m.group(1)], text)


def parse(text: str) -> dict[str, dict]:
    """name -> {help, type, samples: [(labels, value)]}; AssertionError on anything the format forbids."""
    assert text.endswith("\n"), "the last line must end with a line feed"
    families: dict[str, dict] = {}
    current = None
    for number, line in enumerate(text[:-1].split("\n"), 1):
        assert line == line.strip() and line, f"line {number}: blank or padded: {line!r}"
        if line.startswith("# HELP "):
            m = HELP.match(line)
            assert m, f"line {number}: bad HELP: {line!r}"
            assert m.group(1) not in families, f"line {number}: {m.group(1)} described twice"
            families[m.group(1)] = {"help": unescape(m.group(2)), "type": None, "samples": []}
            current = m.group(1)
        elif line.startswith("# TYPE "):
            m = TYPE.match(line)
            assert m, f"line {number}: bad TYPE: {line!r}"
            assert m.group(1) == current and families[current]["type"] is None, f"line {number}: TYPE out of place"
            assert not families[current]["samples"], f"line {number}: TYPE after samples"
            families[current]["type"] = m.group(2)
        else:
            assert not line.startswith("#"), f"line {number}: unexpected comment"
            m = SAMPLE.match(line)
            assert m, f"line {number}: bad sample: {line!r}"
            assert m.group(1) == current, f"line {number}: {m.group(1)} outside its family"
            labels = {}
            if m.group(2):
                for name, value in re.findall(LABEL_PAIR, m.group(2)):
                    assert name not in labels, f"line {number}: label {name} twice"
                    labels[name] = unescape(value)
            families[current]["samples"].append((labels, float(m.group(m.lastindex))))
    for name, family in families.items():
        assert family["type"] is not None and family["samples"], f"{name}: no TYPE or no sample"
    return families


def readings(**snapshot) -> Readings:
    return Readings(heartbeat_age_s=2.5, uptime_s=3600.0, errors_today=3, memory_rss_bytes=250_000_000,
                    snapshot=Snapshot(**snapshot), version="0.1.0")


def test_the_kiosk_metrics_parse_strictly() -> None:
    text = render(kiosk_metrics(readings(visits_today=17, frames_per_second=59.8, content_fingerprint="3f9a1c20",
                                         content_changed="2026-05-01 10:12", content_folder="/srv/content")))
    families = parse(text)
    assert set(families) == {
        "kiosk_heartbeat_age_seconds", "kiosk_uptime_seconds", "kiosk_visits_today", "kiosk_errors_today",
        "kiosk_frames_per_second", "kiosk_memory_rss_bytes", "kiosk_content_info", "kiosk_build_info",
    }
    value = {name: f["samples"][0][1] for name, f in families.items()}
    assert value["kiosk_heartbeat_age_seconds"] == 2.5 and value["kiosk_uptime_seconds"] == 3600
    assert value["kiosk_visits_today"] == 17 and value["kiosk_errors_today"] == 3
    assert value["kiosk_frames_per_second"] == 59.8 and value["kiosk_memory_rss_bytes"] == 250_000_000
    assert families["kiosk_content_info"]["samples"] == [
        ({"fingerprint": "3f9a1c20", "changed": "2026-05-01 10:12", "folder": "/srv/content"}, 1.0)]
    assert all(f["type"] == "gauge" for f in families.values())


def test_unknown_values_are_nan_and_labels_are_escaped() -> None:
    folder = 'C:\\kiosk\\"new"\ncontent'
    families = parse(render(kiosk_metrics(readings(content_folder=folder))))
    assert math.isnan(families["kiosk_visits_today"]["samples"][0][1])
    assert families["kiosk_content_info"]["samples"][0][0]["folder"] == folder
    assert 'folder="C:\\\\kiosk\\\\\\"new\\"\\ncontent"' in render(kiosk_metrics(readings(content_folder=folder)))


@pytest.mark.parametrize(("value", "text"), [(1.0, "1"), (0.25, "0.25"), (math.inf, "+Inf"), (-math.inf, "-Inf"),
                                             (math.nan, "NaN"), (1e20, "1e+20")])
def test_values(value: float, text: str) -> None:
    assert metrics.format_value(value) == text


def test_help_is_escaped_and_names_are_checked() -> None:
    families = parse(render([Metric("a_b", "two\nlines \\ here", 1)]))
    assert families["a_b"]["help"] == "two\nlines \\ here"
    for bad in ("1abc", "a-b", "a b", ""):
        with pytest.raises(ValueError):
            Metric(bad, "x", 1)
    with pytest.raises(ValueError):
        Metric("ok", "x", 1, labels={"bad-label": "v"})
    with pytest.raises(ValueError):
        Metric("ok", "x", 1, labels={"__reserved": "v"})


def test_the_parser_rejects_what_the_format_forbids() -> None:
    """The test's parser is strict: it fails on the mistakes it is there to catch."""
    for broken in ('# HELP a x\n# TYPE a gauge\na{b="c} 1\n', "# HELP a x\na 1\n", "# HELP a x\n# TYPE a gauge\na 1",
                   '# HELP a x\n# TYPE a gauge\na{b="\\t"} 1\n', "# HELP a x\n# TYPE a gauge\nb 1\n"):
        with pytest.raises(AssertionError):
            parse(broken)


def test_errors_are_counted_per_day() -> None:
    day = [date(2026, 5, 1)]
    counter = ErrorCounter(today=lambda: day[0])
    logger = logging.getLogger("test_metrics_errors")
    logger.addHandler(counter)
    logger.propagate = False
    try:
        logger.warning("not an error")
        logger.error("one")
        logger.critical("two")
        assert counter.today() == 2
        day[0] = date(2026, 5, 2)
        assert counter.today() == 0
        logger.error("three")
        assert counter.today() == 1
    finally:
        logger.removeHandler(counter)


def test_the_writer_writes_the_file_atomically(tmp_path: Path) -> None:
    heartbeat = tmp_path / "heartbeat"
    heartbeat.write_text("1\n")
    os.utime(heartbeat, (time.time() - 40, time.time() - 40))
    now = [100.0]
    target = tmp_path / "metrics" / "kiosk.prom"
    writer = MetricsWriter(target, heartbeat, ErrorCounter(), "0.1.0", lambda: 123, started=40.0,
                           clock=lambda: now[0])
    writer.update(visits_today=5, frames_per_second=12.5)
    assert writer.write_once()
    families = parse(target.read_text(encoding="utf-8"))
    assert 39 <= families["kiosk_heartbeat_age_seconds"]["samples"][0][1] <= 60
    assert families["kiosk_uptime_seconds"]["samples"][0][1] == 60
    assert families["kiosk_visits_today"]["samples"][0][1] == 5
    assert families["kiosk_memory_rss_bytes"]["samples"][0][1] == 123
    assert sorted(p.name for p in target.parent.iterdir()) == ["kiosk.prom"]  # no temporary left
    assert target.stat().st_mode & 0o044 == 0o044  # node_exporter's account can read it
    heartbeat.unlink()
    writer.write_once()
    assert math.isnan(parse(target.read_text())["kiosk_heartbeat_age_seconds"]["samples"][0][1])
    with pytest.raises(AttributeError):
        writer.update(no_such_field=1)


def test_the_writer_thread_writes_and_stops(tmp_path: Path) -> None:
    target = tmp_path / "kiosk.prom"
    writer = MetricsWriter(target, tmp_path / "heartbeat", ErrorCounter(), "0.1.0", lambda: None, interval=60)
    writer.start()
    try:
        deadline = time.monotonic() + 10
        while not target.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        assert target.exists()  # the first file is written at once, not after the first interval
    finally:
        writer.stop()
    assert writer._thread is None


def test_the_metrics_folder(tmp_path: Path) -> None:
    assert metrics.metrics_dir({"KIOSK_METRICS_DIR": str(tmp_path)}) == tmp_path
    assert metrics.metrics_dir({"KIOSK_METRICS_DIR": "off"}) is None
    assert metrics.metrics_dir({}).name == "metrics"


def test_the_interval() -> None:
    assert metrics.metrics_interval({}) == 15
    assert metrics.metrics_interval({"KIOSK_METRICS_INTERVAL_S": "2"}) == 2
    assert metrics.metrics_interval({"KIOSK_METRICS_INTERVAL_S": "0"}) == 1
    assert metrics.metrics_interval({"KIOSK_METRICS_INTERVAL_S": "soon"}) == 15
    assert metrics.metrics_interval({"KIOSK_METRICS_INTERVAL_S": "nan"}) == 15


def test_a_content_folder_whose_name_is_not_utf8(tmp_path: Path) -> None:
    """A folder named with bytes that are not UTF-8 (a stick formatted elsewhere): Python holds them as lone
    surrogates, which cannot be written as UTF-8. The file is still written, valid, the bytes shown escaped."""
    target = tmp_path / "kiosk.prom"
    writer = MetricsWriter(target, tmp_path / "heartbeat", ErrorCounter(), "0.1.0", lambda: None)
    writer.update(content_folder=os.fsdecode(b"/media/stick/ausstellung-\xe4-\xff"))
    assert writer.write_once()
    families = parse(target.read_text(encoding="utf-8"))
    assert families["kiosk_content_info"]["samples"][0][0]["folder"] == "/media/stick/ausstellung-\\xe4-\\xff"
    writer.update(content_folder="C:/Ausstellung-\ud800")
    assert writer.write_once()
    assert parse(target.read_text(encoding="utf-8"))["kiosk_content_info"]["samples"][0][0]["folder"] == (
        "C:/Ausstellung-\\ud800")
