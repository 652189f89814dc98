"""The benchmark's arithmetic without Qt: percentiles, CPU share, resident memory, budgets and the table, the
monkey's plan, and the generated scale content."""

from __future__ import annotations

import sys

import pytest

from kiosk.bench import plan as monkey_plan
from kiosk.bench.report import BUDGETS, format_table, over_budget, rss_limit_mb, startup_holds, verdict
from kiosk.bench.stats import CpuWindow, cpu_percent, median, parse_vmrss, percentile, ratio, rss_mb, summary


def test_percentile_interpolates_between_closest_ranks():
    values = [10, 20, 30, 40, 50]
    assert percentile(values, 0) == 10
    assert percentile(values, 100) == 50
    assert percentile(values, 50) == 30
    assert percentile(values, 95) == pytest.approx(48.0)
    assert percentile([3, 1, 2], 50) == 2  # order does not matter
    assert percentile([7.5], 95) == 7.5
    assert percentile([], 50) is None
    with pytest.raises(ValueError):
        percentile(values, 101)


def test_median_and_summary():
    assert median([5, 1, 9, 3]) == 4.0
    assert summary([1.0, 2.0, 3.0, 4.0, 100.0]) == {"p50": 3.0, "p95": 80.8}
    assert summary([]) == {"p50": None, "p95": None}


def test_cpu_percent_is_cpu_time_over_wall_time():
    assert cpu_percent(0.5, 10.0) == pytest.approx(5.0)
    assert cpu_percent(2.0, 1.0) == pytest.approx(200.0)  # two busy threads
    assert cpu_percent(1.0, 0.0) is None
    assert cpu_percent(-0.1, 1.0) == 0.0


def test_cpu_window_divides_process_time_by_wall_time(monkeypatch):
    from kiosk.bench import stats

    clock = {"cpu": 10.0, "wall": 100.0}
    monkeypatch.setattr(stats.time, "process_time", lambda: clock["cpu"])
    monkeypatch.setattr(stats.time, "perf_counter", lambda: clock["wall"])
    window = CpuWindow()
    window.start()
    clock["cpu"] += 0.15
    clock["wall"] += 10.0
    assert window.stop() == pytest.approx(1.5)


def test_vmrss_is_read_from_proc_status_text():
    status = "Name:\tpython\nVmPeak:\t  500000 kB\nVmRSS:\t  204800 kB\nThreads:\t5\n"
    assert parse_vmrss(status) == pytest.approx(200.0)
    assert parse_vmrss("VmRSS:\t1 mB\n") == pytest.approx(1.0)
    assert parse_vmrss("Name:\tpython\n") is None
    assert parse_vmrss("VmRSS:\tlots kB\n") is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_rss_of_this_process_is_plausible():
    value = rss_mb()
    # In megabytes, not kilobytes or pages: more than an empty interpreter, less than the machine's memory
    # (the test process itself grows while the UI tests build their many windows).
    assert value is not None and 5 < value < 64_000


def test_ratio():
    assert ratio(120, 100) == pytest.approx(1.2)
    assert ratio(None, 100) is None
    assert ratio(5, 0) is None


def test_verdicts_follow_each_budget_direction_and_p95():
    assert verdict("startup_ms", 599) == "OK"
    assert verdict("startup_ms", 601) == "OVER"
    assert verdict("transition_fps", 58) == "OK"
    assert verdict("transition_fps", 40) == "OVER"
    assert verdict("tap_to_frame_ms", {"p50": 10, "p95": 49}) == "OK"
    assert verdict("tap_to_frame_ms", {"p50": 10, "p95": 51}) == "OVER"
    assert verdict("attract_cpu_pct", None) == "n/a"
    assert over_budget({"startup_ms": 700, "rss_mb": 150, "idle_cpu_pct": None}) == ["startup_ms"]


def test_startup_is_judged_beside_the_bare_window_of_the_same_run():
    assert startup_holds(590, None)
    assert not startup_holds(690, None)  # no bare window: the budget alone
    assert startup_holds(690, 250)  # Xvfb on a quiet PC: 2.8× a bare window, under twice the budget
    assert not startup_holds(1100, 250)  # 4.4× a bare window: this kiosk is slow here, not the display
    assert not startup_holds(1300, 500)  # a slow PC: under 4× its bare window, but over twice the budget
    assert verdict("startup_ms", 690, {"startup_ms": 690, "bare_window_ms": 250}) == "OK"
    assert verdict("startup_ms", 690, {"startup_ms": 690, "bare_window_ms": 120}) == "OVER"
    assert over_budget({"startup_ms": 690, "bare_window_ms": 250}) == []


