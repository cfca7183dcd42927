"""Portal pages (.html) -> lines, as a browser shows them: a line ends where a block ends, inline
markup stays in its sentence, a labelled field is one line (<dt>/<dd>, <span>label</span><span>value</span>),
the names a field lists one per line are a list; each table row is one tab-separated line, its
rowspan/colspan carried to every cell it covers (BeautifulSoup with lxml)."""
from __future__ import annotations

import re

from corpus.cells import CELL_BREAK, TABLE_SEP, cell_text as _cell_text, row_line as _row_line
from corpus.errors import DocumentError
from corpus.units import LABEL_RE, ROLE_OF_LABEL


def read_html(markup: str, name: str) -> str:
    """The page's text, line by line as a browser shows it; each table row one tab-separated line."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "lxml")
    for tag in soup(["script", "style", "noscript", "template", "head"]):
        tag.decompose()
    lines: list[str] = []
    for table in soup.find_all("table"):
        if table.find_parent("table") is None:
            table.replace_with(soup.new_string(_BREAK + _BREAK.join(_html_table(table)) + _BREAK))
    for term in soup.find_all("dt"):  # <dt>牵头单位</dt><dd>县司法局</dd>: one labelled line
        value = term.find_next_sibling()
        if value is not None and value.name == "dd":
            label = term.get_text("").strip()
            if LABEL_RE.match(label.rstrip("：:") + "："):  # its names one per line: a list
                for br in value.find_all("br"):
                    br.replace_with("、")
            term.replace_with(_BREAK + (label if label.endswith(("：", ":")) else f"{label}："))
            value.insert_after(_BREAK)
            value.unwrap()
    for tag in soup.find_all(_INLINE):
        # a card's role word set in bold before its names (<b>牵头</b>区委编办 <b>参与</b>区司法局) is a
        # label, as if it had its colon
        word, after = tag.get_text("").strip(), tag.next_sibling
        if word in ROLE_OF_LABEL and isinstance(after, str) and after.strip() and not after.lstrip().startswith(("：", ":")):
            tag.append("：")
    for br in soup.find_all("br"):
        # names a labelled field lists one per line (<span>牵头单位：</span><span>县司法局<br>县直各部门</span>)
        block = br.find_parent(_HTML_BLOCKS)
        said = block.get_text("") if block is not None else ""
        listed = LABEL_RE.match(said.strip()) and all(
            0 < len(part.strip()) <= 25 and "。" not in part for part in LABEL_RE.sub("", said, count=1).split("\n"))
        br.replace_with("、" if listed and _names_on_both_sides(br) else _BREAK)
    # two inline elements side by side (<span>索引号：…</span><span>发布机构：…</span>, a nav bar's
    # links) are two things, a space apart; a word marked up inside a sentence (不少于<b>60</b>学时) is not
    for tag in soup.find_all(True):
        before = tag.previous_sibling
        if getattr(before, "name", None) and before.name not in _HTML_BLOCKS and tag.name not in _HTML_BLOCKS:
            tag.insert_before(" ")
    # A line ends where a block ends, as a browser shows it; inline markup (<span>, <b>, <font>,
    # <a>) inside a paragraph stays in its line ("不少于<b>60</b>学时"), and the page source's own
    # line breaks and indentation inside a paragraph are only whitespace.
    for block in soup.find_all(_HTML_BLOCKS):
        block.insert_before(_BREAK)
        block.insert_after(_BREAK)
    text = soup.get_text("")
    lines = [_html_line(ln) if TABLE_SEP not in ln else ln for ln in text.split(_BREAK)]
    text = "\n".join(ln for ln in lines if ln.strip())
    if not text.strip():
        raise DocumentError(f"{name}: the page has no text.")
    return text


_HTML_BLOCKS = ["p", "div", "li", "ul", "ol", "dl", "dt", "dd", "tr", "td", "th", "table", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
                "header", "footer", "nav", "aside", "main", "blockquote", "pre", "form", "fieldset", "figure",
                "figcaption", "address", "center", "hr", "title", "caption"]


_INLINE = ["b", "strong", "em", "i", "span", "label", "font"]
_BREAK = "\u2029"  # a line break the page shows (a block's end, a <br>), apart from the source's own


def _names_on_both_sides(br) -> bool:
    before, after = _text_of(br.previous_sibling), _text_of(br.next_sibling)
    return bool(before) and bool(after) and not before.endswith(("、", "，", ","))


def _text_of(node) -> str:
    return (node.get_text("") if hasattr(node, "get_text") else str(node or "")).strip()


def _html_line(line: str) -> str:
    """Source whitespace collapsed to a space, as a browser shows it; a source line break inside
    Chinese text (a paragraph wrapped in the page source) is no space at all. A full-width space
    (　) is the text's own."""
    line = re.sub(r"(?<=[\u4e00-\u9fff，。；：、）》”])[ \t\r\f\v]*\n\s*(?=[\u4e00-\u9fff（《“])", "", line)
    return re.sub(r"[ \t\r\n\f\v]+", " ", line).strip()


def _html_table(table) -> list[str]:
    """Rows of an HTML table with rowspan/colspan carried to every grid position they cover."""
    grid: dict[tuple[int, int], str] = {}
    n_rows = 0
    for r, tr in enumerate(table.find_all("tr")):
        n_rows = r + 1
        c = 0
        for td in tr.find_all(["td", "th"], recursive=False):
            while (r, c) in grid:
                c += 1
            for br in td.find_all("br"):
                br.replace_with(CELL_BREAK)
            paragraphs = [p.get_text(" ", strip=True) for p in td.find_all("p")] or [td.get_text(" ", strip=True)]
            text = _cell_text(paragraphs)
            rowspan = _span(td.get("rowspan"))
            colspan = _span(td.get("colspan"))
            for dr in range(rowspan):
                for dc in range(colspan):
                    grid[(r + dr, c + dc)] = text if dc == 0 else ""
            c += colspan
    rows = []
    for r in range(n_rows):
        cols = sorted(c for (rr, c) in grid if rr == r)
        cells = [grid[(r, c)] for c in range(cols[-1] + 1)] if cols else []
        # A horizontally merged cell counts once (its extra grid columns hold "").
        if any(cells):
            rows.append(_row_line([x for i, x in enumerate(cells) if x or not _covered(grid, r, i)]))
    return rows


def _covered(grid, r, c) -> bool:
    return c > 0 and (r, c) in grid and grid[(r, c)] == "" and grid.get((r, c - 1), "") != ""


def _span(value) -> int:
    try:
        return max(1, min(int(value), 200))
    except (TypeError, ValueError):
        return 1


