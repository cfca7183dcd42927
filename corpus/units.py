"""Stage 6, units: one grammar for every way a plan says who does a task.

A unit note is a run of segments, each introduced by a label or not:
    牵头单位：A；责任单位：B、C            labels (牵头/主办 → lead; 责任/责任部门/责任科室/承办 →
                                            responsible; 配合/协办/参加 → participating)
    A、B牵头，C、D配合                     a role word closes a clause: it applies to every name
                                            since the previous role word
    责任单位：A（牵头）、B、C               a marker after one name
    由A会同B                               A leads, B takes part
    （A、B、C）                            a bare list: responsible, unless the document says the
                                            first one leads (`NoteRules`, read by corpus.note_rules)
Names are split on 、，,;；and on 及/和 where both sides read as units, never inside brackets
(`各县（市、区）人民政府`). A person (牵头领导：县长) is never a unit. `canonical` maps a printed
variant to its locality's canonical name (`aliases.json`), never across localities.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources

# Role labels are built the way plans build them: a role word and the kind of body it names
# (牵头 + 单位/部门/科室/处室…, 配合 + 单位/科室…), plus a few fixed forms.
_BODIES = ("单位", "部门", "科室", "处室", "股室", "机关", "主体", "领导")
_ROLE_PREFIXES = {
    "lead": ("牵头", "主办", "责任牵头"),
    "responsible": ("责任", "主责", "承办", "落实", "实施"),
    "participating": ("配合", "协办", "参加", "参与", "协同", "协助"),
}
LABELS = {
    role: tuple(p + b for p in prefixes for b in _BODIES if b != "领导")
    for role, prefixes in _ROLE_PREFIXES.items()
}
# 督办单位 supervises the task and does none of it (as 牵头领导 names a person): never a unit of it
LABELS["supervisor"] = ("督办单位", "督办部门", "督导单位", "督查单位")
LABELS["leader"] = ("牵头领导", "责任领导", "分管领导", "牵头县领导", "牵头市领导", "牵头区领导", "责任人",
                    "牵头人", "联系领导", "包抓领导")
LABELS["deadline"] = ("完成时限", "时间节点", "完成时间", "时限要求", "完成期限", "办结时限", "时间要求",
                      "整改时限", "整改期限", "整改完成时限")  # (a 整改方案's)
ROLE_OF_LABEL = {w: role for role, words in LABELS.items() for w in words}
# The role word alone as a label, where a document says so: `【牵头】A【配合】B【时限】…`, `牵头/A；配合/B`,
# `牵头：A　配合：B` in a table cell.
_BARE_LABELS = {"牵头": "lead", "主办": "lead", "配合": "participating", "协办": "participating",
                "参加": "participating", "参与": "participating", "协同": "participating",
                "责任": "responsible", "主责": "responsible", "落实": "responsible", "时限": "deadline",
                # the leader who takes charge (挂帅：区政府分管副区长): a person, never a unit
                "挂帅": "leader", "督导": "supervisor"}
ROLE_OF_LABEL.update({w: r for w, r in _BARE_LABELS.items() if w not in ROLE_OF_LABEL})
_BARE = "|".join(_BARE_LABELS)
# `牵头单位：A` (`牵头单位丨A` in WeChat articles), the bracketed form portals print, with or without a
# colon (`【牵头单位】A`), and a bare role word in brackets or before a colon or slash. The label is
# `label_of(match)`.
_FULL = "|".join(sorted((k for k in ROLE_OF_LABEL if k not in _BARE_LABELS), key=len, reverse=True))
LABEL_RE = re.compile("[【\\[]?(" + _FULL
                      + r")(?:\s*[】\]]\s*[:：]?|\s*[:：丨|｜])"  # 丨: WeChat articles' separator
                      + rf"|[【\[]({_BARE})[】\]]\s*[:：]?|(?<![\u4e00-\u9fff])({_BARE})\s*[:：/丨｜|]")


def label_of(m: re.Match) -> str:
    return m.group(1) or m.group(2) or m.group(3)


UNIT_ROLES = ("lead", "responsible", "participating")

# A role word closing a clause, or a marker right after one name.
_MARKER = re.compile(r"[(（]\s*(牵头|配合|负责|参加|协办|主办|按职责分工负责|按照职责分工负责)\s*[)）]")
_ROLE_WORD = re.compile(
    r"(按职责分工负责|按照职责分工负责|按职责分工落实|按职责负责|按职能负责|分别负责|共同负责|具体负责|具体落实|抓好落实|"
    r"负责落实|各负其责|负责|牵好头|牵头|主抓|为主|配合|协助|参与|参加|协同|会同)"
)
_WORD_ROLE = {"牵头": "lead", "牵好头": "lead", "主办": "lead", "主抓": "lead", "为主": "lead", "配合": "participating", "协助": "participating",
              "参与": "participating", "参加": "participating", "协同": "participating",
              "协办": "participating"}
_SEPARATORS = re.compile(r"[、,，;；/\s]|<br>")  # a space left between names after cleaning separates them
_UNIT_END = re.compile(
    r"(局|办|委|院|部|室|会|组|中心|部门|单位|街道|政府|办事处|监委|分局|管委会|办公室|所|队|站|庭|处|厅|"
    r"科|股|社|行|馆|团|台|校|园|联|协|集团|公司|法院|检察院|机构|机关|党委|党工委|单位|成员单位|\)|）)$"
)
_PERSON = re.compile(r"(书记|县长|市长|区长|州长|乡长|镇长|主任|常委|委员|局长|部长|同志|领导)[)）]?$")
# `吴振华（副局长）`: a name with a person's title in brackets is a person, never a unit
_PERSON_TITLE = re.compile(r"[(（][^()（）]*(书记|县长|市长|区长|州长|乡长|镇长|主任|常委|委员|局长|部长|领导|科长|股长|队长)[)）]$")


def is_person(name: str) -> bool:
    """A person's post or a name with one (县政府常务副县长, 吴振华（副局长）), never a unit."""
    return bool(_PERSON.search(name) or _PERSON_TITLE.search(name))
