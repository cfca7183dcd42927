"""Which unit a question names, however it is shortened.

People shorten unit names the way the documents themselves do: they drop the level
(`司法局` for 县司法局), write 办 for 办公室, 委 for 委员会, 监管局 for 监督管理局, and put
their county before the level (`鹤汀市政府办` = 鹤汀市's 市政府办公室). Every parsed unit gets its
short forms by these rules; a question is read with each named locality replaced by its level
character (`鹤汀市政府办` → `市政府办`), and the longest form found wins.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from index.localities import locality_variants

_LEVELS = ("县", "市", "区", "州", "旗")
_ABBREVIATIONS = (("办公室", "办"), ("委员会", "委"), ("人民政府", "政府"), ("监督管理局", "监管局"),
                  ("管理局", "局"), ("发展和改革", "发改"), ("发展改革", "发改"),
                  # the usual short names of bureaus (卫健委, 人社局, 住建局), as staff write them
                  ("卫生健康", "卫健"), ("卫生和健康", "卫健"), ("人力资源和社会保障", "人社"), ("住房和城乡建设", "住建"),
                  ("交通运输局", "交通局"), ("城市管理行政执法局", "城管局"), ("自然资源和规划", "资源规划"),
                  ("全面依法治", "依法治"),  # 市委全面依法治市办公室 is 依法治市办 to its staff
                  ("委员会办公室", "办"), ("机构编制委员会办公室", "编办"), ("纪律检查委员会", "纪委"),
                  ("人民法院", "法院"), ("人民检察院", "检察院"), ("医疗保障", "医保"), ("退役军人事务", "退役军人"),
                  ("文化和旅游", "文旅"), ("行政审批服务局", "审批局"), ("政务服务和数据管理", "政数"))
_GENERIC = re.compile(r"^(各|有关|相关|其他|全)")
MIN_TAIL = 4
_UNIT_TAIL = re.compile(r"(大队|中队|支队|中心|科|股|处|室|局|办|委|所|站)$")


@dataclass(frozen=True)
class UnitMention:
    name: str  # the unit as the documents print it (canonical)
    localities: tuple[str, ...]  # where a unit of that name exists
    said: str  # the form found in the question


class UnitNames:
    def __init__(self, items):
        self.forms: dict[str, dict[str, set[str]]] = {}  # form -> canonical -> localities
        # collectives (各乡镇(管委会), 县属相关部门) name no one unit; asked for word for word, they
        # are still what the question names ("把各乡镇(管委会)写进单位栏的有多少条?")
        self.collectives: dict[str, set[str]] = {}
        self.collective_counts: dict[str, int] = {}  # how many items name each
        for item in items:
            for unit in item.all_units:
                if _GENERIC.match(unit) and len(unit) >= 3:  # 各乡镇 too, but only when quoted (find)
                    self.collectives.setdefault(unit, set()).add(item.locality)
                    self.collective_counts[unit] = self.collective_counts.get(unit, 0) + 1
                if _GENERIC.match(unit) or len(unit) < 3:
                    continue
                for form in short_forms(unit):
                    self.forms.setdefault(form, {}).setdefault(unit, set()).add(item.locality)
        # The tail of a long name, when no other unit ends that way: 执法大队 for 综合行政执法大队
        # (a bureau's staff say it so). Tails shared by two units name neither.
        tails: dict[str, set[str]] = {}
        for unit in {u for units in self.forms.values() for u in units}:
            for n in range(MIN_TAIL, len(unit) - 1):
                tails.setdefault(unit[-n:], set()).add(unit)
        # every unit named, and where: kept, for the short names and the townships asked
        self.where = where = {u: set().union(*(f[u] for f in self.forms.values() if u in f))
                              for u in {u for units in self.forms.values() for u in units}}
        for tail, owners in tails.items():
            if len(owners) == 1 and tail not in self.forms and _UNIT_TAIL.search(tail):
                unit = next(iter(owners))
                self.forms[tail] = {unit: where[unit]}
        # A tail shared with units of other places still names one unit when the question names
        # the place: 苕岙's 执法大队 is its 县交通运输综合行政执法大队, whatever 执法大队 other counties have.
        self.local_tails: dict[str, dict[str, str]] = {}
        for tail, owners in tails.items():
            if len(owners) > 1 and tail not in self.forms and _UNIT_TAIL.search(tail):
                for loc in set().union(*(where[u] for u in owners)):
                    here = [u for u in owners if loc in where[u]]
                    if len(here) == 1:
                        self.local_tails.setdefault(loc, {})[tail] = here[0]
        self._by_length = sorted(self.forms, key=len, reverse=True)
        # A collective asked by what each of its members is: "我们乡镇政府", "镇政府" for 各乡镇人民政府
        # / 各镇人民政府 (only names that end like a body, so 乡镇 alone stays a topic word)
        self.collective_forms: dict[str, set[str]] = {}
        for unit in self.collectives:
            if unit.startswith("各"):
                for form in member_forms(unit):
                    self.collective_forms.setdefault(form, set()).add(unit)

    def find(self, question: str, localities: tuple[str, ...] = ()) -> UnitMention | None:
        # The longest form found in any reading (the first reading wins a tie): 市市场监管局绿园分局
        # has the locality inside it, so the reading without the locality finds only 市市场监管局.
        readings = _readings(question, localities)
        found = [next((form for form in self._by_length if form in text), "") for text in readings]
        form = max(found, key=len, default="")
        local = max(((tail, unit, loc) for loc in localities for tail, unit in self.local_tails.get(loc, {}).items()
                     if any(tail in text for text in readings)),
                    key=lambda t: len(t[0]), default=None)
        if local and len(local[0]) > len(form):
            return UnitMention(local[1], (local[2],), local[0])
        # a collective said word for word; a three-character one (各乡镇, 各部门) only when the
        # asker quotes it (写到“各乡镇”的…), since 各部门 is also how a question says "everyone";
        # it wins over a shorter name inside it (各级依法行政领导小组办公室 holds 领导小组办公室)
        said = max((c for c in self.collectives if c in question
                    and (len(c) >= 4 or re.search(f"[“\"'‘「]{re.escape(c)}[”\"'’」]", question))),
                   key=len, default="")
        if said and (not form or (form in said and len(said) > len(form))):
            return UnitMention(said, tuple(sorted(self.collectives[said])), said)
        if not form:
            return self._member_of_collective(readings, localities) or self._abbreviated(readings, localities)
        units = self.forms[form]
        if localities:
            scoped = {u: locs for u, locs in units.items() if locs & set(localities)}
            if not scoped:
                # the place named has no unit of that name, but may address all of its kind below
                # it: 檀峰's "县里的司法局" is 各县（市、区）司法局, not another county's 县司法局
                member = self._member_of_collective(readings, localities) or self._abbreviated(readings, localities)
                if member:
                    return member
            own = self._own_level(question, form, localities) if not scoped else None
            if own:
                return own
            units = scoped or units
        unit = max(units, key=lambda u: (len(units[u]), -len(u), u))
        return self._part_of_unit(readings, form, localities) or UnitMention(unit, tuple(sorted(units[unit])), form)

    @staticmethod
    def _own_level(question: str, form: str, localities: tuple[str, ...]) -> UnitMention | None:
        """"蘅川市司法局…" where 蘅川市 prints no 司法局: the place's own 市司法局, which no document
        names — never another place's 县司法局 that the bare form also fits."""
        if form[:1] in "县市区州":
            return None
        for loc in localities:
            if f"{loc}{form}" in question and loc[-1:] in "县市区州":
                return UnitMention(f"{loc[-1]}{form}", (loc,), form)
        return None

    def _part_of_unit(self, readings: list[str], form: str, localities: tuple[str, ...]) -> UnitMention | None:
        """"苕岙交通局法规股的": a section (股, 科, 大队) said right after its bureau is the one that
        asks: the unit of the places asked whose name ends as the section is said (政策法规股), or is
        said by its telling words, when only one fits."""
        units = self.where
        if localities:
            units = {u: locs for u, locs in units.items() if locs & set(localities)}
        for text in readings:
            at = text.find(form)
            said = _SECTION_SAID.match(text, at + len(form)) if at >= 0 else None
            if not said or len(said.group(0)) < 3:  # (not the rest of a name cut short: 县委办|公室)
                continue
            short = said.group(0)
            # a bureau's own 办公室 is only a unit so named, never the government's 县政府办公室
            fits = ([u for u in units if u == short] if short == "办公室" else
                    [u for u in units if u.endswith(short) or _abbreviates(short, u)])
            if len(fits) == 1:
                return UnitMention(fits[0], tuple(sorted(units[fits[0]])), form + short)
        return None

    def _member_of_collective(self, readings: list[str], localities: tuple[str, ...]) -> UnitMention | None:
        said = max((f for f in self.collective_forms if any(f in text for text in readings)), key=len, default="")
        if not said:
            return self._township_asking(readings, localities)
        units = sorted(self.collective_forms[said], key=lambda u: (-len(self.collectives[u] & set(localities)), u))
        if localities and not self.collectives[units[0]] & set(localities):
            return None  # the place named has no such collective
        return UnitMention(units[0], tuple(sorted(self.collectives[units[0]])), said)

    def _townships(self, localities: tuple[str, ...]) -> set[str]:
        """The names the places' documents give their townships all together (各镇人民政府,
        街道办事处, 各镇(街道), 各乡镇 …)."""
        places = set(localities)
        return {u for u, locs in [*self.collectives.items(), *self.where.items()] if locs & places and _TOWNSHIPS.search(u)}

    def township_kin(self, unit: str, localities: tuple[str, ...]) -> list[str]:
        """[unit], or, when it is the townships of a place all together, every name the place's
        documents give them (各镇人民政府 and 街道办事处 in one note, 各镇(街道) in another)."""
        if not localities or not _TOWNSHIPS.search(unit):
            return [unit]
        kin = self._townships(localities)
        return [unit, *sorted(kin - {unit})] if unit in kin else [unit]

    def find_pair(self, question: str, localities: tuple[str, ...] = ()) -> tuple[UnitMention, UnitMention] | None:
        """Two units joined in the question ("A和B", "A跟B", "A比B", "A、B"): the first found, then
        the one found in what is left once its name is taken out; None unless a joining word
        stands between the two names."""
        first = self.find(question, localities)
        if not first:
            return None
        at = question.find(first.said)
        if at < 0:
            return None
        rest = question[:at] + "\u3000" * len(first.said) + question[at + len(first.said):]
        second = self.find(rest, localities)
        if not second or second.name == first.name or (at2 := rest.find(second.said)) < 0:
            return None
        (a, a_end), b = sorted([(at, at + len(first.said)), (at2, at2 + len(second.said))])
        between = question[a_end:b[0]] if b[0] >= a_end else ""
        if not _JOINS.fullmatch(between):
            return None
        return (first, second) if at < at2 else (second, first)

    def _abbreviated(self, readings: list[str], localities: tuple[str, ...]) -> UnitMention | None:
        """A unit said by the first characters of its words, as staff shorten names: 市监局 for
        市市场监督管理局, 文旅局 for 县文化和旅游局. The short name's characters stand in the unit's
        name in order, it starts as the name (after its level) starts and ends as it ends; taken only
        when one unit of the places asked fits (see `_abbreviates`)."""
        units = self.where
        if localities:
            units = {u: locs for u, locs in units.items() if locs & set(localities)}
        for text in readings:
            for said in sorted(set(_SAID_UNIT.findall(text)), key=len, reverse=True):
                for start in range(len(said) - 2):
                    short = said[start:]
                    fits = [u for u in units if _abbreviates(short, u)]
                    if len(fits) == 1:
                        return UnitMention(fits[0], tuple(sorted(units[fits[0]])), short)
        return None

    def _township_asking(self, readings: list[str], localities: tuple[str, ...]) -> UnitMention | None:
        """"我们是霁川一个乡镇", "我们街道这边": the asker is one of the place's townships, which its
        document addresses only all together (各乡镇, 各乡(镇)、街道, 各街道办事处)."""
        said = next((m for text in readings if (m := _TOWNSHIP_SELF.search(text))), None)
        if not said or not localities:
            return None
        word = said.group("kind")
        here = [c for c in self._townships(localities) if c in self.collectives and c.startswith("各")
                and re.search("街道" if word == "街道" else "[乡镇]", c)]
        if not here:
            return None
        # the one most items name (各乡镇人民政府 over a one-off 各乡镇(管委会) …), then the shortest
        unit = max(here, key=lambda c: (self.collective_counts.get(c, 0), -len(c)))
        return UnitMention(unit, tuple(sorted(self.collectives[unit])), said.group(0))


