"""Ditto cells of a task table: a unit or deadline cell that says `同上`, `〃` or `同第8项` instead of
repeating what another row says. Tables filled in by hand write them this way (the table's 注 says
so: "同上或〃表示与上一项相同；同上，X表示上一项的单位另加X；同第×项表示与第×项相同"), and a reader
that takes the cell as written gets a unit called 同上. The cell is read as the cell it points to,
in the same column; `同上，X` is that cell and X. A row that points to a row that itself says 同上
gets what that one resolved to, so chains resolve."""
from __future__ import annotations

import re

from corpus.text import cn_to_int
from corpus.units import nfkc

# the columns a ditto may stand in: who does the task, and by when
DITTO_ROLES = ("lead", "responsible", "participating", "deadline")
_ABOVE = r"(?:同上|〃|″|′′|同前|同上一?项)"
_SAME_ABOVE = re.compile(rf"^{_ABOVE}$")
_ABOVE_AND = re.compile(rf"^{_ABOVE}\s*[，,、；;]\s*(?:另加|加上|增加|以及|及|和)?\s*(?P<more>.+)$")
_ROW_NUMBER = r"(\d{1,3}|[一二三四五六七八九十百]{1,4})"  # 8, 十二
_SAME_AS = re.compile(rf"^同\s*(?:第\s*)?{_ROW_NUMBER}\s*(?:项|条)(?:任务)?$")


class Dittos:
    """The task rows of one table so far, by position and by number, for the cells pointing back."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        """A new table: nothing above to point to."""
        self._above: dict[int, str] = {}
        self._numbered: dict[int, dict[int, str]] = {}

    def resolve(self, cells: list[str], roles: dict[int, str], number: int | None) -> list[str]:
        """The row's cells with each ditto replaced by the cell it points to (unchanged when it
        points nowhere); the row is remembered for the rows below it."""
        out = list(cells)
        for i, cell in enumerate(cells):
            if roles.get(i) in DITTO_ROLES:
                out[i] = self._pointed(nfkc(cell or "").strip(), i, cell)
        kept = {i: out[i] for i in roles if roles[i] in DITTO_ROLES and i < len(out)}
        self._above = kept
        if number is not None:
            self._numbered[number] = kept
        return out

    def _pointed(self, cell: str, column: int, raw: str) -> str:
        if _SAME_ABOVE.match(cell):
            return self._above.get(column, raw)
        m = _ABOVE_AND.match(cell)
        if m and column in self._above:
            above = self._above[column]
            return f"{above}、{m.group('more')}" if above.strip() else m.group("more")
        m = _SAME_AS.match(cell)
        if m:
            return self._numbered.get(_as_int(m.group(1)), {}).get(column, raw)
        return raw


_NUMBERED = re.compile(rf"同\s*第\s*{_ROW_NUMBER}\s*(?:项|条)")
_ABOVE_POINTER = re.compile(rf"(?:^|[：:；;])\s*{_ABOVE}\s*(?=$|[，,；;、])")


def pointers(note: str) -> tuple[bool, list[int]]:
    """What a printed note points to: the row above, and the numbers of the rows it names."""
    numbers = [_as_int(n) for n in _NUMBERED.findall(note)]
    return bool(_ABOVE_POINTER.search(note)), numbers


def points_elsewhere(note: str) -> bool:
    """A printed unit note that names its units by pointing to another row."""
    above, numbers = pointers(note)
    return above or bool(numbers)


def _as_int(number: str) -> int:
    return int(number) if number.isdigit() else cn_to_int(number)
