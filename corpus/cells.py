"""How every loader writes a table: one line per row, cells joined by TABLE_SEP, the paragraphs of
one cell by CELL_BREAK, so the later stages read a Word, HTML, PDF, OFD or scanned table alike."""
from __future__ import annotations

TABLE_SEP = "\t"
CELL_BREAK = "<br>"  # paragraphs inside one table cell (the Markdown exports write the same)


def row_line(cells: list[str]) -> str:
    clean = [" ".join(c.replace(TABLE_SEP, " ").split("\n")).strip() if CELL_BREAK not in c else c
             for c in cells]
    return TABLE_SEP.join(clean)


def cell_text(paragraphs: list[str]) -> str:
    return CELL_BREAK.join(p.strip() for p in paragraphs if p.strip())
