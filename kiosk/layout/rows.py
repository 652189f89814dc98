"""Rows as even as they can be, for a grid of cards or tiles that must not leave a cell empty at a row's end.

Seven tiles in four columns are 4 and 3, in three columns 3, 2 and 2; seven figures in two columns are 2, 2, 2
and 1, the last as wide as the column. A shorter row's cards are wider, so every row fills the grid's width.
"""

from __future__ import annotations


def even_rows(count: int, columns: int) -> list[int]:
    """How many of `count` items stand in each row, at most `columns` to a row, as few rows as that allows, the
    longer rows first and no two rows differing by more than one."""
    if count <= 0:
        return []
    columns = max(1, columns)
    rows = -(-count // columns)
    base, extra = divmod(count, rows)
    return [base + 1 if row < extra else base for row in range(rows)]
