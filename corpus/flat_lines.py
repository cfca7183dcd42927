"""A page whose line breaks were lost: scraped text in which a whole notice, or a whole task table,
is one long line, its paragraphs, headings and table cells apart by single spaces
(`…的通知 扬府办发〔2010〕58号 各县(市、区)人民政府,…: 按照… 序号 工 作 内 容 责任部门 完成时限
一、… 1 推进… 各级依法行政领导小组办公室 全年 2 …`).

Chinese prose puts no space between words, so in such a line each space stands for a break the
page had: the line is cut at every one, and the table comes out one cell per line, a layout the
table reader already knows (`clean._unflatten_table`). A header spaced out letter by letter
(`工 作 内 容`) is joined first. Only a long line with many such spaces is cut; a paragraph that
holds a stray space, or columns apart by runs of spaces (`clean._spaced_columns`), is left alone.
"""
from __future__ import annotations

import re

from corpus.text import cn_to_int

MIN_LENGTH = 150  # a line shorter than this is a paragraph, whatever its spaces
MIN_BREAKS = 5  # and it must hold at least this many lost breaks

_CJK = r"\u4e00-\u9fff\u3000-\u303f\uff00-\uffef“”‘’《》"
# a space with a Chinese character or mark on at least one side; not a column gap (2+ spaces)
_BREAK = re.compile(rf"(?<=[{_CJK}]) (?=\S)|(?<=\S) (?=[{_CJK}])")
# a run of single characters apart by single spaces: a header cell spaced out (`工 作 内 容`)
_SPACED_OUT = re.compile(r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff](?: [\u4e00-\u9fff]){2,}(?![\u4e00-\u9fff])")


def restore_breaks(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        if "\t" in line or len(line.strip()) < MIN_LENGTH or re.search(r"\S {2,}\S", line.strip()):
            out.append(line)
            continue
        joined = _SPACED_OUT.sub(lambda m: m.group(0).replace(" ", ""), line.strip())
        if len(_BREAK.findall(joined)) < MIN_BREAKS:
            out.append(line)
            continue
        out.extend(part for part in _BREAK.split(joined) if part.strip())
    return out


# A page reprinted with no breaks at all, not even spaces: a whole section is one paragraph, its
# numbered items run on after the sentence before them (`…公布。（牵头单位：A）2.编制…（二）政务服务。3.推进…`).
# When some long line holds several numbers of one kind in sequence there, the document is such a
# reprint, and its lines are cut before each number that follows a sentence's end or a closing
# bracket and goes on the sequence of its kind through the document (1. 2. 3. across paragraphs,
# （一）（二） restarting at 1): a figure (`…达到99%。2026年`) or a cross-reference does not. A notice's
# signature glued in (`…执行。X人民政府办公室二〇二六年三月十六日X市…清单`) is cut out onto a line of its own.
MIN_RUN_ON = 300  # a line this long, holding at least RUN_ON_MARKERS numbers in sequence, says so
RUN_ON_MARKERS = 3
_AT = r"(?:^|(?<=[。；;）)]))"
_RUN_ON = {
    "arabic": re.compile(rf"{_AT}(\d{{1,2}})[.．、](?![\d])"),
    "cnparen": re.compile(rf"{_AT}[（(]([一二三四五六七八九十]{{1,3}})[)）]"),
    "cn": re.compile(rf"{_AT}([一二三四五六七八九十]{{1,3}})、"),
}
_DATE = (r"(?:\d{4}|[〇○零OoＯ0一二三四五六七八九]{4})年(?:\d{1,2}|[一二三四五六七八九十]{1,2})月"
         r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})日")
_SIGNED = re.compile(rf"(?<=[。；])([\u4e00-\u9fff]{{2,30}}?(?:人民政府|办公室|委员会|领导小组|局)){_DATE}(?=[\u4e00-\u9fff])")


def restore_numbered_breaks(lines: list[str]) -> list[str]:
    cuts: list[set[int]] = [set() for _ in lines]
    run_on = False
    for pattern in _RUN_ON.values():
        last = None
        for k, line in enumerate(lines):
            text = line.strip()
            if "\t" in line:
                continue
            inline = 0
            for m in pattern.finditer(text):
                try:
                    n = cn_to_int(m.group(1))
                except (KeyError, ValueError):
                    continue  # (一二、 is no number in sequence)
                if last is None or n in (last + 1, 1):
                    last = n
                    if m.start() > 0:
                        cuts[k].add(m.start())
                        inline += 1
            run_on |= len(text) >= MIN_RUN_ON and inline >= RUN_ON_MARKERS
    if not run_on:
        return lines
    out: list[str] = []
    for line, at in zip(lines, cuts):
        text = line.strip()
        signed = _SIGNED.search(text)
        if signed:
            at |= {signed.start(), signed.end(1), signed.end()}  # the issuer's line, then the date's
        if not at:
            out.append(line)
            continue
        bounds = [0, *sorted(c for c in at if 0 < c < len(text)), len(text)]
        out.extend(text[a:b] for a, b in zip(bounds, bounds[1:]) if text[a:b].strip())
    return out
