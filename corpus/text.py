"""Text normalisation shared by parsing, search and answer checking."""
from __future__ import annotations

import re
import unicodedata

# Marks that are lost or mangled at random in the scraped files (corpus-notes, trap 9).
_IGNORED = str.maketrans("", "", "“”\"'‘’〔〕「」『』 \t\r\n\u00a0\u3000")


def normalize(text: str) -> str:
    """NFKC, then drop whitespace and quote/bracket marks: the form every string check uses."""
    return unicodedata.normalize("NFKC", text).translate(_IGNORED)


def contains(haystack: str, needle: str) -> bool:
    """Substring test that survives full-width punctuation, lost quotes and line breaks."""
    n = normalize(needle)
    return bool(n) and n in normalize(haystack)


_SENTENCE_END = re.compile(r"(?<=[。;;!?！？])")


def sentences(text: str) -> list[str]:
    """Split Chinese text at sentence ends, keeping the punctuation."""
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


def paren_open(text: str) -> bool:
    """A round bracket opened and not yet closed by the text's end: a note or a name goes on after it."""
    return text.count("（") + text.count("(") > text.count("）") + text.count(")")


def first_sentence(text: str, limit: int = 60) -> str:
    m = re.search(r"[。;;]", text)
    head = text[: m.start()] if m else text
    return head[:limit]


CN_DIGITS = {"零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def cn_to_int(s: str) -> int:
    """'三十四' -> 34; '十' -> 10; '十七' -> 17. Only what headings use (1..99)."""
    if not s:
        raise ValueError("empty numeral")
    if s.isdigit():
        return int(s)
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (CN_DIGITS[tens] if tens else 1) * 10 + (CN_DIGITS[ones] if ones else 0)
    return CN_DIGITS[s]


_FIRST_NUMBER = re.compile(r"[0-9]{1,3}|[一二三四五六七八九十]{1,3}")


def number_in(token: str) -> int | None:
    """The first number a printed token holds, arabic or Chinese: '3.' -> 3, '（三）' -> 3,
    '第十一条' -> 11; None when it holds none (or an odd numeral such as 一二)."""
    m = _FIRST_NUMBER.search(token or "")
    try:
        return cn_to_int(m.group(0)) if m else None
    except (KeyError, ValueError):
        return None


def int_to_cn(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")