# "县建设局等相关部门", "县委组织部等县属部门单位": the unit named, not the group after 等
_QUALIFIER_END = re.compile(r"(等[^、,，;；]{0,6}?(部门|单位)(单位)?|等|按职责分工负责|按职责负责|共同|分别|统一|具体)$")
# Names printed with no separator (`市司法局市委巡察办`, `有关部门各乡(镇)`): a unit's last
# character directly followed by the next unit's level prefix.
_GLUE = re.compile(r"(?<=[局办院室])(?=[市县区])|(?<=部门)(?=各)")


# A name printed bold in a Word table, where the document says what bold means (corpus.word marks
# it; corpus.note_rules gives the mark its role). A character no document holds.
BOLD = "\ue000"


# A label for the main role beside a supporting one: 主责单位/协同单位 and 承办单位/协办单位 are paired as
# 主办单位/协办单位 are, the first being the lead. Alone, 主责单位 or 承办单位 names who carries a task out.
_MAIN_LABELS = ("主责", "承办")


@dataclass(frozen=True)
class NoteRules:
    """What a document says once about its notes (corpus.note_rules reads it from the text)."""
    first_leads: bool = False  # "排在第一位的为牵头单位"
    at_least: int = 1  # "所列责任单位有两个及以上的…": a lone unit is responsible, not lead
    marks: tuple[tuple[str, str], ...] = ()  # (mark, role): "标注“★”的为牵头单位"
    others: str = "responsible"  # the units beside a lead named so ("其余为配合单位": participating)
    defined: tuple[tuple[str, str], ...] = ()  # (label, role) as the document defines it ("主责单位…负总责")
    # "牵头单位栏为“—”的任务不设牵头单位，配合单位栏所列单位即为责任单位": a row without a lead makes
    # its supporting units responsible
    no_lead_makes_responsible: bool = False

    def role_of(self, label: str, paired: bool = False) -> str:
        return dict(self.defined).get(label) or label_role(label, paired)