# what stands between two units joined as a pair: 和, 与, 跟, 同, 及, 、, 比, 还是, 对比, 相比 (and a 的 or
# a comma after the first: "区委编办跟区司法局", "A的条数比B多")
_JOINS = re.compile(r"[的,，\s]{0,2}(和|与|跟|同|及|以及|、|比|还是|对比|相比|对|vs\.?)[,，\s]{0,2}|"
                    # "A挂牵头的,比B多几项": what is said of A, then 比 (a comma may stand before it)
                    r"[^,，。?？]{0,12}?[,，]?(比|还是)[,，\s]{0,2}")
# a section of a bureau, said after it: 法规股, 执法监督科, 综合执法大队, 股室
_SECTION_SAID = re.compile(r"[\u4e00-\u9fff]{1,6}?(股|科|中队|大队|室)")
_SAID_UNIT = re.compile(r"[\u4e00-\u9fff]{2,6}(?:局|委|办|科|股|中心|所|队|站|处)")


def _abbreviates(short: str, unit: str) -> bool:
    core = unit[1:] if unit[:1] in _LEVELS else unit
    if len(short) < 3 or short[-1] != unit[-1] or short in unit or len(core) < len(short) + 2:
        return False  # a name said in full, or nearly, is a form, not an abbreviation
    bodies = [short] + ([short[1:]] if short[0] == unit[0] and unit[0] in _LEVELS else [])  # 市监局: 市场 or 市's
    # three characters must start as the name does (文旅局); four or more may keep only the words
    # that tell the unit apart (执法监督科 for 行政执法协调监督科, 大数据局)
    return any(len(body) >= 3 and (body[0] == core[0] or len(body) >= 4) and _in_order(body, core) for body in bodies)


