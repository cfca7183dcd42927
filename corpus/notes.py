"""Which unit note belongs to an item, wherever the document put it: label lines after it, a
bracket at the end of its paragraph (`（A牵头，B配合）`, `〔…〕`, a bare list), an inline label
(`…。牵头单位：A`), or an assignment sentence inside its text (`由A牵头，B、C配合。`)."""
from __future__ import annotations

import re

from corpus.drafts import Draft
from corpus.note_rules import WORD_PART
from corpus.units import LABEL_RE, LABELS, NO_LEAD, TASK_SUBJECT, NoteRules, Units, looks_like_unit, looks_like_unit_list, parse_note, split_names
from corpus.text import paren_open

# (a name's own brackets may sit inside the note: 各乡（镇）, 各县〔市、区〕人民政府)
_TRAILING = re.compile(r"[(（〔【]([^()（）〔〕【】]*(?:[(（〔][^()（）〔〕]*[)）〕][^()（）〔〕【】]*)*)[)）〕】]\s*[。.;；]?\s*$")
# a note after a dash at the end of the paragraph: "……。——县市场监管局牵头，县司法局配合"
# (a single dash only after a sentence's end: 第5—7项 and 2023—2025年 are ranges, not notes)
_DASHED = re.compile(r"(?:——|(?<=[。；;）)])\s*—(?!\d)|--|－－)\s*(?P<note>[^—]{2,80}?)\s*[。.;；]?\s*$")
_TIME_BRACKET = re.compile(r"[(（]((?:" + "|".join(LABELS["deadline"]) + r"|时限)\s*[:：][^()（）]{1,20})[)）]\s*[。.;；]?\s*$")
_ROLE_HINT = re.compile(r"牵头|配合|负责|协办|主办|参加|责任单位|牵头单位")


def trailing_note(paragraph: str, rules: NoteRules | None) -> tuple[int, str]:
    """(offset where a unit note at the end of the paragraph starts, the note) or (len, "")."""
    m = _TRAILING.search(paragraph)
    if m and m.start() > 0:
        inner = m.group(1)
        if LABEL_RE.search(inner) or _ROLE_HINT.search(inner) or looks_like_unit_list(inner):
            return m.start(), inner
    m = _DASHED.search(paragraph)
    if m and m.start() > 0:
        inner = m.group("note")
        if LABEL_RE.search(inner) or _ROLE_HINT.search(inner) or looks_like_unit_list(inner):
            # "……（完成时限：9月底前）——责任单位：县财政局": the bracket's time limit is the note's too
            before = _TIME_BRACKET.search(paragraph[:m.start()])
            if before:
                return before.start(), inner + "；" + before.group(1)  # the limit last: it ends the note
            return m.start(), inner
    label = None
    for lm in LABEL_RE.finditer(paragraph):
        if paren_open(paragraph[:lm.start()]):
            continue  # `…“title”（牵头单位：A；完成时限：…）。progress…`: the bracket is the note (assignment)
        if lm.start() > 0 and paragraph[lm.start() - 1] in "。；;）) \u3000":
            label = lm
            break
    if label:
        return label.start(), paragraph[label.start():]
    return len(paragraph), ""



def _unwrapped(text: str) -> str:
    """A note wrapped over printed lines (`完\n成时限`) read as one text."""
    return re.sub(r"\s*\n\s*", "", text)


def finish(d: Draft, rules: NoteRules | None, paragraph: str | None = None) -> None:
    """Attach the item's unit note: label lines collected, a note at the end of its text, or an
    assignment sentence inside it — the first that names anyone."""
    if d.notes:
        d.units = parse_note("；".join(d.notes), default_role="responsible", rules=rules)
        d.deadline = d.units.deadline
        if not d.units.empty or d.units.has_lead_marker:
            if paragraph:  # a 通报's progress text may change the division its 责任单位 line gives
                d.units, change = reassigned(paragraph, d.units)
                d.printed_units = change or d.printed_units
            return
    if paragraph is None:
        return
    at, note = trailing_note(paragraph, rules)
    if note:
        units = parse_note(note, default_role="responsible", rules=rules)
        d.deadline = d.deadline or units.deadline
        d.units = units
        d.notes.append(note)  # kept as printed (units_raw): it says how the document words the roles
        d.end = d.start + len(paragraph[:at].rstrip())
        return
    found = assignment(paragraph, rules, clauses=not past_work(d))
    if found:  # `…。由A牵头，B、C配合。…`: the note is a sentence inside the text, kept there
        d.units, d.printed_units = found
        d.units, change = reassigned(paragraph, d.units)
        d.printed_units = change or d.printed_units  # the division in force is the change's
        d.deadline = d.deadline or d.units.deadline


