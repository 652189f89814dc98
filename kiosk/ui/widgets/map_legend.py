"""The map's legend: what each status and each class of line looks like, and the place symbols, drawn with the
very pens and icons of the map (`map_style`), so legend and map cannot disagree."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from kiosk.content.schema import Lang
from kiosk.ui import theme as t
from kiosk.ui.icons import icon
from kiosk.ui.strings import tr
from kiosk.ui.theme import Theme
from kiosk.ui.widgets import map_style as style

# (what the sample shows, kind, status); "status" rows show a road and a place badge in that status
ROWS: tuple[tuple[str, str, str | None], ...] = (
    *(("status", "trunk_road", status) for status in style.STATUS_ORDER),
    ("kind", "boundary", None),  # first of the kinds: in the column of the longest status names, both fit
    ("kind", "expressway", "built"),
    ("kind", "express_highway", "built"),
    ("kind", "railway", "built"),
    ("kind", "trunk_road", "built"),
    ("kind", "road", "built"),
    ("kind", "river", None),
    ("kind", "zone", "built"),
    ("symbol", "town", None),
    ("symbol", "village", None),
)


class LegendSample(QWidget):
    """One legend swatch: a line segment, a zone patch, or a symbol."""

    def __init__(self, theme: Theme, what: str, kind: str, status: str | None, parent: QWidget | None = None):
        super().__init__(parent)
        self._theme, self._what, self._kind, self._status = theme, what, kind, status
        self.setFixedSize(QSize(theme.px(64), theme.px(34)))

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        w, h = self.width(), self.height()
        px = self._theme.px
        if self._kind == "boundary":
            for pen in style.boundary_pens(px):
                pen.setCosmetic(False)
                p.setPen(pen)
                p.drawLine(QPointF(px(8), h / 2), QPointF(w - px(8), h / 2))
        elif self._kind == "zone":
            fill = QColor(style.ZONE)
            fill.setAlpha(60)
            # a zone's edge shows its status, as on the map
            edge = style.dash(QPen(style.zone_edge(self._status), px(2)), self._status)
            edge.setCosmetic(False)
            p.setPen(edge)
            p.setBrush(fill)
            p.drawRoundedRect(px(6), px(5), w - px(12), h - px(10), px(4), px(4))
        elif self._what == "symbol":
            r = px(15)
            if self._kind in ("town", "village"):  # the map's own dot, at the map's own size
                dot = style.marker_radius(self._kind, px) * style.DOT
                p.setPen(QPen(QColor(t.BACKGROUND), style.DOT_RING))
                p.setBrush(QColor(t.TEXT))
                p.drawEllipse(QPointF(w / 2, h / 2), dot, dot)
            else:
                colour = style.status_colour(self._status)
                p.setPen(style.dash(QPen(colour, px(2.5)), self._status))
                p.setBrush(QColor(style.BADGE))
                p.drawEllipse(QPointF(w / 2, h / 2), r, r)
                side = int(r * 1.2)
                icon(style.icon_name(self._kind, None), colour.name()).paint(
                    p, int(w / 2 - side / 2), int(h / 2 - side / 2), side, side
                )
        else:
            end = w / 2 - px(4) if self._what == "status" else w - px(8)
            for pen in style.line_pens(self._kind, self._status, px):
                pen.setCosmetic(False)
                p.setPen(pen)
                p.drawLine(QPointF(px(8), h / 2), QPointF(end, h / 2))
            if self._what == "status":  # places show their status on the ring of their badge
                r = px(11)
                p.setPen(style.dash(QPen(style.status_colour(self._status), px(2.5)), self._status))
                p.setBrush(QColor(style.BADGE))
                p.drawEllipse(QPointF(w - r - px(5), h / 2), r, r)
        p.end()


class MapLegend(QWidget):
    """The statuses, then the kinds, each group under its own heading and in `columns` columns; or
    (`statuses_beside`, a wide, low legend) the statuses in a column of their own before the kinds."""

    def __init__(self, theme: Theme, columns: int = 2, statuses_beside: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        p = theme.px
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(p(12))
        grid.setVerticalSpacing(p(4))
        self._rows: list[tuple[QLabel, str, str, str | None]] = []
        self._headings: list[tuple[QLabel, str]] = []
        statuses = [row for row in ROWS if row[0] == "status"]
        kinds = [row for row in ROWS if row[0] != "status"]
        per_column = -(-len(kinds) // columns)
        if statuses_beside:  # a wide, low legend: statuses in a column of their own, first
            self._heading(theme, grid, "map_legend_status", 0, 0, 2)
            self._heading(theme, grid, "map_legend_kinds", 0, 2, columns * 2)
            for index, row in enumerate(statuses):
                self._add(theme, grid, row, 1 + index, 0)
            for index, row in enumerate(kinds):
                self._add(theme, grid, row, 1 + index % per_column, 2 + (index // per_column) * 2)
            columns += 1
        else:  # a narrow, tall legend: the statuses row by row across the columns too, so it stays short
            status_rows = -(-len(statuses) // columns)
            self._heading(theme, grid, "map_legend_status", 0, 0, columns * 2)
            for index, row in enumerate(statuses):
                self._add(theme, grid, row, 1 + index // columns, (index % columns) * 2)
            self._heading(theme, grid, "map_legend_kinds", 1 + status_rows, 0, columns * 2)
            for index, row in enumerate(kinds):
                self._add(theme, grid, row, 2 + status_rows + index % per_column, (index // per_column) * 2)
        for column in range(columns):
            grid.setColumnStretch(column * 2 + 1, 1)

    def _heading(self, theme: Theme, grid: QGridLayout, key: str, r: int, c: int, span: int) -> None:
        label = QLabel(self)
        label.setFont(theme.font(t.CAPTION - 4, bold=True))
        label.setProperty("role", "muted")
        label.setContentsMargins(0, theme.px(6) if r else 0, 0, 0)
        grid.addWidget(label, r, c, 1, span)
        self._headings.append((label, key))

    def _add(self, theme: Theme, grid: QGridLayout, row: tuple[str, str, str | None], r: int, c: int) -> None:
        what, kind, status = row
        label = QLabel(self)
        label.setFont(theme.font(t.CAPTION))
        label.setProperty("role", "text")
        grid.addWidget(LegendSample(theme, what, kind, status, self), r, c, Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(label, r, c + 1, Qt.AlignmentFlag.AlignVCenter)
        self._rows.append((label, what, kind, status))

    def set_language(self, lang: Lang) -> None:
        for heading, key in self._headings:
            heading.setText(tr(key, lang))
        for label, what, kind, status in self._rows:
            if what == "status":
                label.setText(style.status_name(status or "built", lang))
            else:
                label.setText(style.kind_name(kind, lang))
