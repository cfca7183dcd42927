"""Text placed on a page by position — pieces recognised from a scan, text objects of an OFD file —
put back in reading order: pieces on one visual line joined left to right, and a ruled table's
pieces gathered by the cell their rules enclose, each row one tab-separated line as every loader
gives a table row. Positions are in any unit, y growing downwards."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from corpus.cells import TABLE_SEP


@dataclass
class Page:
    lines: list[dict] = field(default_factory=list)  # text outside tables, one dict per visual line
    rows: list[tuple[float, str]] = field(default_factory=list)  # a table row: its top, its cells


def piece(x0: float, top: float, x1: float, bottom: float, text: str) -> dict:
    """A piece of text and its box, in pdfplumber's keys (the PDF loader's unwrapping reads them)."""
    return {"x0": x0, "x1": x1, "top": top, "bottom": bottom, "text": text}


def lines_of(pieces: list[dict]) -> list[dict]:
    """Pieces on one visual line joined left to right: a piece belongs to a line when most of its
    height overlaps the line's. A wide gap (a full-width space between two labels) stays a space."""
    lines = _clusters(sorted(pieces, key=lambda p: (p["top"], p["x0"])), lambda p: (p["top"], p["bottom"]), 0.5)
    out = []
    for line in lines:
        line.sort(key=lambda p: p["x0"])
        text = line[0]["text"]
        for prev, p in zip(line, line[1:]):
            char = prev["bottom"] - prev["top"]
            text += ("　" if p["x0"] - prev["x1"] > 0.8 * char else "") + p["text"]
        out.append(piece(line[0]["x0"], min(p["top"] for p in line), line[-1]["x1"],
                         max(p["bottom"] for p in line), text))
    out.sort(key=lambda ln: ln["top"])
    return out


@dataclass
class Table:
    ys: list[float]  # the horizontal rules, top to bottom
    xs: list[float]  # the vertical rules, left to right
    open_below: frozenset = frozenset()  # (row, column): no rule under that cell, it spans the next row
    open_right: frozenset = frozenset()  # (row, column): no rule right of that cell, it spans the next column

    def holds(self, p: dict) -> bool:
        x, y = _centre(p)
        return self.xs[0] <= x <= self.xs[-1] and self.ys[0] <= y <= self.ys[-1]

    def cell_box(self, r: int, c: int) -> tuple[float, float, float, float]:
        return self.xs[c], self.ys[r], self.xs[c + 1], self.ys[r + 1]

    def rows(self, pieces: list[dict], empty_cell: Callable[[tuple], str] | None = None
             ) -> list[tuple[float, str]]:
        """(top, tab-separated cells) per row; `empty_cell(box)` may read a cell no piece fell in."""
        cells: dict[tuple[int, int], list[dict]] = {}
        for whole in pieces:
            r = next(i for i in range(len(self.ys) - 1) if _centre(whole)[1] <= self.ys[i + 1])
            for p in self._split_at_rules(whole, r):
                x = _centre(p)[0]
                c = next(i for i in range(len(self.xs) - 1) if x <= self.xs[i + 1])
                while c and (r, c - 1) in self.open_right:  # a merged cell's text is its first column's
                    c -= 1
                cells.setdefault((r, c), []).append(p)
        grid = [["".join(line["text"] for line in lines_of(cells.get((r, c), [])))
                 or (empty_cell(self.cell_box(r, c)) if empty_cell and (r, c - 1) not in self.open_right else "")
                 for c in range(len(self.xs) - 1)] for r in range(len(self.ys) - 1)]
        self._carry_merged(grid)
        return [(float(self.ys[r]), TABLE_SEP.join(texts)) for r, texts in enumerate(grid) if any(texts)]

    def _split_at_rules(self, p: dict, r: int) -> list[dict]:
        """A piece of recognised text that runs over a cell's rule (two cells read as one box:
        "区人力资源社会保障局2025年10月底") cut where the rule stands, by its characters' share of
        the box; over a column boundary with no rule in this row (a merged cell) it stays whole."""
        text = p["text"]
        cuts = [x for c, x in enumerate(self.xs[1:-1]) if p["x0"] < x < p["x1"] and (r, c) not in self.open_right]
        if not cuts or len(text) < 2:
            return [p]
        # where each character ends, a half-width one (a digit, a Latin letter) half as wide
        ends, run = [], 0.0
        for ch in text:
            run += 0.5 if ord(ch) < 0x2E80 else 1.0
            ends.append(run)
        scale = (p["x1"] - p["x0"]) / run
        out, start, left = [], 0, p["x0"]
        for x in cuts:
            end = max(start, min(range(len(text) + 1), key=lambda k: abs((ends[k - 1] if k else 0.0) * scale + p["x0"] - x)))
            if end > start:
                out.append({**p, "x0": left, "x1": x, "text": text[start:end]})
            start, left = end, x
        if start < len(text):
            out.append({**p, "x0": left, "x1": p["x1"], "text": text[start:]})
        return out

    def _carry_merged(self, grid: list[list[str]]) -> None:
        """A cell merged over several rows (a 牵头单位 over a group of tasks, a category) prints its
        text once, in its middle: as the other loaders do, every row it spans gets it."""
        for c in range(len(self.xs) - 1):
            r = 0
            while r < len(grid):
                end = r
                while (end, c) in self.open_below and end + 1 < len(grid):
                    end += 1
                if end > r:
                    text = "".join(grid[k][c] for k in range(r, end + 1))
                    for k in range(r, end + 1):
                        grid[k][c] = text
                r = end + 1