# `自7月1日起该项任务改由A牵头，B改为配合单位，其他配合单位不变`: a division changed after the plan
# (a 通报 or a 调整 notice says so after the units first given)
# Also `牵头单位由B变更为A，B调整为责任单位` and `经研究，该项任务由A牵头，B不再作为牵头单位，改为配合`.
_CHANGED_TO = r"(?:改|变更|调整|更改|转)为"
_REASSIGNED = (re.compile(r"(?:改由|(?:调整|变更|更改)为由?)(?P<units>[^，,；;。由]{2,60}?)(?:牵头|主办)"),
               re.compile(r"(?:牵头|主办)(?:单位|部门)(?:由[^，,；;。]{2,40}?)?" + _CHANGED_TO + r"(?!配合|协办|参与|责任)(?P<units>[^，,；;。]{2,60})"),
               re.compile(r"由(?P<units>[^，,；;。由]{2,60}?)(?:牵头|主办)(?=[，,][^。；;]{2,40}?不再(?:作为|担任|是)(?:牵头|主办))"))
_MOVED = (re.compile(r"(?P<units>[^，,；;。由改]{2,40}?)" + _CHANGED_TO + r"(?P<role>配合|协办|参与|责任)(?:单位|部门)"),
          re.compile(r"(?P<units>[^，,；;。由改]{2,40}?)不再(?:作为|担任|是)(?:牵头|主办)(?:单位|部门)?[，,]?"
                     + _CHANGED_TO + r"(?P<role>配合|协办|参与|责任)"))


def reassigned(paragraph: str, units: Units) -> tuple[Units, str]:
    """The units after a change the text states (the new lead, and the former lead where it moves),
    and the sentence stating it as printed; (units, "") when there is none."""
    text = _unwrapped(paragraph)
    m = next((found for pattern in _REASSIGNED for found in [pattern.search(text)] if found), None)
    names = split_names(m.group("units")) if m else []
    if not names or not all(_unit_like(x) for x in names):
        return units, ""
    said = next((s.strip() for s in re.split(r"[。；;]", paragraph) if m.group(0) in _unwrapped(s)), "")
    new = parse_note(f"{m.group('units')}牵头").lead  # (the names as every note's are stored)
    moved = {role: [x for pattern in _MOVED for mv in pattern.finditer(text) if mv.group("role") == role
                    for x in parse_note(f"{mv.group('units')}配合").participating if _unit_like(x)]
             for role in ("配合", "协办", "参与", "责任")}
    out = Units(deadline=units.deadline)
    out.add("lead", new)
    out.add("responsible", [x for x in units.responsible if x not in new] + moved["责任"])
    out.add("participating", [x for x in units.participating if x not in new]
            + moved["配合"] + moved["协办"] + moved["参与"])
    out.has_lead_marker = True
    return out, said


# `由A牵头…`, also with the task as subject: `此项工作由A负责，B积极配合。`
_ASSIGNMENT = re.compile(r"(?:^|(?<=[。；;]))\s*((?:" + TASK_SUBJECT + r")?由[^。；;]{2,120}?"
                         r"(?:牵头|负责(?!人|同志)|主办|主抓|为主)[^。；;]{0,120})(?=[。；;]|$)")


# The same sentence without 由: `县司法局、县委编办按职责分工负责。`, `县发改委负责，县财政局协同配合。`
# ... and `A要会同B、C抓好落实。` (A leads).
_BARE_ASSIGNMENT = re.compile(r"(?:^|(?<=[。；;]))\s*([^。；;，,由]{3,40}?(?:牵头|牵好头|负责(?!人|同志)|各负其责|主办|主抓|为主|会同)[^。；;]{0,120})(?=[。；;]|$)")


# A note in brackets in the middle of the text: `…配备率保持100%（县教育局牵头，各乡镇配合），每学期…`
_INNER_NOTE = re.compile(r"[（(]([^（）()]{0,60}?(?:牵头|负责(?!人|同志)|主办|主抓|责任单位|责任部门)[^（）()]{0,60})[）)]")


# a part reporting what was done (`一、2024年度…主要举措和成效`): `由市司法局牵头开展…活动` there
# tells who did it, not who is to do it
_PAST_PART = re.compile(r"成效|成绩|做法|回顾|进展|完成情况|工作情况|建设情况|开展情况")


def past_work(d: Draft) -> bool:
    return any(_PAST_PART.search(heading) for _, heading in d.path)


def assignment_sentence(paragraph: str, rules: NoteRules | None = None, clauses: bool = True) -> Units | None:
    found = assignment(paragraph, rules, clauses)
    return found[0] if found else None