def test_memory_budget_grows_with_the_window_to_250_mb_at_4k():
    assert rss_limit_mb(None) == 200
    assert rss_limit_mb((1920, 1080)) == 200
    assert rss_limit_mb((1080, 1920)) == 200
    assert rss_limit_mb((1366, 768)) == 200
    assert rss_limit_mb((3840, 2160)) == 250
    assert rss_limit_mb((7680, 4320)) == 250
    assert 200 < rss_limit_mb((2560, 1440)) < 250
    assert verdict("rss_mb", 243, size=(3840, 2160)) == "OK"
    assert verdict("rss_mb", 243, size=(1920, 1080)) == "OVER"
    assert over_budget({"rss_mb": 243}, size=(3840, 2160)) == []


def test_table_has_one_line_per_figure_with_budget_and_reason():
    results = {name: None for name in BUDGETS}
    results["startup_ms"] = 420.0
    results["frame_ms"] = {"p50": 1.2, "p95": 9.5}
    table = format_table(results, {"map_pinch_fps": "not available in this build"})
    lines = table.splitlines()
    assert len(lines) == len(BUDGETS) + 1
    assert "startup_ms" in lines[1] and "420.0 ms" in lines[1] and "≤ 600 ms" in lines[1] and "OK" in lines[1]
    assert "—" in next(line for line in lines if line.startswith("photo_rss_mb"))
    frame = next(line for line in lines if line.startswith("frame_ms"))
    assert "p95 9.5" in frame and "OVER" in frame
    assert "(not available in this build)" in next(line for line in lines if line.startswith("map_pinch_fps"))


def test_the_monkey_plan_is_the_same_for_a_seed_and_differs_between_seeds():
    first = list(monkey_plan.plan(7, 500))
    assert first == list(monkey_plan.plan(7, 500))
    assert first != list(monkey_plan.plan(8, 500))
    kinds = {event.kind for event in first}
    assert {"tap", "swipe", "pinch", "long_press", "language", "idle_timeout"} <= kinds


@pytest.mark.parametrize("aspect", [16 / 9, 9 / 16])
def test_no_planned_touch_lands_in_a_corner_where_the_staff_gesture_lives(aspect):
    short = monkey_plan.CORNER
    cx, cy = (short / aspect, short) if aspect > 1 else (short, short * aspect)
    touches = [e for e in monkey_plan.plan(3, 3000, aspect) if e.kind in ("tap", "long_press", "double_tap", "pinch")]
    assert touches
    for event in touches:
        assert not ((event.x < cx or event.x > 1 - cx) and (event.y < cy or event.y > 1 - cy)), event
    holds = [e.ms for e in monkey_plan.plan(3, 3000, aspect) if e.kind == "long_press"]
    assert holds and max(holds) < 3000  # the staff gesture is a 3-second hold


def test_scale_content_loads_with_the_requested_photos_and_events(tmp_path):
    from kiosk import paths
    from kiosk.bench.scale import generate
    from kiosk.content import load_exhibition

    counts = generate(paths.default_content_dir(), tmp_path / "content", photos=40, events=30)
    exhibition, _ = load_exhibition(tmp_path / "content")
    assert counts["photos"] == len(exhibition.all_photos()) == 40
    timeline = getattr(exhibition, "timeline", None)
    if timeline is not None:
        assert counts["events"] == len(timeline.events) == 30
    shipped, _ = load_exhibition(paths.default_content_dir())
    assert [s.id for s in exhibition.sections] == [s.id for s in shipped.sections]
    assert exhibition.title == shipped.title


def test_the_benchmark_runs_offscreen_unless_asked_for_the_real_display():
    from kiosk.bench.cli import bench_parser, choose_platform

    assert choose_platform(None, {}) == "offscreen"
    assert choose_platform(None, {"QT_QPA_PLATFORM": "xcb"}) == "xcb"
    environ = {"QT_QPA_PLATFORM": "offscreen"}
    args = bench_parser().parse_args(["--platform", "xcb", "--size", "3840x2160"])
    assert choose_platform(args.platform, environ) == "xcb" and environ["QT_QPA_PLATFORM"] == "xcb"
    assert tuple(args.size) == (3840, 2160)