def label_role(label: str, paired: bool = False) -> str:
    """A label's role; `paired`: the note also has a supporting label (协同单位, 协办单位…)."""
    return "lead" if paired and label.startswith(_MAIN_LABELS) else ROLE_OF_LABEL[label]


@dataclass
class Units:
    lead: list[str] = field(default_factory=list)
    responsible: list[str] = field(default_factory=list)
    participating: list[str] = field(default_factory=list)
    deadline: str = ""
    has_lead_marker: bool = False  # the note says who leads (even when it names nobody)

    def add(self, role: str, names: list[str]) -> None:
        bucket = getattr(self, role)
        for n in names:
            if n and not self.holds(n):
                bucket.append(n)

    def holds(self, name: str) -> bool:
        return name in self.lead or name in self.responsible or name in self.participating

    @property
    def empty(self) -> bool:
        return not (self.lead or self.responsible or self.participating)


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


# a cell holding a placeholder (`待明确`: the division of labour is not fixed yet) names no unit
# a time limit written as a note's last piece (`…，6月底完成`, `；2026年底前`, `，长期坚持`): no unit
_MONTH = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:底|末|份|上旬|中旬|下旬|(?:\d{1,2}|[一二三四五六七八九十]{1,3})日)?"
_TIME_PIECE = re.compile(r"[,，;；]\s*(?P<due>(?:(?:(?:20\d{2}|\d{2})年)?" + _MONTH + r"|(?:20\d{2})?年(?:底|内|末|度内)|(?:20\d{2}年)?[上下]半年)"
                         r"(?:前|以前|之前)?(?:完成|启动|出台|到位|落实|见效|建成)?|长期(?:坚持|推进)?|持续(?:推进|开展)?)\s*$")
_NOT_YET = re.compile(r"^(?:待(?:明确|定|确定|分配|落实|研究)|暂(?:未明确|未确定|无|缺|定))$")


# "未明确牵头单位", "不另设牵头单位", "区里不再单独指定牵头部门": says there is no lead, names no unit
NO_LEAD = r"(?:不|未|没有|无)再?(?:另|单独)?(?:设|明确|指定|确定)?牵头(?:单位|部门)"
_NO_LEAD_SAID = re.compile(rf"[^，,；;。]{{0,6}}?{NO_LEAD}[，,；;]?")


def parse_note(text: str, default_role: str = "responsible", rules: NoteRules | None = None) -> Units:
    """A unit note (labels, role words, markers, or a bare list) -> units by role. `rules`: what
    the document says once about its notes."""
    text = _unwrap(nfkc(text).strip())
    if BOLD in text and not (rules and any(m == BOLD for m, _ in rules.marks)):
        text = text.replace(BOLD, "")  # bold with no key saying what it means says nothing
    if rules and any(m in text for m, _ in rules.marks):
        return _marked_note(text, default_role, rules)
    out = Units()
    said = _NO_LEAD_SAID.match(text)
    if said:  # `原分工未明确牵头单位，由X按职责分工负责`: says there is no lead, names no unit
        out.has_lead_marker, text = True, text[said.end():]
    due = _TIME_PIECE.search(text)
    if due:  # `（牵头单位：A；责任单位：B，6月底完成）`: the time limit the note ends with
        out.deadline, text = due.group("due"), text[:due.start()]
    labels = list(LABEL_RE.finditer(text))
    role_of = rules.role_of if rules else label_role
    paired = any(ROLE_OF_LABEL[label_of(m)] == "participating" for m in labels)
    segments: list[tuple[str, str]] = []
    if not labels or labels[0].start() > 0:
        segments.append((default_role, text[: labels[0].start()] if labels else text))
    for i, m in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(text)
        segments.append((role_of(label_of(m), paired), text[m.end():end]))
    # the order rule reads a list of 责任单位 (labelled or bare), not one whose lead is labelled
    by_order = rules if rules and rules.first_leads and not any(r == "lead" for r, _ in segments) else None
    for role, segment in segments:
        segment = segment.strip(" ;；,，。.")
        if not segment or segment in ("/", "—", "-", "无", "——") or _NOT_YET.match(segment):
            if role == "lead":
                out.has_lead_marker = True
            continue
        if role == "deadline":
            out.deadline = out.deadline or segment
        elif role in ("leader", "supervisor"):
            continue  # a person's title, or who supervises the task: never a unit doing it
        else:
            _parse_segment(segment, role, out, by_order if role == "responsible" else None)
    if (by_order and not labels and not out.lead and not out.has_lead_marker
            and len(out.responsible) >= by_order.at_least):
        # "A、B按职责分工负责" under the document's rule that the first-listed unit leads
        out.has_lead_marker = True
        out.lead.append(out.responsible.pop(0))
    return out


