"""A document's sections, read from its items' heading paths, and which section a question means.

Every item carries `section_path`, the headings above it joined with " > " (the parser's outline).
A section is any prefix of those paths: its items are the task items under it, in text order; its
parts are its direct children (a heading one level down, or an item sitting directly under it).
A question names a section by its number ("第三部分", "三、", "(二)"), by its heading's words
("依法决策那部分") or by the period a heading covers ("2022年打算做哪些?" -> "二、2022年工作安排").
No document is special: only the numbering and heading conventions of the outline are used.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from corpus.text import int_to_cn, normalize
from corpus.types import TaskItem

TASK_KINDS = ("task", "point")
_MARKER = re.compile(r"^(第[一二三四五六七八九十百\d]+[条章节部分]|[一二三四五六七八九十]+、|[(][一二三四五六七八九十]+[)]|"
                     r"\d+[.、]?|\[\d+\]|[①-⑳]|[一二三四五六七八九十]+是)")


@dataclass(frozen=True)
class Section:
    doc_id: str
    path: tuple[str, ...]  # headings from the top, as printed
    items: tuple[TaskItem, ...]  # the task items under it, in text order

    @property
    def heading(self) -> str:
        return self.path[-1]

    @property
    def marker(self) -> str:
        """'三、', '(二)', '12', '一是' … or '' for a heading without a number ('复议应诉')."""
        m = _MARKER.match(normalize(self.heading))
        if not m:
            return ""
        return m.group(1).rstrip(".、") if m.group(1)[0].isdigit() else m.group(1)

    @property
    def title(self) -> str:
        """The heading without its number: '二、2022年工作安排' -> '2022年工作安排'."""
        m = _MARKER.match(normalize(self.heading))
        title = normalize(self.heading)[m.end():] if m else normalize(self.heading)
        if not title and len(self.items) == 1:  # the heading line was read as the item's first words
            title = normalize(re.split(r"[\n。]", self.items[0].heading.strip())[0])[:40]
        return title

    def parts(self) -> list[tuple[str, tuple[TaskItem, ...]]]:
        """The direct children, in text order: (heading, items). An item directly under the
        heading is its own part (heading '')."""
        out: list[tuple[str, list[TaskItem]]] = []
        depth = len(self.path)
        for item in self.items:
            path = split_path(item)
            key = path[depth] if len(path) > depth else ""
            if key and out and out[-1][0] == key:
                out[-1][1].append(item)
            else:
                out.append((key, [item]))
        return [(k, tuple(v)) for k, v in out]


def split_path(item: TaskItem) -> tuple[str, ...]:
    return tuple(p.strip() for p in item.section_path.split(" > ") if p.strip())


def outline(items: tuple[TaskItem, ...]) -> list[Section]:
    """Every section of every document, parents before children."""
    return list(_outline(tuple(items)))


@lru_cache(maxsize=4)
def _outline(items: tuple[TaskItem, ...]) -> tuple[Section, ...]:
    under: dict[tuple[str, tuple[str, ...]], list[TaskItem]] = {}
    for item in sorted(items, key=lambda i: (i.doc_id, i.span[0])):
        if item.kind not in TASK_KINDS:
            continue
        path = split_path(item)
        for k in range(1, len(path) + 1):
            under.setdefault((item.doc_id, path[:k]), []).append(item)
    return tuple(Section(doc, path, tuple(its)) for (doc, path), its in under.items())


# --- which section a question means ---------------------------------------------------------------
# A question about a section asks what is in it or how much.
# "请列一下…这个小标题下的各条": a list asked for in so many words
_LIST_IT = r"列(一下|一列|出来?|举)|(标题|部分|块|章|节)(下|里|中|底下)的?(各|所有|全部|每一?)(条|项)"
ASKS_CONTENTS = re.compile(r"哪些|哪几|几条|几项|几点(?![钟半前到])|几块|几部分|几个方面|多少条|多少项|(几|多少)个(二级|三级)?指标|主要内容|什么内容|"
                           rf"(讲|说|写|安排|部署|规定|提|列|干|做)了?些?(啥|什么)|都是(啥|什么)|有啥|打算|概括|总结|措施有|{_LIST_IT}")
# (an assessment's items are its 指标: "下面有几个二级指标?")
COUNTS = re.compile(r"几条|几项|几点(?![钟半前到])|多少条|多少项|几个方面|几个部分|几部分|几块|几大块|(几|多少)个(二级|三级)?指标")
# the items listed ("下面挂了哪几条?"): a section's contents even when its leads are asked too
LISTS_ITEMS = re.compile(rf"{COUNTS.pattern}|哪几[条项点]|哪些(条|项|任务|事项|措施|工作)|几点|{_LIST_IT}|"
                         r"(安排|部署|讲|写|列)了?些?(啥|什么)|(?<!部门)(?<!单位)(?<!机构)都有(啥|什么|哪些)(?!部门|单位|机构)")
NUMBERED = re.compile(r"第([一二三四五六七八九十\d]+)(部分|章|大项|大块|块|节)")
_TOP = re.compile(r"(?<![((一二三四五六七八九十])([一二三四五六七八九十]+)、")
_SUB = re.compile(r"[((]([一二三四五六七八九十]+)[))]")
_YEAR = re.compile(r"(20\d\d)年")
_PLAN = re.compile(r"打算|计划|安排|准备|要干|要做|思路|下一步|将要")
_DONE = re.compile(r"做了|干了|成效|成绩|完成了|取得|做法|情况")
# Words that say "a section" or "list it", not what it is about.
_SECTION_WORDS = re.compile("|".join(sorted((  # longest first: 工作安排 before 工作
    r"(方案|要点|报告|文件|清单|安排|台账|措施)里", r"(哪些|啥|什么)事(情|儿)?", "事情", "都", r"第[一二三四五六七八九十\d]+(部分|章|节|块)?",
    "最后", "最前", "开头", r"[一二三四五六七八九十]是", "那份", "这份", "这个小标题", "小标题", "标题", "底下", "下头",
    "挂了?", "排了?", "列了?", r"几点(?![钟半前到])", "包括", "包含", "分了?", "每条", r"(各|分别)?是谁", "落到谁头上", "单位",
    "那一段", "这一段", "那段", "这段", "一段", "那一大部分", "这一大部分", "大部分", "那一大块", "这一大块", "大块", "那部分", "这部分", "部分", "那一块", "这一块", "这块",
    "那块", "一块", "这一类", "那一类", "一类", "这一节", "章节", "这方面", "那方面", "方面",
    "下面", "下边", "里面", "里头", "下有", "主要", "措施", "任务", "工作", "内容", r"讲了?", r"说了?", r"写了?", "都是", "啥",
    "什么", "哪些", "哪几", "几条", "几项", "多少", "条", "项", "打算", "干", "做", "分别", "谁牵头", "牵头", "都谁", "分工表",
    "实施方案", "工作安排", "若干措施", "方案", "要点", "报告", "文件", "自己", "法治政府建设", r"\d{4}年度?",
    # the frame of a list asked for: "关于…的部分", "共几条", "各条要求是什么", "请列一下"
    "关于", "要求", "共", "各", r"列(一下|一列|出来?|举)", "请"), key=len, reverse=True)))
_PERIOD_WORDS = re.compile(r"[有的在了事些全年度县州市区旗盟们咱我]|一年|今年|明年|去年|上半年|下半年")
# The words people use for what headings call otherwise.
_HEADING_WORDS = (("问题", "不足"), ("短板", "不足"), ("打算", "安排"), ("计划", "安排"))


@dataclass(frozen=True)
class Match:
    section: Section
    how: str  # "number" | "heading" | "period"
    score: float


# "第四部分行政决策那块两条，各由谁牵头?": each item of a section asked for, where the section is
# named by its number or as a part (那块, 这一类), not one item's units ("那条…各乡镇")
EACH_ASKED = re.compile(r"各(自|条|项)?(由|是)?(谁|哪(个|家)(单位|部门)?)|分别(由|是)?(谁|哪(个|家))")
NAMES_A_PART = re.compile(rf"{NUMBERED.pattern}|(那|这)一?(大块|块|类|大部分|部分|节)")


def asks_contents(question: str) -> bool:
    return bool(ASKS_CONTENTS.search(question))


def asks_each_of_part(question: str) -> bool:
    return bool(EACH_ASKED.search(question) and NAMES_A_PART.search(question))


def find(question: str, sections: list[Section], coverage, doc_ids: tuple[str, ...],
         localities: tuple[str, ...] = ()) -> Match | None:
    """The section of one of `doc_ids` the question names, or None.

    `coverage(topic, text)` is the evidence measure (share of the topic's weight in the text)."""
    from index.localities import locality_variants

    q = normalize(question)
    for loc in localities:
        for variant in locality_variants(loc):
            q = q.replace(normalize(variant), " ")
    candidates = [s for s in sections if s.doc_id in doc_ids]
    numbered = _by_number(q, candidates, doc_ids)
    if numbered:  # "第一部分最后一块讲化解矛盾纠纷": a heading's words may name a part of it
        return _part_named(q, numbered, candidates, coverage, doc_ids)
    return (_by_members(q, candidates, coverage, doc_ids) or _by_quote(question, candidates, doc_ids)
            or _within_period(q, candidates, coverage, doc_ids)
            or _by_heading(q, candidates, coverage, doc_ids) or _by_period(q, candidates, doc_ids))


# "政务公开、审计、统计那几项所在的那一部分": the section named by the items it holds
_MEMBERS = re.compile(r"(?P<named>[^,，?？]{2,60}?)(那|这)?(几|一|两)?(项|条|块)?所在的?(那|这)?一?(部分|块|大块|章|节|大项)")


def _by_members(q: str, candidates: list[Section], coverage, doc_ids) -> Match | None:
    m = _MEMBERS.search(q)
    if not m:
        return None
    phrases = [p for p in re.split(r"[、和及与]|以及", m.group("named")) if len(re.sub(r"\W", "", p)) >= 2]
    for doc in doc_ids:
        sections = [s for s in candidates if s.doc_id == doc and len(s.items) > 1]
        items = list(dict.fromkeys(i for s in sections for i in s.items))
        if not items or not phrases:
            continue
        found = [max(items, key=lambda i: coverage(p, i.text) or 0.0) for p in phrases]
        if any((coverage(p, i.text) or 0.0) < 0.5 for p, i in zip(phrases, found)):
            continue  # a named item the document does not hold
        holding = [s for s in sections if all(i in s.items for i in found)]
        if holding:
            return Match(max(holding, key=lambda s: len(s.path)), "heading", 1.0)
    return None


def _part_named(q: str, numbered: Match, candidates: list[Section], coverage, doc_ids) -> Match:
    """The part of a numbered section whose heading the question's words say, when they say it
    better than the numbered section's own heading ("第八部分权力制约监督那块" restates 八's)."""
    path = numbered.section.path
    inner = _by_heading(q, [s for s in candidates if s.path[:len(path)] == path and len(s.path) > len(path)],
                        coverage, doc_ids)
    if not inner:
        return numbered
    # the document named by its title's words ("那份重点任务第五部分执法这块") does not name a part
    topic = _without_words_of(_heading_topic(q), normalize(numbered.section.items[0].title))
    if len(re.sub(r"\W", "", topic)) < 2:
        return numbered
    inner = _by_heading(topic, [s for s in candidates if s.path[:len(path)] == path and len(s.path) > len(path)],
                        coverage, doc_ids)
    if not inner:
        return numbered
    own = coverage(topic, numbered.section.title) or 0.0
    return Match(inner.section, "number", 1.0) if (coverage(topic, inner.section.title) or 0.0) > own + 0.2 else numbered


def _topic_in(topic: str, section: Section) -> str:
    """The topic as it may name a part of the section's document: the words the document's title
    also has ("菀溪深化年方案…执法规范那一段") name the document, not the part; kept when nothing
    else is left."""
    rest = _without_words_of(topic, normalize(section.items[0].title)) if section.items else topic
    return rest if len(re.sub(r"\W", "", rest)) >= 2 else topic


def _without_words_of(topic: str, title: str) -> str:
    """`topic` without every stretch of two or more characters that the title also has."""
    out, k = [], 0
    while k < len(topic):
        n = next((n for n in range(len(topic) - k, 1, -1) if topic[k:k + n] in title), 0)
        out.append(" " if n else topic[k])
        k += n or 1
    return "".join(out)


def names_number(question: str) -> bool:
    """Does the question name a section by its number (第四部分, 三、, (二))?"""
    q = normalize(question)
    return bool(NUMBERED.search(q) or _TOP.search(q) or _SUB.search(q))


def _by_quote(question: str, candidates: list[Section], doc_ids) -> Match | None:
    """A heading the asker quotes (“深化放管服改革”这个小标题): the section whose title holds it.
    Read from the question as typed (normalize drops the quotation marks)."""
    quoted = [normalize(p) for p in re.findall(r"[“\"「]([^”\"」]{3,40})[”\"」]", question)]
    for doc in doc_ids:
        found = [s for s in candidates if s.doc_id == doc and len(s.items) > 1
                 and any(p in normalize(re.sub(r"[“”\"]", "", s.title)) for p in quoted)]
        if found:
            return Match(min(found, key=lambda s: len(s.path)), "heading", 1.0)
    return None


def _by_number(q: str, candidates: list[Section], doc_ids) -> Match | None:
    wanted: list[str] = []
    m = NUMBERED.search(q)
    if m:
        n = m.group(1)
        wanted.append((int_to_cn(int(n)) if n.isdigit() else n) + "、")
    wanted += [t + "、" for t in _TOP.findall(q)]
    wanted += [f"({s})" for s in _SUB.findall(q)]
    if not wanted:
        return None
    # The deepest number written is the section; any higher one must be among its parents.
    for doc in doc_ids:  # the best-ranked document first
        found = [s for s in candidates if s.doc_id == doc and s.marker == wanted[-1]
                 and all(any(_marker_of(p) == w for p in s.path) for w in wanted[:-1])]
        if found:
            best = min(found, key=lambda s: len(s.path))
            return Match(best, "number", 1.0)
    return None


def _by_period(q: str, candidates: list[Section], doc_ids) -> Match | None:
    years = _YEAR.findall(q)
    if not years or not (_PLAN.search(q) or _DONE.search(q)):
        return None
    # About the period as a whole ("2022年有啥打算?"), not about one thing done in it.
    rest = _PERIOD_WORDS.sub("", _DONE.sub("", _PLAN.sub("", _SECTION_WORDS.sub("", q))))
    if len(re.findall(r"[\u4e00-\u9fff]", rest)) > 3:
        return None
    for doc in doc_ids:
        found = [s for s in candidates if s.doc_id == doc and all(f"{y}年" in s.title for y in years)
                 and len(s.path) == 1]
        if _PLAN.search(q):
            plans = [s for s in found if re.search(r"安排|计划|打算|思路|重点|要点", s.title)]
            found = plans or found
        if len(found) == 1:
            return Match(found[0], "period", 1.0)
    return None


def _within_period(q: str, candidates: list[Section], coverage, doc_ids) -> Match | None:
    """"伊犁2022年行政复议体制改革打算怎么推?": of a report's plans for the year named, the part
    whose heading says what is asked (not a point of what was done that year with the same words)."""
    years = _YEAR.findall(q)
    if not years or not _PLAN.search(q):
        return None
    for doc in doc_ids:
        plans = [s for s in candidates if s.doc_id == doc and len(s.path) == 1
                 and all(f"{y}年" in s.title for y in years) and re.search(r"安排|计划|打算|思路|重点|要点", s.title)]
        if len(plans) != 1:
            continue
        path = plans[0].path
        inner = _by_heading(q, [s for s in candidates if s.path[:1] == path and len(s.path) > 1], coverage, doc_ids)
        if inner and len(inner.section.items) > 1:
            return Match(inner.section, "period", inner.score)
    return None


_A_PART = re.compile(r"部分|大块|那块|这块|板块|方面|章|节|[那这一]段")


def _heading_topic(q: str) -> str:
    """What the question says a heading is about: its words minus those that say "a section"."""
    topic = q
    for asked, written in _HEADING_WORDS:
        topic = topic.replace(asked, written)
    return _SECTION_WORDS.sub(" ", topic)


def _by_heading(q: str, candidates: list[Section], coverage, doc_ids) -> Match | None:
    topic = _heading_topic(q)
    if len(re.sub(r"\W", "", topic)) < 2:
        return None
    scored = []
    for s in candidates:
        if not s.title:
            continue
        said = _topic_in(topic, s)
        cover = coverage(said, s.title)  # how much of the question the heading says
        back = coverage(s.title, said)  # how much of the heading the question says
        if cover is None or back is None:
            continue
        rank = doc_ids.index(s.doc_id)
        scored.append((cover + 0.5 * back - 0.05 * rank, cover, back, s))
    if not scored:
        return None
    score, cover, back, best = max(scored, key=lambda t: (t[0], len(t[3].items)))
    # the question names the heading (most of its words are the heading's, and it says much of
    # the heading), or all its words are in a long heading it names a part of ("讲行政决策制度的那一
    # 大块" of "四、健全行政决策制度体系,不断提升行政决策公信力和执行力")
    if (cover < 0.6 or back < 0.3 or cover + back < 1.1) and (cover < 0.95 or back < 0.12):
        return None
    whole = [t for t in scored if t[1] >= 0.95]
    if _A_PART.search(q) and cover >= 0.95 and whole:
        # "执法那部分": of the headings holding every word asked, the part with the most items
        # (三、严格规范公正文明执法), not an item whose own title has the word (加强行政执法监督)
        score, cover, back, best = max(whole, key=lambda t: (len(t[3].items), t[0]))
    return Match(best, "heading", score)


def _marker_of(heading: str) -> str:
    return Section("", (heading,), ()).marker


def section_number(section: Section) -> str:
    """The section's numbers from the top, as printed: '七、(二十一)'."""
    return "".join(_marker_of(p) for p in section.path)