def assignment(paragraph: str, rules: NoteRules | None = None, clauses: bool = True) -> tuple[Units, str] | None:
    """(units, the words that assign them) of a sentence `由A（共同）牵头，B、C配合` / `由A负责` inside
    an item's text, when every name in it reads as a unit (so `由县政府统一领导` is not one); without
    由, only when every name does (`各部门要按职责分工负责` is a duty, not a note)."""
    paragraph = re.sub(r"各司其职[，,、]", "各司其职", paragraph)  # `A、B要各司其职，按职责分工负责`: one clause
    said = _roles_said_as_is(paragraph)
    if said:
        return said
    for pattern, tolerated in ((_ASSIGNMENT, 1), (_BARE_ASSIGNMENT, 0), (_INNER_NOTE, 0)):
        for m in pattern.finditer(paragraph):
            units = parse_note(_unwrapped(m.group(1)), rules=rules)
            names = units.lead + units.responsible + units.participating
            odd = [n for n in names if not _unit_like(n)]
            if len(names) > len(odd) and len(odd) <= tolerated:  # one trailing clause (`，县司法局加强督促检查`)
                for role in ("lead", "responsible", "participating"):
                    setattr(units, role, [n for n in getattr(units, role) if _unit_like(n) and not NO_LEAD_CLAUSE.search(n)])
                # clauses read one by one may account for more of the sentence (`由A负责组织实施，B配合，
                # C负责本部门…的培训`: the tolerated odd name hid B and C)
                by_clause = clause_assignment(paragraph) if clauses and pattern is _ASSIGNMENT else None
                if by_clause and _names(units) < _names(by_clause[0]):
                    return by_clause
                return units, m.group(1).strip()
    return clause_assignment(paragraph) if clauses else None


# `…，由A、B共同牵头，C配合，6月底前完成。` / `由A负责起草，B负责公开`: the assignment as clauses of
# a longer sentence, each clause's units named before its role word and the task's own verb after
# it (牵头制定, 负责起草); the first clause opens with 由 (after a subject: 出庭应诉工作由…).
# 承担 is a responsible unit's word (`主要由A承担`).
# A speech says the roles in its own words: `A要牵好头`, `A牵头负总责`, `B要主动配合`, `C、D要各司其职、分别负责`,
# `E各负其责`, `F具体牵头`.
_ROLE_WORD = (r"(?:要|需要|应当?)?(?:各司其职)?(?P<how>共同|联合|分别)?(?:积极|协同|主动|具体|全力|密切)?(?:按照?职责分工|按职责)?"
              r"(?P<role>牵好头|扛起牵头责任|牵头|负总责|各负其责|负责(?!人|同志)|抓好落实|主办|主抓|配合|协办|协助|参与|参加|承担)")
_FIRST_CLAUSE = re.compile(r"^[^，,由]{0,16}?由(?P<units>[^，,；;。由]{2,80}?)" + _ROLE_WORD)
# (the first such clause may open with what it is about: `这件事A要牵好头`)
_NEXT_CLAUSE = re.compile(r"^(?:" + TASK_SUBJECT + r")?(?P<units>[^，,；;。由]{2,80}?)" + _ROLE_WORD)
_CLAUSE_ROLE = {**dict(WORD_PART), "主抓": "lead", "协助": "participating", "承担": "responsible",
                "牵好头": "lead", "扛起牵头责任": "lead", "负总责": "lead", "各负其责": "responsible",
                "抓好落实": "responsible"}
NO_LEAD_CLAUSE = re.compile(NO_LEAD)  # `区里不再单独指定牵头部门`: no lead, and no unit
# `(由)A会同B推进`: A leads, B takes part, and the task's verb follows B's names
_WITH = re.compile(r"^(?:[^，,由]{0,16}?由)?(?P<units>[^，,；;。由]{2,40}?)会同(?P<rest>[^，,；;。]{2,80})$")


# `A是这项工作的牵头单位，B、C是配合单位` / `这项工作的牵头单位为A，配合单位为B`: the roles said with 是/为
_WORK = r"(?:这项工作|这一项工作|这一项|该项工作|本项工作|此项工作)?的?"
# (also `牵头部门是A，参与部门有B、C`)
_ROLE_IS = re.compile(r"(?P<units>[^，,；;。：:“”是]{2,60}?)是" + _WORK + r"(?P<role>牵头|配合|责任|协办|主办|参与)(?:单位|部门)")
_ROLE_OF = re.compile(_WORK + r"(?P<role>牵头|配合|责任|协办|主办|参与)(?:单位|部门)(?:为|是|有|包括)(?P<units>[^，,；;。“”]{2,60})")


