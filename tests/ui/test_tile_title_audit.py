"""The layout audit sees a home tile's title as drawn: one cut short with "…" is reported (`elided`) even where
every line the tile keeps fits its width (kiosk.ui.layout_probe)."""

from __future__ import annotations

from kiosk.ui import theme as t


def test_a_tile_title_cut_short_by_its_height_is_reported(qapp, qtbot):
    """A tile title too long for its tile is drawn with "…" even where each line it keeps fits the width: the
    audit must say so (it once judged a tile's title by its width alone and missed two of five cut tiles)."""
    from PySide6.QtWidgets import QWidget

    from kiosk.layout.audit import audit
    from kiosk.ui.fonts import register_fonts
    from kiosk.ui.layout_probe import collect
    from kiosk.ui.widgets.tile_button import TileButton

    theme = t.Theme.for_size(1920, 1080, register_fonts())
    theme.set_language("en")
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(600, 300)
    tile = TileButton(theme, t.ACCENT_DEFAULT, window)
    tile.set_text("Led by Party Building: Raising Strong Bastions " * 4, "")
    tile.resize(440, 140)
    window.show()
    qtbot.waitExposed(window)
    text, _font, _box, _used, fits = tile.title_layout()
    assert not fits and text.rstrip().endswith("…"), "the tile draws what fits and '…'"
    found = [f for f in audit(collect(window)) if f.name.endswith("/title")]
    assert "elided" in {f.rule for f in found}, found
