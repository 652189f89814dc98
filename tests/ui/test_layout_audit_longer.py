"""The layout audit on content much longer than the shipped text (`tools/longer_content.py`: every title, tile,
lead, caption, figure unit and label and card text about 1.7 times as long in both languages, with a long
hyphenated English word, a long number with its unit and a topic of twelve paragraphs), at 1920×1080 in Chinese
and English: a content editor who writes longer text than ours must still get a kiosk whose every text fits its
box, with nothing meaningful cut short with "…", no overlapping buttons and nothing covered
(`kiosk.layout.audit`). tests/ui/test_layout_audit.py runs the full matrix on text ~40 % longer; this is the
harder, smaller check. One kiosk per language, one test case per place, so a defect is reported where it is.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kiosk.layout.audit import Finding, report
from kiosk.tour import touring
from kiosk.ui import theme as t
from kiosk.ui.layout_tour import audit_here, settle, states, wait_until
from kiosk.ui.widgets.figure_card import FigureCard

from .helpers import audit_cases

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
import longer_content

SIZES = ((1920, 1080), (1080, 1920))
PLACES = ("home", "intro", "section-develop", "section-party", "section-civility", "section-livelihood",
          "timeline-card", "map-card", "gallery", "photo", "slideshow", "still-there", "closed")

BAR = ("the portrait bar sets a title on up to three lines at a caption's size (never smaller) and cuts a longer one "
       "with '…': 'Higher-Quality Growth: … infrastructure-modernisation-programme' needs four; the page shows it "
       "whole and `kiosk check` warns the editor (kiosk.layout.bar_title)")
KNOWN: dict[tuple[str, str, str], str] = {
    ("en", "1080x1920", "section-develop"): BAR,
}


@pytest.fixture(scope="module")
def findings(qapp, tmp_path_factory) -> dict[tuple[str, str, str], list[Finding]]:
    """Every place's findings, keyed (lang, size, place): one kiosk per language and size."""
    results: dict[tuple[str, str, str], list[Finding]] = {}
    home = tmp_path_factory.mktemp("longer-user")
    content = longer_content.lengthen(longer_content.SHIPPED, tmp_path_factory.mktemp("longer") / "content")
    with pytest.MonkeyPatch.context() as mp:
        for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            mp.setenv(var, str(home / var.lower()))
        mp.setattr(t, "TRANSITION_MS", 40)
        for lang, size in ((lang, size) for lang in ("zh", "en") for size in SIZES):
            with touring(content, size, lang) as kiosk:
                for state in states(kiosk):
                    state.enter()
                    if state.name in PLACES:
                        # judged at its value, not mid count-up
                        wait_until(lambda w=kiosk.window: not counting(w), 4000)
                        results[(lang, f"{size[0]}x{size[1]}", state.name)] = audit_here(kiosk)
                    state.leave()
                settle()
    return results


def counting(window) -> bool:
    return any(card.counting() for card in window.findChildren(FigureCard) if card.isVisible())


def cases():
    return audit_cases([(lang, f"{w}x{h}", place) for lang in ("zh", "en") for w, h in SIZES for place in PLACES],
                       KNOWN)


@pytest.mark.parametrize("key", cases())
def test_every_place_copes_with_much_longer_text(findings, key):
    assert key in findings, f"the tour never reached {key[2]}"
    found = findings[key]
    assert found == [], f"{len(found)} findings on {' '.join(key)} with longer text:\n{report(found)}"

