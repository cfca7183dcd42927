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
    out = t2s.convert(text)
    if len(out) == len(text):
        # a rare character of a place name (湋源) has a still rarer "simplified" form outside the
        # common block (𣲗): the documents write the one the asker typed
        out = "".join(o if "\u4e00" <= o <= "\u9fff" or not ("\u4e00" <= t <= "\u9fff") else t
                      for o, t in zip(out, text))
    return out