def _roles_said_as_is(paragraph: str) -> tuple[Units, str] | None:
    """A sentence that says its units' roles with 是 / 为, read as `A牵头，B、C配合`; the sentence as
    printed is what assigns them."""
    for sentence in re.split(r"[。；;]", paragraph):
        if not (_ROLE_IS.search(sentence) or _ROLE_OF.search(sentence)):
            continue
        verb = lambda m: (f"{m.group('units')}{'负责' if m.group('role') == '责任' else m.group('role')}"
                          if all(looks_like_unit(x) and not re.search("牵头|配合|责任", x)
                                 for x in split_names(m.group("units"))) else m.group(0))
        found = clause_assignment(_ROLE_IS.sub(verb, _ROLE_OF.sub(verb, sentence.strip())))
        if found:
            return found[0], sentence.strip()
    return None


def _names(units: Units) -> set[str]:
    return set(units.lead + units.responsible + units.participating)


def clause_assignment(paragraph: str) -> tuple[Units, str] | None:
    """Units assigned in the clauses of one sentence, when every name in them reads as a unit; the
    clauses after the first join while each names units and a role (`，报D备案` ends them), and go
    on into the next sentence after a `；` that ends the chain (`…B配合；E负责行政执法监督`). The
    first clause opens with 由, or names only units (`A、B、C分别牵头本领域清单的制定` after
    `这项工作由县政府分管副县长统筹，`), or says `A会同B`."""
    sentences = [[c.strip() for c in re.split(r"[，,]", s)] for s in re.split(r"[。；;]", paragraph)]
    for at, clauses in enumerate(sentences):
        for k, clause in enumerate(clauses):
            found = _opening_clause(clause)
            if found is None:
                continue
            if not found:
                return None  # `由县政府统一领导`: not a unit note
            said = [clause]
            chain = clauses[k + 1:]
            if at + 1 < len(sentences) and _ends_with_semicolon(paragraph, clauses):
                chain += sentences[at + 1]  # `…B配合；E负责行政执法监督`: one assignment
            for later in chain:
                if NO_LEAD_CLAUSE.search(later):
                    said.append(later)
                    continue
                n = _NEXT_CLAUSE.match(later)
                if not n or not _all_units(n):
                    break
                found.append((_CLAUSE_ROLE[n.group("role")], split_names(n.group("units"))))
                said.append(later)
            units = Units()
            for role, names in found:
                units.add(role, names)
            units.has_lead_marker = bool(units.lead)
            return units, "，".join(said)
    return None


def _opening_clause(clause: str) -> list[tuple[str, list[str]]] | None:
    """The (role, names) a note's first clause assigns; [] when it opens one whose names are not all
    units (`由县政府统一领导`), None when it opens none."""
    m = _FIRST_CLAUSE.match(clause)
    if m:
        return [(_CLAUSE_ROLE[m.group("role")], split_names(m.group("units")))] if _all_units(m) else []
    with_ = _WITH.match(clause)
    if with_ and "了" not in with_.group("rest"):  # (`A会同B起草了《要点》` tells what was done)
        lead, others = split_names(with_.group("units")), _units_before_verb(with_.group("rest"))
        if lead and others and all(looks_like_unit(x) for x in lead):
            return [("lead", lead), ("participating", others)]
    bare = _NEXT_CLAUSE.match(clause)
    # (without 由, a clause opens a note only naming its lead, by names that end as units do)
    if bare and _CLAUSE_ROLE[bare.group("role")] == "lead" and _all_units(bare, strict=True):
        return [("lead", split_names(bare.group("units")))]
    return None


def _units_before_verb(text: str) -> list[str]:
    """The units at the head of `县司法局、县信访局推进`: the longest head whose names all read as units."""
    for end in range(len(text), 1, -1):
        names = split_names(text[:end])
        if names and all(looks_like_unit(x) for x in names):
            return names
    return []


def _ends_with_semicolon(paragraph: str, clauses: list[str]) -> bool:
    """The sentence of `clauses` ends with a `；` (its assignment may go on in the next)."""
    at = paragraph.find(clauses[-1]) + len(clauses[-1]) if clauses and clauses[-1] else -1
    return 0 <= at < len(paragraph) and paragraph[at] in "；;"


def _all_units(m: re.Match, strict: bool = False) -> bool:
    names = split_names(m.group("units"))  # (县发展和改革局 is one name)
    return bool(names) and all(looks_like_unit(x) if strict else _unit_like(x) for x in names)


def _unit_like(name: str) -> bool:
    if re.match(r"各(负其责|司其职|尽其责)", name):
        return False  # what each does, not a body
    return looks_like_unit(name) or name.startswith(("各", "有关", "相关", "县直", "市直", "区直"))