def _marked_note(text: str, default_role: str, rules: NoteRules) -> Units:
    """"县委编办★、县司法局、县直各部门" under "标注“★”的为牵头单位，其余为配合单位": a marked name
    takes its mark's role, the others the role the document gives them."""
    chars = re.escape("".join(m for m, _ in rules.marks))
    text = re.sub(rf"\s*([{chars}])\s*", r"\1", text)  # "县司法局 ★" is one name
    marked = {}
    for piece in split_names(text):
        mark = next((m for m, _ in rules.marks if m in piece), "")
        if mark:
            marked[re.sub(rf"[{chars}]", "", piece).split(":")[-1]] = dict(rules.marks)[mark]
    out = parse_note(re.sub(rf"[{chars}]", "", text), default_role, replace(rules, marks=()))
    if not marked:
        return out
    named = out.responsible + out.participating + out.lead
    regrouped = Units(deadline=out.deadline, has_lead_marker=True)
    for name in named:
        regrouped.add(marked.get(name, rules.others if name in out.responsible else
                                 "lead" if name in out.lead else "participating"), [name])
    return regrouped


def _unwrap(text: str) -> str:
    """Drop one pair of brackets around the whole note: `（A牵头，B配合）` -> `A牵头，B配合`."""
    pairs = {"(": ")", "〔": "〕", "[": "]", "【": "】"}
    while len(text) >= 2 and text[0] in pairs and text[-1] == pairs[text[0]]:
        inner = text[1:-1]
        if inner.count("(") != inner.count(")"):
            break
        text = inner.strip()
    return text


# What a sentence puts around its units: the task as subject (`此项工作由A负责`) and the modal
# or manner words before a role word (`A要会同B`, `B积极配合`, `A、B要各司其职，按职责分工负责`).
TASK_SUBJECT = r"(?:此|该|这|本|上述|以上)(?:(?:项|些|件)(?:工作|任务|事项|事)?|工作|任务|事项)"  # 此项工作, 该任务, 此项, a speech's 这件事
_SUBJECT = re.compile("^" + TASK_SUBJECT)
_ADVERB = re.compile(r"(要|应当|应|须|需)?(各司其职[，,、]?|积极|主动|认真|切实|全力|密切|具体)?(?=会同|配合|参与|参加|协助|协同|负责|各负其责|牵好头|牵头|抓好落实|按职责|按照职责)"
                     r"|(要|应当|应|须|需)(?=各司其职)|各司其职[，,]?")


# `A、B、C（A牵头）`: a list, then which of its names lead
_NAMED_LEAD = re.compile(r"(?P<list>[^()（）]+?)[(（](?P<named>[^()（）]+?)(牵头|主办)[)）]")


