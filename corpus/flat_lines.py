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
