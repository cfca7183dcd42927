#!/usr/bin/env python3
"""(Copy of ../shared/layout-zoo/check_gold.py, adapted: .html text = BeautifulSoup get_text("\\n") with lines
stripped and blank lines dropped; .pdf text = pdfplumber extract_text() per page, joined by "\\n";
and every quote must also lie on one line.)

Validate the layout-zoo gold files against their documents and print a summary.

Usage:  python3 check_gold.py [FOLDER]      (default: the folder this script is in)

Standard library only; python-docx is imported only to read .docx documents.
For each zooNN.gold.json it checks that
  - the JSON has the documented fields and types (lists, never null; date YYYY-MM-DD);
  - title, locality, issuer, doc_number and the date appear in the document text;
  - the document has 12-30 items, and no two items share a path;
  - every quote is 10-40 characters, an exact substring of the document text, occurs there
    exactly once, and the quotes follow document order;
  - every heading occurs between the previous item's quote and the next item's quote;
  - every unit (lead / responsible / participating) and every non-empty deadline occurs in the
    item's span: from its quote up to the next item's quote (end of document for the last);
  - no unit is listed twice or under two roles in one item, and none looks like a leader's title.
Exit status 0 when every check passes, 1 otherwise.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

REQUIRED_META = ("file", "title", "locality", "issuer", "date", "doc_number", "layout", "items")
REQUIRED_ITEM = ("number", "path", "heading", "lead_units", "responsible_units",
                 "participating_units", "deadline", "quote")
ROLES = ("lead_units", "responsible_units", "participating_units")
MIN_ITEMS, MAX_ITEMS = 12, 30
QUOTE_MIN, QUOTE_MAX = 10, 40
# a leader's title (牵头领导) is not a unit
LEADER_TITLE = re.compile(r"(县长|市长|区长|书记|主任|局长|部长|主席)$")
NUMERIC_FACT = re.compile(
    r"\d+(?:\.\d+)?(?:%|％|个工作日|个月|工作日|小时|学时|批次|万元|亿元|日|天|件|家|户|人|名|次|个|项|卷|条|场|种|支|年|月|号)")


def docx_text(path: Path) -> str:
    """Paragraphs and table cells in body order, one per line.

    A table row contributes each distinct cell once (a horizontally merged cell once); a vertically
    merged cell is repeated on every row it spans, as python-docx reports it.
    """
    try:
        import docx  # type: ignore
        from docx.table import Table  # type: ignore
        from docx.text.paragraph import Paragraph  # type: ignore
    except ImportError as exc:  # pragma: no cover - depends on the interpreter
        raise RuntimeError(f"python-docx is needed to read {path.name}: {exc}") from exc
    document = docx.Document(str(path))
    out: list[str] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            out.append(Paragraph(child, document).text)
        elif tag == "tbl":
            for row in Table(child, document).rows:
                seen = None
                for cell in row.cells:
                    if cell._tc is seen:
                        continue
                    seen = cell._tc
                    out.append(cell.text)
    return "\n".join(out)


def html_text(path: Path) -> str:
    """BeautifulSoup get_text("\\n"), every line stripped, blank lines dropped."""
    from bs4 import BeautifulSoup  # type: ignore
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    lines = (line.strip() for line in soup.get_text("\n").split("\n"))
    return "\n".join(line for line in lines if line)


def pdf_text(path: Path) -> str:
    """pdfplumber extract_text() of every page, pages joined by a line break."""
    import pdfplumber  # type: ignore
    with pdfplumber.open(str(path)) as pdf:
        return "\n".join((page.extract_text() or "") for page in pdf.pages)


def document_text(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return docx_text(path)
    if suffix in (".html", ".htm"):
        return html_text(path)
    if suffix == ".pdf":
        return pdf_text(path)
    return path.read_text(encoding="utf-8")


def date_forms(iso: str) -> list[str]:
    y, m, d = iso.split("-")
    return [iso, f"{y}年{int(m)}月{int(d)}日", f"{y}年{m}月{d}日"]


def short_layout(layout: str) -> str:
    return layout.split(": ", 1)[0] if ": " in layout else layout[:30]


def check(gold_path: Path) -> tuple[list[str], dict]:
    errors: list[str] = []
    err = errors.append
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return [f"cannot read gold: {exc}"], {}
    for key in REQUIRED_META:
        if key not in gold:
            err(f"missing field {key!r}")
    if errors:
        return errors, {}
    for key in REQUIRED_META[:-1]:
        if not isinstance(gold[key], str):
            err(f"{key} must be a string")
    doc_path = gold_path.parent / gold["file"]
    if not doc_path.exists():
        return errors + [f"document {gold['file']} not found"], {}
    if not gold_path.name.startswith(Path(gold["file"]).stem + "."):
        err(f"gold file name does not match file {gold['file']!r}")
    try:
        text = document_text(doc_path)
    except (RuntimeError, OSError, UnicodeDecodeError) as exc:
        return errors + [str(exc)], {}

    # document-level facts
    for key in ("title", "locality", "issuer", "doc_number"):
        if gold[key] and gold[key] not in text:
            err(f"{key} {gold[key]!r} not in document text")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", gold["date"]):
        err(f"date {gold['date']!r} is not YYYY-MM-DD")
    elif not any(f in text for f in date_forms(gold["date"])):
        err(f"date {gold['date']} not written in the document")

    items = gold["items"]
    if not isinstance(items, list):
        return errors + ["items must be a list"], {}
    if not MIN_ITEMS <= len(items) <= MAX_ITEMS:
        err(f"{len(items)} items, expected {MIN_ITEMS}-{MAX_ITEMS}")

    positions: list[int] = []
    paths: set[str] = set()
    for n, item in enumerate(items, 1):
        where = f"item {n} ({item.get('path', '?')})"
        missing = [k for k in REQUIRED_ITEM if k not in item]
        if missing:
            err(f"{where}: missing {missing}")
            positions.append(-1)
            continue
        for k in ("number", "path", "heading", "deadline", "quote"):
            if not isinstance(item[k], str):
                err(f"{where}: {k} must be a string")
        for k in ROLES:
            if not isinstance(item[k], list) or not all(isinstance(u, str) and u for u in item[k]):
                err(f"{where}: {k} must be a list of non-empty strings (use [] for none)")
        if item["path"] in paths:
            err(f"{where}: duplicate path")
        paths.add(item["path"])
        if not item["path"].split(" > ")[-1] == item["number"]:
            err(f"{where}: path does not end with the item's number {item['number']!r}")
        q = item["quote"]
        if not QUOTE_MIN <= len(q) <= QUOTE_MAX:
            err(f"{where}: quote is {len(q)} characters, expected {QUOTE_MIN}-{QUOTE_MAX}")
        if "\n" in q:
            err(f"{where}: quote spans a line break: {q!r}")
        count = text.count(q)
        if count == 0:
            err(f"{where}: quote not in document: {q!r}")
        elif count > 1:
            err(f"{where}: quote occurs {count} times (must be unique): {q!r}")
        positions.append(text.find(q))

    valid = [p for p in positions if p >= 0]
    if valid != sorted(valid):
        err("quotes are not in document order")

    unit_mentions = 0
    distinct_units: set[str] = set()
    with_lead = without_units = 0
    # spans follow document order, so one misplaced item does not spoil its neighbours' checks
    ends = sorted((p, p + len(it["quote"])) for p, it in zip(positions, items) if p >= 0)
    for n, item in enumerate(items, 1):
        if positions[n - 1] < 0 or any(k not in item for k in REQUIRED_ITEM):
            continue
        if not all(isinstance(item[k], list) for k in ROLES) or not isinstance(item["heading"], str):
            continue
        where = f"item {n} ({item['path']})"
        start = positions[n - 1]
        end = min((p for p, _ in ends if p > start), default=len(text))
        prev_end = max((e for p, e in ends if p < start), default=0)
        span = text[start:end]
        head_window = text[prev_end:end]
        if item["heading"] not in head_window:
            err(f"{where}: heading not found near the item: {item['heading']!r}")
        if item["deadline"] and item["deadline"] not in span:
            err(f"{where}: deadline {item['deadline']!r} not in the item's span")
        listed: list[str] = []
        for role in ROLES:
            for unit in item[role]:
                listed.append(unit)
                if unit not in text:
                    err(f"{where}: {role} unit {unit!r} not in document text")
                elif unit not in span:
                    err(f"{where}: {role} unit {unit!r} not in the item's span")
                if LEADER_TITLE.search(unit):
                    err(f"{where}: {role} entry {unit!r} looks like a leader's title, not a unit")
        dupes = sorted({u for u in listed if listed.count(u) > 1})
        if dupes:
            err(f"{where}: unit listed twice or under two roles: {dupes}")
        unit_mentions += len(listed)
        distinct_units.update(listed)
        with_lead += bool(item["lead_units"])
        without_units += not listed

    stats = {
        "doc": gold["file"],
        "layout": short_layout(gold["layout"]),
        "items": len(items),
        "with_lead": with_lead,
        "no_units": without_units,
        "units": len(distinct_units),
        "mentions": unit_mentions,
        "numbers": len(set(NUMERIC_FACT.findall(text))),
    }
    return errors, stats


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parent
    golds = sorted(folder.glob("*.gold.json"))
    if not golds:
        print(f"no *.gold.json in {folder}")
        return 1
    rows, failed = [], 0
    for g in golds:
        errors, stats = check(g)
        if errors:
            failed += 1
            print(f"FAIL {g.name}")
            for e in errors:
                print(f"  - {e}")
        if stats:
            rows.append(stats)
    cols = [("doc", "doc"), ("layout", "layout"), ("items", "items"), ("with_lead", "with lead"),
            ("no_units", "no units"), ("units", "distinct units"), ("mentions", "unit mentions"),
            ("numbers", "numbers")]
    print()
    print("| " + " | ".join(h for _, h in cols) + " |")
    print("|" + "|".join("---" for _ in cols) + "|")
    for r in rows:
        print("| " + " | ".join(str(r[k]) for k, _ in cols) + " |")
    tot = {k: sum(r[k] for r in rows) for k in ("items", "with_lead", "no_units", "mentions", "numbers")}
    print(f"| total ({len(rows)} docs) | | {tot['items']} | {tot['with_lead']} | {tot['no_units']} | "
          f"| {tot['mentions']} | {tot['numbers']} |")
    print()
    print(f"{len(golds) - failed}/{len(golds)} gold files pass"
          + ("" if not failed else f"; {failed} FAIL"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
