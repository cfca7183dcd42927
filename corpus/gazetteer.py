"""The place of a document that never writes its own full name, from jieba's place-name tags.

A county's own report or a news item on its meeting often calls itself only 我县 / 区委 / 区司法局,
and names itself bare in its slogans: 一体推进法治武定, 市委实施方案和铜梁具体举措, 平安青阳. jieba's
dictionary (already used for question words) tags place names: 武定县, 铜梁县 and 青阳县 are `ns`. So a
bare stem in the text whose name with a level is a tagged place names the place, at the level the
document gives itself — unless the stem is a common word on its own (和平, 平安, 开发: frequent in
jieba's counts), or the text only ever writes it with a level (another county's name, said whole).
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

LEVELS = ("县", "区", "市")
COMMON_WORD = 1000  # jieba's count for a stem above which it is an ordinary word (平安 1438, 和平 7998)
# how a document names its own level: 我县 / 本区 / 全市, or its own bodies (县委, 区政府, 区司法局)
_SELF = re.compile(r"(?:我|本|全)(县|区|市)|(?<![\u4e00-\u9fff])(县|区|市)(?:委|政府|人民政府|司法局)")


# what follows a name said whole, not bare: its level, or a province, prefecture, town or township
_AFTER_NAME = tuple(LEVELS) + ("州", "省", "镇", "乡", "街道")
_NAME_TAGS = {"n", "ns", "nr", "nz", "nrt", "nt"}  # a stem that is a verb or a time word (振兴, 上半) is no name


def quiet_jieba():
    """jieba with its start-up chatter off (shared by the readers that tag place names)."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)  # (its dictionary loads on first use, about a second)
    return jieba


@lru_cache(maxsize=1)
def _stems() -> dict[str, set[str]]:
    """{stem: the levels jieba tags it as a place with} for county-level names, leaving out stems
    that are common words or that jieba reads as another part of speech."""
    levels: dict[str, set[str]] = {}
    words: dict[str, tuple[int, str]] = {}
    with quiet_jieba().get_dict_file() as f:
        for raw in f:
            parts = raw.decode("utf-8").split()
            if len(parts) < 2:
                continue
            word, count, tag = parts[0], int(parts[1]), parts[2] if len(parts) > 2 else ""
            words[word] = (count, tag)
            if tag == "ns" and 3 <= len(word) <= 4 and word[-1] in LEVELS:
                levels.setdefault(word[:-1], set()).add(word[-1])
    return {s: ls for s, ls in levels.items()
            if s not in words or (words[s][0] < COMMON_WORD and words[s][1] in _NAME_TAGS)}


def stem_opening(text: str) -> str:
    """The bare place stem `text` opens with (咸阳那份放管服要点… -> 咸阳), or "": the longest prefix
    jieba tags as a place when a level follows it."""
    return next((text[:n] for n in (4, 3, 2) if text[:n] in _stems()), "")


def own_level(text: str) -> str:
    """The level a document speaks of itself at (我县, 区委…), the most frequent; "" when none."""
    said = Counter(next(g for g in m.groups() if g) for m in _SELF.finditer(text))
    return said.most_common(1)[0][0] if said else ""


OPENING = 200  # characters of a page's opening that say what it is about


def self_named_place(text: str) -> tuple[str, str]:
    """(place, level) for a text that names itself bare (法治武定 in a 我县 report), or ("", "")."""
    level = own_level(text)
    if not level:
        return "", ""
    stems = _stems()
    bare: Counter = Counter()
    whole: set[str] = set()
    words = quiet_jieba().lcut(text, HMM=False)
    for k, word in enumerate(words):
        if word[:-1] in stems and word.endswith(_AFTER_NAME):
            whole.add(word[:-1])  # 武定县 as one word
        if word not in stems:
            continue
        following = words[k + 1] if k + 1 < len(words) else ""
        if following.startswith(_AFTER_NAME):
            whole.add(word)
        else:
            bare[word] += 1
    # a page whose opening writes a place of its own level whole (今年以来,牡丹区司法局…) is about that
    # place; a bare stem elsewhere (a 菏泽司法 account in its footer) is not its name
    said = 0
    for word in words:
        if said >= OPENING:
            break
        said += len(word)
        if word.endswith(level) and level in stems.get(word[:-1], ()):
            return "", ""
    candidates = [s for s in bare if s not in whole]
    # a stem tagged at the document's own level first; a county since renamed a district (铜梁县,
    # now 铜梁区) is still the stem the document names itself by
    same = [s for s in candidates if level in stems[s]]
    chosen = same or candidates
    if not chosen:
        return "", ""
    ranked = sorted(chosen, key=lambda s: -bare[s])
    if len(ranked) > 1 and bare[ranked[0]] == bare[ranked[1]]:
        return "", ""  # two places as often: neither is surely the document's own
    return ranked[0] + level, level