def _parse_segment(segment: str, role: str, out: Units, by_order: NoteRules | None) -> None:
    """`by_order`: the document's rule that the first unit of a list leads, for this segment."""
    if role == "lead":
        out.has_lead_marker = True
    listed = _NAMED_LEAD.fullmatch(segment)
    if listed:
        names, leads = split_names(listed.group("list")), split_names(listed.group("named"))
        if leads and len(names) > len(leads) and all(n in names for n in leads):
            out.has_lead_marker = True
            out.add("lead", leads)
            rest = by_order.others if by_order else "responsible" if role == "lead" else role
            out.add(rest, [n for n in names if n not in leads])
            return
    segment = _SUBJECT.sub("", segment)
    segment = re.sub(r"^(由|以|其中|请)", "", segment)  # 以A为主
    segment = _ADVERB.sub("", segment)
    segment = re.sub(r"(?<=[，,；;])\s*(由)", "", segment)
    pos = 0
    pending: list[str] = []
    after_huitong = False
    tokens = sorted([(m.start(), m.end(), "marker", m.group(1)) for m in _MARKER.finditer(segment)]
                    + [(m.start(), m.end(), "word", m.group(1)) for m in _ROLE_WORD.finditer(segment)
                       if not _inside_marker(segment, m.start()) and not _inside_name(segment, m)])
    for start, end, kind, word in tokens:
        names = split_names(segment[pos:start])
        if kind == "marker" and "按" in word:  # `A、B（按职责分工负责）`: every name before it, in order
            out.add("responsible", pending + names)
            pending = []
        elif kind == "marker":
            pending += names[:-1]
            if names:
                out.has_lead_marker |= word in ("牵头", "主办")
                out.add(_WORD_ROLE.get(word, "responsible"), names[-1:])
        elif word == "会同":
            out.add("lead", pending + names)
            out.has_lead_marker = True
            pending, after_huitong = [], True
        else:
            target = _WORD_ROLE.get(word, "responsible" if role != "participating" else role)
            if target == "lead":
                out.has_lead_marker = True
            if target == "responsible" and role in ("lead", "participating") and "按" not in word:
                target = role  # 牵头单位：A负责 — the label decides; 按职责分工负责 says responsible
            between = segment[pos:start]
            cut = max(between.rfind("，"), between.rfind(","))
            if not pending and cut > 0 and split_names(between[:cut]) and split_names(between[cut + 1:]):
                # "市财政局，市A、市B参与": a role word closes its own clause; the clause before it,
                # with no role word, keeps the note's
                out.add(role, split_names(between[:cut]))
                names = split_names(between[cut + 1:])
            out.add(target, pending + names)
            pending, after_huitong = [], False
        pos = end
    pending += split_names(segment[pos:])
    if after_huitong:
        out.add("participating", pending)
    elif by_order and not out.lead and not out.has_lead_marker and len(pending) >= by_order.at_least:
        out.has_lead_marker = True
        out.add("lead", pending[:1])
        out.add(by_order.others, pending[1:])
    else:
        out.add(role, pending)


_NAME_STOP = re.compile(r"[、,，;；/\s(（]")


def _inside_name(text: str, m: re.Match) -> bool:
    """A role word inside one unit's name (`人民参与和促进法治科牵头`): what comes before it is no
    unit, and what follows, up to the next separator or role word, ends like one. 会同 is always
    followed by names."""
    if m.group(1) == "会同":
        return False
    starts = [x.end() for x in _NAME_STOP.finditer(text, 0, m.start())]
    before = text[starts[-1] if starts else 0:m.start()]
    stop = _NAME_STOP.search(text, m.end())
    tail = text[m.end():stop.start() if stop else len(text)]
    nxt = _ROLE_WORD.search(tail)
    tail = tail[:nxt.start()] if nxt else tail
    return bool(before) and not looks_like_unit(before) and bool(tail) and bool(_UNIT_END.search(tail))


def _inside_marker(text: str, at: int) -> bool:
    return at > 0 and text[at - 1] in "(（"


