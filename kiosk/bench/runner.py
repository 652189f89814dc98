"""`kiosk bench`: start the real app offscreen, measure every figure of `report.BUDGETS`, print them.

Start-up is measured on fresh processes; everything else on one app in this process, in an order that keeps
figures apart: the scripted tour (response, frame rate), memory after every screen, idle CPU, attract CPU, then
the photo and map features' own measurements (`kiosk.bench.photo`, `kiosk.bench.map`, when present).
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from kiosk.bench.report import BUDGETS, describe_startup_budget, format_table, over_budget, to_json
from kiosk.bench.startup import kiosk_command, measure_startup, measure_startup_with_floor
from kiosk.bench.stats import ratio, rounded

log = logging.getLogger(__name__)

# Figures other features measure, by module under kiosk.bench.
OPTIONAL: dict[str, tuple[str, ...]] = {
    "photo": ("photo_cold_ms", "photo_warm_ms", "photo_stall_ms", "photo_rss_mb"),
    "map": ("map_pinch_fps",),
}


def run_bench(args: argparse.Namespace) -> int:
    logging.basicConfig(level=logging.WARNING, format="bench: %(levelname)s %(name)s: %(message)s")
    wanted = set(args.only.split(",")) if args.only else set(BUDGETS)
    results: dict[str, Any] = {name: None for name in BUDGETS if name in wanted}
    notes: dict[str, str] = {}
    runs = args.runs or (3 if args.quick else 7)
    size: tuple[int, int] = tuple(args.size)

    if "startup_ms" in wanted:
        if "bare_window_ms" in wanted:
            median_ms, samples, bare_ms = measure_startup_with_floor(size, args.content, runs)
            results["bare_window_ms"] = rounded(bare_ms, 0)
            if bare_ms and median_ms:
                notes["bare_window_ms"] = (f"in the same run; the kiosk's start-up is {median_ms / bare_ms:.1f}× this "
                                           f"(start-up budget: {describe_startup_budget()})")
        else:
            median_ms, samples = measure_startup(size, args.content, runs)
        results["startup_ms"] = rounded(median_ms, 0)
        if median_ms is None:
            notes["startup_ms"] = "the start-up probe printed no first frame (see the log)"
        else:
            notes["startup_ms"] = f"median of {len(samples)}: " + ", ".join(f"{s:.0f}" for s in sorted(samples))
    if wanted - {"startup_ms", "bare_window_ms"}:
        _in_process(args, size, wanted, results, notes)
    if args.scale:
        results.update(_scale(args, size, runs, notes))

    if args.json:
        print(to_json(results))
        for name, note in notes.items():
            print(f"note: {name}: {note}", file=sys.stderr)
    else:
        print(machine_line(size))
        print(format_table(results, notes, size))
    return 1 if args.strict and over_budget(results, size) else 0


def _in_process(
    args: argparse.Namespace, size: tuple[int, int], wanted: set[str], results: dict[str, Any], notes: dict[str, str]
) -> None:
    from kiosk.app import build
    from kiosk.bench import idle, memory, transitions
    from kiosk.bench.driver import spin, wait_signal, wait_until

    quick = args.quick
    kiosk = build(args.content, windowed=True, size=size, lang="zh")
    window = kiosk.window
    window.allow_close = True
    if not wait_signal(window.first_frame, 10_000, window.show):
        raise SystemExit("kiosk bench: the window never painted its first frame")
    routes = kiosk.top_level_routes()
    wait_until(lambda: all(r.key in window.built_screens() for r in routes), 15_000)
    spin(300)

    if wanted & {"tap_to_frame_ms", "transition_fps", "frame_ms"}:
        figures = transitions.measure(kiosk, rounds=1 if quick else 3)
        for key in ("tap_to_frame_ms", "transition_fps", "frame_ms"):
            results[key] = figures[key]
        first = figures.get("tap_to_first_frame_ms")
        first_p95 = first.get("p95") if isinstance(first, dict) else None
        any_frame = f"; to the first frame of any kind: p95 {first_p95:.1f} ms" if first_p95 is not None else ""
        moves = "to the first frame that moves"
        notes["tap_to_frame_ms"] = f"{figures['transitions']} transitions by touch, {moves}{any_frame}"
    if "rss_mb" in wanted:
        results["rss_mb"] = memory.rss_after_visiting(kiosk)
        if results["rss_mb"] is None:
            notes["rss_mb"] = "this platform does not report resident memory"
    seconds = 2.0 if quick else 10.0
    if "idle_cpu_pct" in wanted:
        results["idle_cpu_pct"] = idle.idle_cpu_pct(kiosk, seconds)
        notes["idle_cpu_pct"] = f"over {seconds:g} s"
    if "attract_cpu_pct" in wanted:
        value, why = idle.attract_cpu_pct(kiosk, seconds)
        results["attract_cpu_pct"] = value
        notes["attract_cpu_pct"] = why or f"over {seconds:g} s"
    for module, keys in OPTIONAL.items():
        if wanted & set(keys):
            _optional(module, keys, kiosk, results, notes)
            transitions.go_home_quietly(kiosk)
    window.close()
    kiosk.images.shutdown()


def _optional(module: str, keys: tuple[str, ...], kiosk, results: dict[str, Any], notes: dict[str, str]) -> None:
    """Figures a feature measures itself; a missing module or a failure leaves them null with the reason."""
    name = f"kiosk.bench.{module}"
    try:
        measure = importlib.import_module(name).measure
    except ModuleNotFoundError as exc:
        why = "not available in this build" if exc.name == name else f"not available: {exc}"
        notes.update({key: why for key in keys})
        return
    except Exception as exc:  # a broken feature module must not take the benchmark down
        log.exception("%s failed to import", name)
        notes.update({key: f"failed to import: {exc}" for key in keys})
        return
    # A feature's measure drives its surface by code, not always by touch (the photo viewer flicks itself): the
    # unattended mode is held meanwhile, so a long measure (100 photos at 4K) is not taken for an empty room and
    # interrupted by "still there?" and the slideshow.
    hold = getattr(getattr(kiosk, "unattended", None), "pause", None)
    if callable(hold):
        hold(True)
    try:
        figures = measure(kiosk)
    except Exception as exc:
        log.exception("%s.measure failed", name)
        notes.update({key: f"failed: {exc}" for key in keys})
        return
    finally:
        if callable(hold):
            hold(False)
    viewer = figures.get("photo_viewer_size") if isinstance(figures, dict) else None
    if viewer and "photo_cold_ms" in keys:
        notes["photo_cold_ms"] = f"the viewer at {viewer}"
    for key in keys:
        value = figures.get(key) if isinstance(figures, dict) else None
        results[key] = value if isinstance(value, (int, float, dict)) and not isinstance(value, bool) else None
        if results[key] is None:
            notes[key] = "not measured"


def _child_figures(size: tuple[int, int], content: Path | None, runs: int) -> dict[str, Any]:
    """startup_ms and rss_mb of the given content, measured by a fresh `kiosk bench` process."""
    command = [*kiosk_command(), "bench", "--json", "--only", "startup_ms,rss_mb", "--runs", str(runs)]
    command += ["--size", f"{size[0]}x{size[1]}"]
    if content is not None:
        command += ["--content", str(content)]
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        done = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", errors="replace",
                              timeout=600, env=env)
        return json.loads(done.stdout.strip().splitlines()[-1])
    except (OSError, subprocess.TimeoutExpired, ValueError, IndexError) as exc:
        log.warning("scale check: child bench failed: %s", exc)
        return {}


def _scale(args: argparse.Namespace, size: tuple[int, int], runs: int, notes: dict[str, str]) -> dict[str, Any]:
    from kiosk import paths
    from kiosk.bench.scale import generate

    source = args.content or paths.default_content_dir()
    with tempfile.TemporaryDirectory(prefix="kiosk-scale-") as tmp:
        folder = Path(tmp) / "content"
        counts = generate(source, folder)
        shipped = _child_figures(size, args.content, runs)
        scaled = _child_figures(size, folder, runs)
    out = {
        "scale_startup_ms": scaled.get("startup_ms"),
        "scale_startup_ratio": rounded(ratio(scaled.get("startup_ms"), shipped.get("startup_ms")), 2),
        "scale_rss_mb": scaled.get("rss_mb"),
        "scale_rss_ratio": rounded(ratio(scaled.get("rss_mb"), shipped.get("rss_mb")), 2),
    }
    what = f"{counts['photos']} photos, {counts['events']} timeline events"
    notes["scale_startup_ms"] = f"{what}; shipped content {shipped.get('startup_ms')} ms in the same run"
    notes["scale_rss_mb"] = f"{what}; shipped content {shipped.get('rss_mb')} MB in the same run"
    return out


def machine_line(size: tuple[int, int]) -> str:
    try:
        from PySide6 import __version__ as qt_version
    except ImportError:  # pragma: no cover
        qt_version = "?"
    return (
        f"kiosk bench · {size[0]}×{size[1]} · {cpu_name()} × {os.cpu_count()} · {platform.system()} "
        f"{platform.release()} · Python {platform.python_version()} · PySide6 {qt_version} · "
        f"{os.environ.get('QT_QPA_PLATFORM', 'default')} · {time.strftime('%Y-%m-%d %H:%M')}"
    )


def cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()