def _in_order(chars: str, name: str) -> bool:
    rest = iter(name)
    return all(ch in rest for ch in chars)


# the townships of a place named all together, as its documents write them
_TOWNSHIPS = re.compile(r"^各(乡镇|乡|镇|街道)|^(乡镇|镇|乡)?(人民)?政府?[、,]?街道办事处$|^街道办事处$")
_BODY = re.compile(r"(政府|办事处|街道办|司法所|管委会)$")
# the asker speaking as a township: 我们乡镇, 我们是X镇的, 咱们街道, 本乡 (not 乡镇执法 as a topic)
_TOWNSHIP_SELF = re.compile(r"(我们|咱们?|本|我)(是|这边是|在)?(这个|一个|[\u4e00-\u9fff]{1,6}?)?"
                            r"(?P<kind>乡镇|街道|镇|乡)(政府|人民政府|办事处|办)?(?![\u4e00-\u9fff]{0,2}(局|委|所|队))")
_BRACKETED = re.compile(r"\([^)]*\)|（[^）]*）|〔[^〕]*〕")


def member_forms(collective: str) -> set[str]:
    """How one member of a collective is said: 各乡镇人民政府 -> 乡镇人民政府, 乡镇政府, 镇政府;
    各县（市、区）司法局 -> 县司法局 (a county's own bureau, asked from below a city's document:
    its level is kept, since 司法局 alone is the city's own)."""
    base = _BRACKETED.sub("", collective[1:])
    forms = {base} | short_forms(base)
    if base[:1] in _LEVELS and len(base) >= 4 and (_UNIT_TAIL.search(base) or base.endswith("政府")):
        return {f for f in forms if f[:1] == base[0] and len(f) >= 3}
    forms |= {f[1:] for f in forms if f.startswith("乡镇")}
    return {f for f in forms if len(f) >= 3 and _BODY.search(f)}


