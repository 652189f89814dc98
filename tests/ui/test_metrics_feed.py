"""The metrics file of a running kiosk: written at once into `KIOSK_METRICS_DIR`, with the content on show, the
visits of today, and the frames the window painted; a content reload changes its fingerprint; it stops with the
kiosk."""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path

from kiosk.app_metrics import install_metrics
from kiosk.navigation import Route
from kiosk.staff.diagnostics import content_fingerprint

SHIPPED = Path(__file__).resolve().parents[2] / "assets" / "content"


def sample(text: str, name: str) -> str:
    m = re.search(rf"^{name}(?:{{[^}}]*}})? (\S+)$", text, flags=re.M)
    assert m, f"{name} missing in\n{text}"
    return m.group(1)


def test_a_running_kiosk_writes_its_metrics(make_kiosk, qtbot, tmp_path: Path, monkeypatch) -> None:
    content = tmp_path / "content"
    shutil.copytree(SHIPPED, content)
    metrics_dir = tmp_path / "metrics"
    monkeypatch.setenv("KIOSK_METRICS_DIR", str(metrics_dir))
    kiosk = make_kiosk(content=content)
    feed = install_metrics(kiosk)
    assert feed is not None
    try:
        target = metrics_dir / "kiosk.prom"
        qtbot.waitUntil(target.exists, timeout=10_000)
        text = target.read_text(encoding="utf-8")
        fingerprint = content_fingerprint(content).split(" · ")[0]
        assert f'kiosk_content_info{{fingerprint="{fingerprint}"' in text
        assert sample(text, "kiosk_visits_today") == "0"
        assert float(sample(text, "kiosk_memory_rss_bytes")) > 10_000_000

        kiosk.window.navigate(Route("section", "party"))  # frames painted
        qtbot.waitUntil(lambda: kiosk.navigator.current == Route("section", "party"), timeout=10_000)
        feed.refresh()
        feed.writer.write_once()
        assert float(sample(target.read_text(encoding="utf-8"), "kiosk_frames_per_second")) > 0

        toml = content / "exhibition.toml"
        toml.write_text(toml.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
        assert kiosk.staff is not None
        kiosk.staff.controller.services.reload_content()  # the staff panel's Reload
        feed.writer.write_once()
        changed = content_fingerprint(content).split(" · ")[0]
        assert changed != fingerprint
        assert f'kiosk_content_info{{fingerprint="{changed}"' in target.read_text(encoding="utf-8")
    finally:
        feed.stop()
    assert feed.writer._thread is None
    assert feed.writer.errors not in logging.getLogger().handlers
