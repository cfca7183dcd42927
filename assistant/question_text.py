"""The question as typed: its language, its cleaning and limits, what it quotes, and the clauses
that try to instruct the assistant.

Language is decided by script first (Han -> zh, kana -> ja, hangul -> ko); langdetect is used
only for longer Latin text, seeded and never allowed to raise (stack-notes: it calls short
Chinese `ko` and short English `pl`).
"""
from __future__ import annotations

import re
import unicodedata

from corpus.errors import BadQuestionError, QuestionTooLongError

_HAN = re.compile(r"[\u4e00-\u9fff]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af\u1100-\u11ff]")
_LATIN = re.compile(r"[A-Za-z]")


def detect_language(text: str) -> str:
    if _KANA.search(text):
        return "ja"
    if _HANGUL.search(text):
        return "ko"
    han, latin = len(_HAN.findall(text)), len(_LATIN.findall(text))
    if han and han * 3 >= latin:
        return "zh"
    if not latin:
        return "zh"  # digits, emoji, punctuation only: the product's default
    if latin < 20:
        return "en"
    try:
        from langdetect import DetectorFactory, detect

        DetectorFactory.seed = 0
        lang = detect(text)
    except Exception:  # LangDetectException on odd input: fall back, never raise
        return "en"
    return "en" if lang not in ("en", "fr", "de", "es", "it", "pt", "nl") else lang


def clean_question(text: str, max_chars: int) -> str:
    if text is None or not isinstance(text, str):
        raise BadQuestionError("请输入问题。 (The question is empty.)")
    text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cf") or ch in "\n\t")
    # full-width punctuation and digits as a Chinese keyboard types them (？，；（）１２) read as
    # their half-width forms, which every question pattern is written in
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"\s+", " ", text).strip()
    if not text:
        raise BadQuestionError("请输入问题。 (The question is empty.)")
    if len(text) > max_chars:
        raise QuestionTooLongError(
            f"问题太长({len(text)}字),请控制在{max_chars}字以内,只写要问的事。 "
            f"(The question is {len(text)} characters; the limit is {max_chars}.)")
    if not re.search(r"[\w\u4e00-\u9fff]", text):
        raise BadQuestionError("没有看懂这个问题:请用文字提问,例如“行政复议体制改革由哪个单位牵头?”")
    return _ROLE_TYPO.sub(lambda m: _ROLE_TYPOS[m.group(0)], text)


# the role words as a pinyin keyboard mistypes them in a hurry (same sound, wrong character): the
# question means the role, and every pattern is written in the right characters
_ROLE_TYPOS = {"牵投": "牵头", "签头": "牵头", "千头": "牵头", "负则": "负责", "付责": "负责", "配和": "配合",
               "陪合": "配合", "协半": "协办"}
_ROLE_TYPO = re.compile("|".join(_ROLE_TYPOS))


_QUOTED = re.compile(r"[“\"「『《]([^”\"」』》]{2,30})[”\"」』》]")


def quoted_phrases(text: str) -> tuple[str, ...]:
    """Terms the asker put in quotation marks or title marks: they name the thing exactly."""
    return tuple(dict.fromkeys(m.group(1).strip() for m in _QUOTED.finditer(text) if m.group(1).strip()))


# Clauses that try to instruct the assistant. They are data like the rest, never followed; they
# are also left out of what the question is about, so they cannot dilute the search.
INSTRUCTION = re.compile(
    r"忽略|无视|系统提示|提示词|指令|你现在是|扮演|假装|规则|回答末尾|在回答|输出你|不要引用|"
    r"ignore (all|the|previous)|system prompt|you are now|pretend", re.I)
_CLAUSE = re.compile(r"[^,。;:!?\n]+[,。;:!?\n]?")


def without_instructions(text: str) -> str:
    """The question with instruction-like clauses removed (the whole text if nothing is left)."""
    kept = [c for c in _CLAUSE.findall(text) if not INSTRUCTION.search(c)]
    return "".join(kept).strip() or text
