"""Stage 4, outline: what numbering marker a line starts with, and how deep that family sits.

Chinese official documents number their levels in a fixed order (GB/T 9704): 第X章 / 一、 / （一）
/ 第X条 / 1. / （1） / ①, with 任务N： and bullets `•` at the item level, and 一是/二是 as run-in
points inside a paragraph. Full- and half-width forms are the same marker; `(-)` is an OCR'd
`(一)`; `1 .`, `1．`, `1、` are all the arabic family.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.text import cn_to_int

CN = "一二三四五六七八九十百零〇"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
RANK = {"chapter": 0, "cn": 1, "part": 1, "cnparen": 2, "article": 3, "arabic": 4, "task": 4, "bullet": 4,
        "decimal": 4.4, "decimal3": 4.6,  # 1.1 / 1-1 under 1, and 1.1.1 under 1.1
        "issue": 2.5, "sequence": 4.1, "card": 4,  # a 整改方案's 问题一： over its measures
        "arabicparen": 5, "circled": 6, "shi": 7, "para": 8}  # para: an unnumbered paragraph
# a measure after a decimal (1.5倍, 2.5万元, 1.5小时) makes it a number, not a 1.5 marker
_MEASURE = "倍万亿千百元个%％小天日年月周次件名人米公分秒克吨亩户家项条"

_PATTERNS = [
    ("chapter", re.compile(rf"^第([{CN}]+)(?:章|部分)\s*")),
    ("article", re.compile(rf"^第([{CN}]+)条\s*")),
    ("cn", re.compile(rf"^([{CN}]+)\s*[、．.]\s*(?=\S)")),
    # a section of an article or a slide: "01 | 深化行政审批制度改革", "02丨…"
    ("part", re.compile(r"^(\d{1,2})\s*[|｜丨]\s*(?=\S)")),
    ("cnparen", re.compile(rf"^[(（]\s*([{CN}]+|-)\s*[)）]\s*")),
    ("arabicparen", re.compile(r"^[(（]\s*(\d{1,3})\s*[)）]\s*")),
    # a rectification plan's problems, each over the measures that answer it: 问题一：… / 问题2：…
    ("issue", re.compile(rf"^(?:反馈|存在|突出)?问题\s*(\d{{1,2}}|[{CN}]{{1,3}})\s*[:：、.．]\s*(?=\S)")),
    ("task", re.compile(r"^(?:任务|事项)\s*(\d{1,3})\s*[:：.．、]\s*")),
    # tasks labelled by ordinal words: 任务一： / 【任务3】 / 重点任务（五） / ▶任务7 / 第一项： / 第3项任务：
    ("task", re.compile(rf"^[▶►▸◆■●]?\s*【?\s*(?:重点|主要)?(?:任务|事项)\s*[(（]?\s*(\d{{1,3}}|[{CN}]{{1,3}})\s*[)）]?\s*"
                        r"(?:】\s*[:：]?|[:：.．、]|\s+|(?<=[)）]))\s*(?=\S)")),
    ("task", re.compile(rf"^[▶►▸◆■●]?\s*第\s*(\d{{1,3}}|[{CN}]{{1,3}})\s*项(?:任务|工作)?\s*(?:[:：.．、]|\s+)\s*(?=\S)")),
    # a speech's points, each a paragraph: 第一，要持续优化… / 第二，… (numbering restarting in each part)
    ("task", re.compile(rf"^第\s*([{CN}]{{1,3}})\s*[，,]\s*(?=[\u4e00-\u9fff“\"])")),
    # an infographic's or a slide's cards: NO.1　深化… / No.02 …
    ("card", re.compile(r"^(?:NO|No|no)\s*[.．:：]?\s*(\d{1,2})(?![\d.．])\s*[|｜丨]?\s*(?=\S)")),
    # a speech's points in sequence: 首先，… / 其次，… / 再次，… / 最后，…
    ("sequence", re.compile(r"^(首先|其次|再次|然后|最后)\s*[，,]\s*(?=\S)")),
    # a 政策解读 in questions and answers: 问一：… / 问3：… over its 答：
    ("task", re.compile(rf"^(?:问|问题)\s*(\d{{1,3}}|[{CN}]{{1,3}})\s*[:：.．、]\s*(?=\S)")),
    # tasks numbered by chapter: 1.1 / 1．2 / 1-1 / 2.1.3, the chapter itself numbered 1 or 一、
    ("decimal3", re.compile(rf"^(\d{{1,2}}[.．-]\d{{1,2}}[.．-]\d{{1,2}})(?![.．-]?\d)\s*[、.．]?\s*(?![{_MEASURE}])(?=[\u4e00-\u9fff“\"【(（])")),
    ("decimal", re.compile(rf"^(\d{{1,2}}[.．-]\d{{1,2}})(?![.．-]?\d)\s*[、.．]?\s*(?![{_MEASURE}])(?=[\u4e00-\u9fff“\"【(（])")),
    # a decimal (1.5倍) is no number, but a date may follow one ("1．3月底前编制…", "2．2025年…")
    ("arabic", re.compile(r"^(\d{1,3})\s*(?:[.．、](?!\d)|[.．、](?=\d{1,2}\s*[月日]|\d{4}\s*年)|\s(?=[\u4e00-\u9fff]))\s*")),
    ("circled", re.compile(rf"^([{CIRCLED}])\s*")),
    ("bullet", re.compile(r"^[•·●▪◆]\s*")),
    # (a speech says 一要…二要…)
    ("shi", re.compile(r"^([一二三四五六七八九十]{1,3})[是要](?=[\u4e00-\u9fff“\"])")),
]
SHI_RE = re.compile(rf"(?<![{CN}])([一二三四五六七八九十]{{1,3}})([是要])(?=[\u4e00-\u9fff“\"])")


@dataclass(frozen=True)
class Marker:
    family: str
    number: int | None
    token: str  # as printed, stripped: "（三）", "12", "第五条", "①"
    end: int  # offset in the line (after leading spaces) where the text after the marker starts

    @property
    def rank(self) -> int:
        return RANK[self.family]


def marker_of(line: str) -> Marker | None:
    s = line.lstrip(" \u3000\u00a0\t")
    lead = len(line) - len(s)
    for family, pattern in _PATTERNS:
        m = pattern.match(s)
        if not m:
            continue
        number = _number(family, m.group(1) if m.groups() else "")
        if family == "cn" and number is None:
            continue
        token = m.group(0).strip()
        if family in ("arabic", "decimal", "decimal3", "part"):
            token = m.group(1)
        elif family == "cn":
            token = f"{m.group(1)}、"
        elif family == "shi":
            token = m.group(0)
        elif family == "sequence":
            token = m.group(1)
        elif family == "card":
            token = f"NO.{m.group(1)}"
        elif family == "issue":
            token = token.rstrip(":：、.． ")  # 问题一
        elif family == "task":
            token = token.lstrip("▶►▸◆■● ").rstrip(":：.．、，, ")  # 任务一, 【任务3】, 第3项任务
        return Marker(family, number, token, lead + m.end())
    return None


def _number(family: str, raw: str) -> int | None:
    if family == "sequence":
        return {"首先": 1, "其次": 2, "再次": 3}.get(raw)  # 然后 / 最后: counted after the one before
    if family in ("bullet", "decimal", "decimal3"):
        return None  # counted in document order: 2.1 is the item after 1.4
    if family == "circled":
        return CIRCLED.index(raw) + 1
    if raw == "-":
        return 1
    try:
        return cn_to_int(raw) if not raw.isdigit() else int(raw)
    except (KeyError, ValueError):
        return None


def shi_points(text: str) -> list[tuple[int, str]]:
    """Offsets and tokens of run-in points 一是/二是/… (a speech's 一要/二要…) that count up from 一是
    in `text`, all with the word the first one uses."""
    for word in "是要":  # (统一要求 before 一是…二是… is no point)
        out: list[tuple[int, str]] = []
        expected = 1
        for m in SHI_RE.finditer(text):
            try:
                n = cn_to_int(m.group(1))
            except (KeyError, ValueError):
                continue
            if n == expected and m.group(2) == word:
                out.append((m.start(), m.group(0)))
                expected += 1
        if len(out) >= 2:
            return out
    return []