def split_names(text: str) -> list[str]:
    """'县司法局、县财政局及相关部门' -> ['县司法局', '县财政局', '相关部门'] (brackets kept whole)."""
    text = _GLUE.sub("、", nfkc(text).strip())
    pieces, depth, current = [], 0, ""
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in "(（[〔［":
            depth += 1
        elif ch in ")）]〕］" and depth:
            depth -= 1
        if depth == 0 and text.startswith("<br>", i):
            pieces.append(current)
            current, i = "", i + 4
            continue
        if depth == 0 and _SEPARATORS.fullmatch(ch):
            pieces.append(current)
            current = ""
        else:
            current += ch
        i += 1
    pieces.append(current)
    names: list[str] = []
    for piece in pieces:
        for name in _split_and(piece):
            name = _clean_name(name)
            if name and not _PERSON.search(name) and not _PERSON_TITLE.search(name) and name not in names:
                names.append(name)
    return _protect_township_street(names)


def _split_and(piece: str) -> list[str]:
    """Split on 及/和/与 only where the left side already ends like a unit."""
    for m in re.finditer(r"[及和与]", piece):
        left, right = piece[: m.start()], piece[m.end():]
        if _UNIT_END.search(left.strip()) and len(right.strip()) >= 2:
            return [left] + _split_and(right)
    return [piece]


def _clean_name(name: str) -> str:
    name = name.strip(" 。.:：〕〔\"“”'")
    changed = True
    while changed and name:
        new = _QUALIFIER_END.sub("", name).strip()
        changed, name = new != name, new
    return name


def _protect_township_street(names: list[str]) -> list[str]:
    """`各乡(镇)、街道` names one group (townships and streets); the comma inside is not a cut."""
    out: list[str] = []
    for n in names:
        if n == "街道" and out and out[-1].startswith("各乡"):
            out[-1] = f"{out[-1]}、街道"
        else:
            out.append(n)
    return out


def looks_like_unit(name: str) -> bool:
    """A plausible unit name: short, and ends like one. Used to spot garbled notes."""
    return 1 < len(name) <= 24 and bool(_UNIT_END.search(name)) and "要" not in name


def looks_like_unit_list(text: str) -> bool:
    """A cell or a bracket holding only unit names (as opposed to a sentence)."""
    text = nfkc(text).strip().strip("()（）")
    if not text or "。" in text or len(text) > 160:
        return False
    text = _MARKER.sub("", text)
    text = _ROLE_WORD.sub("、", text)
    names = split_names(text)
    return bool(names) and sum(looks_like_unit(n) or n.startswith(("各", "有关", "相关")) for n in names) >= max(1, len(names) - len(names) // 4)


def is_note_line(line: str) -> bool:
    """A line that is only a bracketed unit note, set under its item: `（县司法局 牵头；县直各部门）`."""
    line = nfkc(line).strip()
    if not re.fullmatch(r"\(([^()]|\([^()]*\))+\)", line):
        return False
    return looks_like_unit_list(line[1:-1])


def split_units(text: str) -> list[tuple[str, str]]:
    """Kept for callers that want (name, role hint) pairs: hint 'participating' for 参加."""
    units = parse_note(text, default_role="responsible")
    return ([(n, "") for n in units.lead + units.responsible]
            + [(n, "participating") for n in units.participating])


@lru_cache(maxsize=1)
def alias_table() -> dict[str, dict[str, str]]:
    raw = json.loads(resources.files("corpus").joinpath("aliases.json").read_text("utf-8"))
    return {k: v for k, v in raw.items() if not k.startswith("_")}


def canonical(name: str, locality: str) -> str:
    """The locality's canonical form of a printed unit name (unchanged when no alias)."""
    return alias_table().get(locality, {}).get(name, name)


def canonical_all(names, locality: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(canonical(n, locality) for n in names))


def variants(name: str, locality: str | None = None) -> set[str]:
    """Every printed form that means `name` (itself included), within one or all localities."""
    found = {name}
    for loc, table in alias_table().items():
        if locality and loc != locality:
            continue
        target = table.get(name, name)
        found |= {v for v, c in table.items() if c == target} | {target}
    return found


def unit_lists(text: str, locality: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A list in one role -> (canonical names, canonical names marked 参加/配合)."""
    units = parse_note(text, default_role="responsible")
    return (canonical_all(units.lead + units.responsible, locality),
            canonical_all(units.participating, locality))
