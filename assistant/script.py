"""Questions in Traditional characters (or Japanese kanji) are read in Simplified characters,
the script of every document: "行政復議體制改革由哪個單位牽頭?" finds 行政复议体制改革.

OpenCC's dictionaries (phrase-aware, not character by character). Japanese goes through
Shinjitai -> Traditional first; words that differ between the languages (調停 vs 调解) stay apart.
"""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _converters():
    import opencc

    return opencc.OpenCC("t2s"), opencc.OpenCC("jp2t")


def to_simplified(text: str, lang: str = "zh") -> str:
    t2s, jp2t = _converters()
    if lang == "ja":
        text = jp2t.convert(text)
    return t2s.convert(text)
