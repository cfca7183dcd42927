"""Simplified characters are the script of every document and every question read: a question in
Traditional characters (or Japanese kanji) is read in Simplified ("行政復議體制改革由哪個單位牽頭?"
finds 行政复议体制改革), and so is a document a mirror site republished in Traditional characters
(`(市政府辦公室牽頭,…按職責分工負責)` reads as the plan's own `市政府办公室牵头`).

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


TRADITIONAL_SHARE = 0.05  # of a text's Chinese characters that t2s changes: a text this Traditional is so


def document_in_simplified(text: str) -> str:
    """A document written in Traditional characters, in Simplified ones; any other text as it is.
    (A Simplified text has almost no character t2s changes: a rare place name's at most.)"""
    return to_simplified(text) if _traditional(text[:SAMPLE]) else text


SAMPLE = 4000  # characters: the script is told from the opening (converting a whole long plan costs ~0.1 s)


def _traditional(text: str) -> bool:
    cjk = sum(1 for c in text if "\u4e00" <= c <= "\u9fff")
    if not cjk:
        return False
    out = to_simplified(text)
    changed = sum(1 for a, b in zip(out, text) if a != b) if len(out) == len(text) else cjk
    return changed >= TRADITIONAL_SHARE * cjk