def _covered(rules: list[tuple[float, float, float]], x: float, y0: float, y1: float, gap: float) -> float:
    """How much of the span y0..y1 the vertical rules at x cover, 0..1."""
    spans = sorted((max(a, y0), min(b, y1)) for rx, a, b in rules if abs(rx - x) <= gap and b > y0 and a < y1)
    covered, reach = 0.0, y0
    for a, b in spans:
        if b > reach:
            covered += b - max(a, reach)
            reach = b
    return covered / (y1 - y0) if y1 > y0 else 1.0


def _clusters(things: list, span: Callable, share: float) -> list[list]:
    """Things grouped by their spans along one axis, in order: a thing joins the first group whose
    span overlaps its own by more than `share` of the shorter of the two (pieces on one visual line,
    rules standing over the same rows)."""
    groups: list[list] = []
    for thing in things:
        lo, hi = span(thing)
        for g in groups:
            g_lo, g_hi = min(span(t)[0] for t in g), max(span(t)[1] for t in g)
            if min(hi, g_hi) - max(lo, g_lo) > share * min(hi - lo, g_hi - g_lo):
                g.append(thing)
                break
        else:
            groups.append([thing])
    return groups


def _centre(p: dict) -> tuple[float, float]:
    return (p["x0"] + p["x1"]) / 2, (p["top"] + p["bottom"]) / 2


def merged(positions: list[float], gap: float) -> list[float]:
    """Positions closer than `gap` (the two edges of one thick rule) as one."""
    groups: list[list[float]] = []
    for p in sorted(positions):
        if groups and p - groups[-1][-1] <= gap:
            groups[-1].append(p)
        else:
            groups.append([p])
    return [sum(g) / len(g) for g in groups]


def tables(horizontal: list[tuple[float, float, float]], vertical: list[tuple[float, float, float]],
           gap: float, has_rule: Callable[[float, float, float], bool] | None = None,
           rules_right: bool = False) -> list[Table]:
    """Ruled tables from rules — horizontal (y, x0, x1), vertical (x, y0, y1): vertical rules that
    stand side by side over the same rows, and the horizontal rules between them. A lone horizontal
    rule (the red rule under a 红头) is no table. `has_rule(y, x0, x1)`: whether a rule runs at y
    under that column; where one does not, the cell above spans the row below (a merged cell)."""
    if len(vertical) < 2:
        return []
    groups = _clusters(sorted(vertical, key=lambda v: v[1]), lambda v: (v[1], v[2]), 0.0)
    found = []
    for g in groups:
        xs = merged([v[0] for v in g], gap)
        if len(xs) < 2:
            continue
        y0, y1 = min(v[1] for v in g), max(v[2] for v in g)
        # a rule broken by merged cells (a category, a lead over several rows) still covers most of
        # the table's width, in pieces
        inside = [(y, max(a, xs[0]), min(b, xs[-1])) for y, a, b in horizontal
                  if y0 - gap <= y <= y1 + gap and b > xs[0] and a < xs[-1]]
        ys = [y for y in merged([y for y, _, _ in inside], gap)
              if sum(b - a for ry, a, b in inside if abs(ry - y) <= gap) >= 0.6 * (xs[-1] - xs[0])]
        if len(ys) >= 3:
            open_below = frozenset((r, c) for r in range(len(ys) - 2) for c in range(len(xs) - 1)
                                   if has_rule is not None and not has_rule(ys[r + 1], xs[c], xs[c + 1]))
            # with `rules_right`, a row whose inner column rule is missing for most of its height
            # is one cell across (a category row), not several
            open_right = frozenset() if not rules_right else frozenset(
                (r, c) for r in range(len(ys) - 1) for c in range(len(xs) - 2)
                if _covered(g, xs[c + 1], ys[r], ys[r + 1], gap) < 0.5)
            found.append(Table(ys, xs, open_below, open_right))
    return found
