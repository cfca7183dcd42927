"""Checking an LLM draft, sentence by sentence, against the items it was given.

A sentence survives only when every [n] points to a provided item and every number, date,
percentage and unit name it states occurs in a cited item (after normalisation). A value found
in another provided item moves the citation there; a value found nowhere drops the sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.text import normalize
from corpus.types import TaskItem

MARKER = re.compile(r"\[(\d+)\]")
VALUE = re.compile(r"\d+(?:\.\d+)?\s*%|\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?|\d+(?:\.\d+)?")
_SENTENCE_END = re.compile(r"(?<=[。!?;!?])|(?<=\]\.)\s|\n")


def is_empty(sentence: str) -> bool:
    """Only markers and punctuation left (the model repeating "[1]")."""
    return not re.sub(r"[\W_]+", "", MARKER.sub("", sentence))


def item_haystack(item: TaskItem) -> str:
    units = "".join((item.lead_units or ()) + item.responsible_units + item.participating_units)
    from assistant.fields import cn_date  # the document's date, as its citation shows it

    said = (f"{item.locality}|{item.title}|{item.section}|{item.text}|{units}|{item.units_raw}|{item.deadline}|"
            f"{item.score + '分' if item.score else ''}|{item.status}|{cn_date(item.date)}|{item.doc_no}|{item.issuer}")
    # fields kept apart, and numbers kept apart where normalize would glue them ("2024-04-02 10:16",
    # "〔2022〕13号"): a number is found as a whole number (`stated`)
    return normalize(_keep_numbers_apart(said))


def _keep_numbers_apart(text: str) -> str:
    """What `normalize` drops between two numbers (a space, 〔〕) becomes a separator: "〔2022〕13号" is
    2022 and 13, not 202213."""
    return re.sub(r"(?<=\d)([^\d]+)(?=\d)", lambda m: m.group(1) if normalize(m.group(1)) else "|", text)


@dataclass(frozen=True)
class Checked:
    text: str  # the sentence with citations repaired
    cited: tuple[int, ...]  # 1-based indexes into the provided items
    ok: bool
    reason: str = ""


def split_sentences(text: str) -> tuple[list[str], str]:
    """Complete sentences, and the unfinished rest."""
    parts = _SENTENCE_END.split(text)
    done = [p for p in parts[:-1] if p.strip()]
    return done, parts[-1]


def stated(fact: str, hay: str) -> bool:
    """`fact` occurs in `hay`; a number as a whole number, not as part of another ("2" is not in
    "23次" or "2021年": a model's wrong count must not pass on the digits of a right one)."""
    if re.fullmatch(r"\d+(?:\.\d+)?%?", fact):
        return re.search(rf"(?<![\d.]){re.escape(fact)}(?![\d]|\.\d)", hay) is not None
    return fact in hay


def values_in(sentence: str) -> list[str]:
    body = MARKER.sub("", sentence)
    return [normalize(v) for v in VALUE.findall(body)]


_NAMED = re.compile(r"《([^《》]{2,60})》|“([^“”]{2,30})”")


def names_in(sentence: str) -> list[str]:
    """Titles in 《》 and terms in “” the sentence states: a model that names a regulation or a
    slogan must have read it (it invents 《…条例》 readily when asked for names)."""
    return [normalize(a or b) for a, b in _NAMED.findall(MARKER.sub("", sentence))]


def unclosed_name(clause: str) -> bool:
    return clause.count("《") > clause.count("》") or clause.count("“") > clause.count("”")


def units_in(sentence: str, known_units: set[str]) -> list[str]:
    found = [u for u in known_units if len(u) >= 3 and u in sentence]
    # keep the longest names only (县司法局 inside 县司法局长 …)
    return [u for u in found if not any(u != o and u in o for o in found)]


def check_sentence(sentence: str, items: list[TaskItem], known_units: set[str],
                   system_prompt: str = "") -> Checked:
    hay = [item_haystack(i) for i in items]
    markers = [int(m) for m in MARKER.findall(sentence)]
    if any(not 1 <= m <= len(items) for m in markers):
        markers = [m for m in markers if 1 <= m <= len(items)]
        if not markers:
            return Checked(sentence, (), False, "citation to an item that was not provided")
    if system_prompt and _shares(sentence, system_prompt, 14):
        return Checked(sentence, (), False, "echoes the instructions")
    from index.localities import detect_localities  # a locality claimed must be a cited one's

    facts = (values_in(sentence) + [normalize(u) for u in units_in(sentence, known_units)]
             + [normalize(loc) for loc in detect_localities(sentence)] + names_in(sentence))
    cited = list(dict.fromkeys(markers))
    for fact in facts:
        if cited and any(stated(fact, hay[m - 1]) for m in cited):
            continue
        home = next((n for n, h in enumerate(hay, start=1) if stated(fact, h)), None)
        if home is None:
            return Checked(sentence, tuple(cited), False, f"{fact} is in no provided item")
        cited.append(home)  # repair: cite the item that states it
    if not cited:
        # An uncited sentence must at least be about one item.
        body = normalize(MARKER.sub("", sentence))
        grams = {body[i : i + 2] for i in range(len(body) - 1)}
        best = max(range(len(items)), key=lambda n: sum(g in hay[n] for g in grams), default=None)
        if best is None or not grams or sum(g in hay[best] for g in grams) < 0.5 * len(grams):
            return Checked(sentence, (), False, "no item supports it")
        cited = [best + 1]
    text = MARKER.sub("", sentence).rstrip()
    tail = "".join(f"[{n}]" for n in dict.fromkeys(cited))
    end = text[-1] if text and text[-1] in "。.;!?;!?" else ""
    text = (text[:-1] if end else text).rstrip() + tail + (end or "")
    return Checked(text, tuple(dict.fromkeys(cited)), True)


def _shares(a: str, b: str, length: int) -> bool:
    a, b = normalize(a), normalize(b)
    return any(a[i : i + length] in b for i in range(0, max(len(a) - length + 1, 0)))


def clause_supported(clause: str, items: list[TaskItem], known_units: set[str], system_prompt: str = "") -> bool:
    """A clause of an unfinished sentence may be shown early when every number, unit and locality
    it states occurs in some provided item. The whole sentence is still checked when it ends."""
    from index.localities import detect_localities

    if system_prompt and _shares(clause, system_prompt, 14):
        return False
    if unclosed_name(clause):
        return False  # a title being written: shown once it is closed and found
    hay = "".join(item_haystack(i) for i in items)
    facts = (values_in(clause) + [normalize(u) for u in units_in(clause, known_units)]
             + [normalize(loc) for loc in detect_localities(clause)] + names_in(clause))
    return all(stated(f, hay) for f in facts)


def unsupported_values(text: str, items: list[TaskItem], computed=()) -> list[str]:
    """The numbers and dates of a whole answer built by code that no cited item states and no
    computed result (assistant.compute.Computed) yields from operands the items state or the asker
    gave (`Computed.given`, which the answer may repeat)."""
    hay = "".join(item_haystack(i) for i in items)
    results: set[str] = {g for step in computed for g in step.given}
    for step in computed:
        if all(normalize(o) in hay or o in results for o in step.operands):
            results.add(normalize(step.result))
    return [v for v in values_in(text) if not stated(v, hay) and v.rstrip("%") not in results]