def short_forms(unit: str) -> set[str]:
    forms = {unit}
    for full, short in _ABBREVIATIONS:
        for f in list(forms):
            if full in f:
                forms.add(f.replace(full, short))
    for f in list(forms):
        if f.startswith(_LEVELS) and len(f) - 1 >= 3:
            forms.add(f[1:])  # 司法局, 政府办
    organs = set()
    for f in forms:  # the party committee's organs by their own names: 县委编办 -> 编办, 市委组织部 -> 组织部
        if len(f) >= 4 and f[0] in _LEVELS and f[1] == "委" and re.search(r"(办|部|委)$", f):
            organs.add(f[2:])
    return {f for f in forms if len(f) >= 3} | {o for o in organs if len(o) >= 2}


_LEVEL_SAID = re.compile(r"([县市区])(?:里的|里头的|级的?|上的|一级的?|的)(?=[\u4e00-\u9fff]{0,8}(局|办|委|院|部|中心|政府))")


def _readings(question: str, localities: tuple[str, ...]) -> list[str]:
    """The question as written, and with each named locality turned into its level character
    (and "县里的司法局", "县级司法局" read as 县司法局)."""
    question = _LEVEL_SAID.sub(r"\1", question)
    out = [question]
    text = question
    for loc in localities:
        level = loc[-1] if loc[-1] in _LEVELS else ""
        for variant in locality_variants(loc):
            if variant in text:
                text = text.replace(variant, level if variant.endswith(_LEVELS) else "")
    if text != question:
        out.insert(0, text)
    # a bureau said without its 局: "市场监管这边", "城管、交通、农委这几个局"
    out += [r for r in (_BARE_LIST.sub(_with_bureau, t) for t in list(out)) if r not in out]
    out += [r for r in (_BARE_SELF.sub(r"\1局\2", t) for t in list(out)) if r not in out]
    return out


# (only where the asker introduces themselves: "市场监管这边:…", "我们城管这边想问"; "执法这块" is a topic)
_BARE_SELF = re.compile(r"^((?:我们|咱们?)?[\u4e00-\u9fff]{2,4}?)(?<![局委办院部所队站科股])(这边)(?=[,，:：]|问|想|咨询|核)")
_BARE_LIST = re.compile(r"((?:[\u4e00-\u9fff]{2,4}、)+[\u4e00-\u9fff]{2,4}?)(?=(这|那)?(几|些|两|三|四)个?局)")


def _with_bureau(m: re.Match) -> str:
    return "、".join(p if p[-1] in "局委办院部所队站" else f"{p}局" for p in m.group(1).split("、"))
