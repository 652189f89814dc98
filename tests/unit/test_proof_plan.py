"""The proof's plan: which pages, in a visitor's order, from the content and the measured scroll heights."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk import paths
from kiosk.content import load_exhibition
from kiosk.navigation import Route
from kiosk.proof import pages_for, plan, scroll_routes


@pytest.mark.parametrize(("maximum", "viewport", "pages"),
                         [(0, 500, 1), (1, 500, 2), (500, 500, 2), (501, 500, 3), (1500, 500, 4), (100, 0, 1)])
def test_one_page_per_viewport_height(maximum: int, viewport: int, pages: int) -> None:
    assert pages_for(maximum, viewport) == pages


def test_the_plan_follows_a_visitor_in_each_language() -> None:
    ex, _ = load_exhibition(paths.default_content_dir())
    scroll = {("zh", "section/party"): 3, ("en", "section/party"): 4, ("en", "gallery"): 2}
    pages = plan(ex, ("zh", "en"), scroll, ["s1", "s2"])
    for lang in ("zh", "en"):
        mine = [p for p in pages if p.lang == lang]
        assert mine[0].route == Route("home") and mine[1].route == Route("intro")
        assert [p.page for p in mine if p.route == Route("section", "party")] == \
            list(range(1, scroll[(lang, "section/party")] + 1))
        assert [p.item for p in mine if p.kind == "event"] == [e.id for e in ex.timeline.events]
        assert [p.item for p in mine if p.kind == "feature"] == [f.id for f in ex.map.features]
        assert [p.item for p in mine if p.kind == "photo"] == [p.id for p in ex.all_photos()]
        slides = [p.label() for p in mine if p.kind == "slide"]
        assert slides == ["attract · slide s1 (1/2)", "attract · slide s2 (2/2)"]
    assert [p.lang for p in pages] == sorted(p.lang for p in pages)[::-1]  # all of zh, then all of en
    per_lang = 2 + len(ex.sections) + 1 + len(ex.timeline.events) + 1 + len(ex.map.features) + 1 + \
        len(ex.all_photos()) + 2
    assert len(pages) == 2 * per_lang + (3 - 1) + (4 - 1) + (2 - 1)
    assert scroll_routes(ex)[-1] == Route("gallery")
    assert next(p for p in pages if p.route == Route("section", "party")).label() == "section/party · page 1/3"


def test_ctrl_c_during_the_proof_leaves_no_half_pdf(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    """Ctrl-C while pages are rendered: neither the PDF nor its hidden part file is left, and the exit says so."""
    import kiosk.proof as proof
    import kiosk.proof_render as proof_render

    def interrupted(part: Path, *args: object, **kwargs: object) -> int:
        part.write_bytes(b"%PDF-1.4 half a proof")
        raise KeyboardInterrupt

    monkeypatch.setattr(proof_render, "render_proof", interrupted)
    monkeypatch.setattr("kiosk.preflight.problem", lambda: None)
    out = tmp_path / "proof.pdf"
    assert proof.main(["--out", str(out), "--lang", "en"]) == 130
    assert list(tmp_path.iterdir()) == []
    assert "interrupted" in capsys.readouterr().err


def test_ctrl_c_caught_inside_qt_still_stops_the_proof(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Qt calls Python back (event filters, paint events) and swallows an exception raised there: a Ctrl-C that lands
    in such a call was printed as an error and the proof went on to the end. The proof stops at the next page."""
    import signal

    import kiosk.proof as proof
    import kiosk.proof_render as proof_render

    def render(part: Path, *args: object, progress) -> int:
        part.write_bytes(b"%PDF-1.4 half a proof")
        progress(1, 3, "cover")
        try:  # as PySide does when a Python override called from Qt raises
            signal.raise_signal(signal.SIGINT)
        except BaseException:
            pass
        progress(2, 3, "home")
        progress(3, 3, "foreword")
        return 3

    monkeypatch.setattr(proof_render, "render_proof", render)
    monkeypatch.setattr("kiosk.preflight.problem", lambda: None)
    before = signal.getsignal(signal.SIGINT)
    assert proof.main(["--out", str(tmp_path / "proof.pdf"), "--lang", "en"]) == 130
    assert list(tmp_path.iterdir()) == []
    assert signal.getsignal(signal.SIGINT) is before


def test_a_folder_as_the_output_is_refused_before_any_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          capsys) -> None:
    """`--out hall/` wrote `hall.pdf` beside the folder; `--out x.pdf/` (a folder) failed after every page was
    rendered (half a minute). Both are said at once."""
    import kiosk.proof as proof
    import kiosk.proof_render as proof_render

    def render(*args: object, **kwargs: object) -> int:
        raise AssertionError("no page is rendered")

    monkeypatch.setattr(proof_render, "render_proof", render)
    monkeypatch.setattr("kiosk.preflight.problem", lambda: None)
    for folder in (tmp_path / "hall", tmp_path / "x.pdf"):
        folder.mkdir()
        assert proof.main(["--out", str(folder), "--lang", "en"]) == 2
        assert "is a folder" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hall", "x.pdf"]
