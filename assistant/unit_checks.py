"""A yes-or-no check of who does an item, with the units guessed in it:

    "区审计局、区财政局算共同牵头吗?"          two units, one role (leading together)
    "责任单位是不是区司法局和区政府各部门?"     the role first, then the guessed list
    "交通运输局是不是跟县委网信办一起牵头了…?"  one unit with another
    "我们乡镇也在责任单位里吗?"                the asker's own body, by its kind
    "…那项要我们局牵头,对吗?"                 the check said, then 对吗

The reply starts with 是的 or 不是 — the asker wants the verdict before the division — and, when not,
says what each guessed unit really is in the item (assistant.fields.role_in). A single unit guessed
as the lead ("是县发改委牵头吧?") is understand's premise, answered the same way before this runs.
"""
from __future__ import annotations

import re

from assistant import fields
from assistant.topic import LEAD_WORDS
from assistant.unit_lists import is_named
from assistant.unit_reading import FIRST_PERSON, named_unit
from corpus.types import TaskItem
from corpus.units import looks_like_unit, nfkc

# the question asks yes or no: a closing particle, or 是不是 / 算不算 / 是否 inside it
_YES_NO = re.compile(r"(吗|么|对吗|对不对|对吧|没错吧|是吧)[?？!！。\s]*$|是不是|算不算|是否")
_JOINT = re.compile(rf"(共同|一起|联合|一块儿?|一道|两家|俩)[^,，。?？]{{0,3}}?({LEAD_WORDS})")
_ROLES = (("lead", re.compile(LEAD_WORDS)),
          ("responsible", re.compile(r"责任单位|责任部门|负责(落实)?|落实单位")),
          ("participating", re.compile(r"配合|协办|参与|参加|协同")))
_CLAUSE = re.compile(r"[,，。;；?？!！]")
# between the guessed names: a list's joints, and the words of the check around them
_JOINTS = re.compile(r"[、和与跟及加同/]|以及|还有|是不是|算不算|是否|一起|共同|联合|算|也|都|在|里|吗|吧|么|呢|了|要|由|让|是")


def _check_clause(question: str) -> str:
    """The clause that states the check: the last one naming a role ("…那项要我们局牵头,对吗?")."""
    clauses = [c for c in _CLAUSE.split(question) if c.strip()]
    named = [c for c in clauses if _JOINT.search(c) or any(p.search(c) for _, p in _ROLES)]
    return named[-1] if named else ""


def _guessed(clause: str, item: TaskItem, known_units, localities, own: str) -> list[str]:
    """The units the clause names, as the index knows them; the asker's own body as itself, or as
    the item's unit of its kind ("我们乡镇" -> 各乡镇人民政府)."""
    text = clause
    for _, pattern in _ROLES:
        text = pattern.sub("、", text)
    names: list[str] = []
    for part in _JOINTS.split(text):
        part = part.strip()
        if len(part) < 2:
            continue
        if FIRST_PERSON.search(part):
            kind = FIRST_PERSON.sub("", part).strip("的")
            name = own or next((u for u in item.all_units if kind and len(kind) >= 2 and kind in u), "")
        else:
            # (a name the index does not know is still a guess, and one the item cannot hold)
            name = named_unit(part, known_units, localities) or (part if looks_like_unit(part) else "")
        if name and name not in names:
            names.append(name)
    return names


def verdict(question: str, item: TaskItem, known_units, localities: tuple[str, ...], own: str,
            names_for) -> str:
    """"是的。" / "不是,X是责任单位,不是牵头单位。…" for a yes-or-no check of the item's division, or ""."""
    question = nfkc(question)
    if not _YES_NO.search(question):
        return ""
    clause = _check_clause(question)
    if not clause:
        return ""
    joint = bool(_JOINT.search(clause))
    role = "lead" if joint else next((r for r, p in _ROLES if p.search(clause)), "")
    if not own and FIRST_PERSON.search(clause):  # "我在X局法规股,…要我们局牵头,对吗?": who "we" are
        intro = re.search(r"(?:我|我们|咱们?)(?:是|在)([^,，。?？]{2,30})", question)
        own = named_unit(intro.group(1), known_units, localities) if intro else ""
    guessed = _guessed(clause, item, known_units, localities, own)
    if not role or not guessed or (len(guessed) < 2 and not joint and role == "lead" and not own):
        return ""  # one unit guessed as the lead is the premise's (understand), answered before this
    actual = {"lead": item.lead_units, "responsible": item.responsible_units,
              "participating": item.participating_units}[role] or ()
    forms = {name: frozenset(names_for(name)) | {name} for name in guessed}
    holds = {name: any(is_named(u, forms[name]) for u in actual) for name in guessed}
    if all(holds.values()) and (not joint or len(item.lead_units or ()) >= 2):
        return "是的。"
    wrong = [name for name in guessed if not holds[name]] or guessed
    listed = [name for name in wrong if any(is_named(u, forms[name]) for u in item.all_units)]
    said = "".join(fields.role_in(item, forms[name], name) for name in listed)
    unlisted = [name for name in wrong if name not in listed]
    if unlisted:
        # (a guessed unit the item does not list is not named: no citation holds it)
        whom = "你们单位" if own and unlisted == [own] else "你问的另一家单位" if listed else "你问的单位"
        said += fields.not_listed(item, whom)
    return f"不是,{said}"
