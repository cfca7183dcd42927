"""Which unit a question names, and whether it asks that unit's tasks or its part in one task.

"点到市财政局的有哪几条?", "我是县司法局的,…派给我们的活有哪些", "县统计局是不是就牵头那个双随机的
活?还有别的吗?" ask a unit's tasks (intent unit_tasks, the unit set); "…那条,县发改委是牵头还是
配合?" asks its part in one task (the unit set, the intent a role). `read_unit` refines the reading
assistant.understand has made of the rest of the question.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from typing import TYPE_CHECKING

from assistant.fields import ASKS_POINTS, ITEM_CITED, cited_marker, cited_number
from assistant.intents import LIST_ASK, SELF_INTRO, TASK_WORDS, detect_intent
from assistant.topic import LEAD_WORDS
from assistant.unit_lists import ONLY_PART

if TYPE_CHECKING:
    from assistant.understand import Query

_ONE_ITEM = re.compile(r"(那|这|该)(条|项|个任务|件事)")
SELF_INTRO_RE = re.compile(SELF_INTRO)
# "棠川县农业农村局在分工表里有没有活?那项是谁挑头": whether a unit has tasks, asked before "那项" points
# back at the task found
_ASKS_HAS_TASKS = re.compile(r"(有没有|有无|有)(活|任务|事|工作|我们)|(哪些|哪几|几)(条|项|件)?(活|任务|事|工作)?|点(到|了)")
_HAS_TASKS = re.compile(r"(有没有|有无)(活|任务|事|工作)")
_SELF = re.compile(rf"(我们|我|本|咱们?)(局|单位|部门|委|办)|(我们|咱们)[\u4e00-\u9fff]{{0,8}}(局|办|部|委|科|股|所|队|中心)|{SELF_INTRO}|which tasks|what tasks", re.I)


def read_unit(query: Query, known_units) -> Query:
    """The query with the unit it asks about, and unit_tasks where it asks that unit's tasks."""
    if query.intent in ("unit_tasks", "lead", "responsible", "other", "summary", "number") and known_units:
        unit = named_unit(query.text, known_units, query.localities)
        one = _ONE_ITEM.search(query.text)
        if (unit and query.intent in ("lead", "responsible", "unit_tasks") and one and unit in query.text[:one.start()]
                and (_ASKS_ITEMS.search(query.text[:one.start()]) or _HAS_TASKS.search(query.text[:one.start()]))):
            # "哪项写了我们县财政局?那项谁挑头", "县农业农村局有没有活?那项是谁挑头": the unit's items
            # asked first, then who leads "that one" of them, which the list of its items says
            query = replace(query, unit=unit, intent="unit_tasks")
        elif unit and _ASKS_ITEMS.search(query.text) and BOTH_UNITS.search(query.text):
            # "城管局和交通局都被点名的是哪几条?各是谁牵头?": the items of two units together
            query = replace(query, unit=unit, intent="unit_tasks")
        elif unit and _ASKS_ITEMS.search(query.text) and not ASKS_UNITS.search(query.text):
            # "点到市财政局的有哪几条?", "市司法局的名字出现在哪些任务里?", "挂了几个牵头?": a unit
            # named and the items asked for, not the units, whatever verb joins them
            query = replace(query, unit=unit, intent="unit_tasks")
        elif unit and _A_PART.search(query.text) and _HAS_IT.search(query.text):
            # "第九部分讲科技保障，这部分各条里有县发改委吗？是挑头还是…": the unit's items in that part
            query = replace(query, unit=unit, intent="unit_tasks")
        elif unit and _ASKS_ELSE.search(query.text):
            # "县统计局是不是就牵头那个双随机的活?还有别的吗?": the unit's tasks, the one named among them
            query = replace(query, unit=unit, intent="unit_tasks")
        elif unit and _NAMES_THE_UNIT.search(query.text) and not _ONE_ITEM.search(query.text):
            # "…清单有没有写到县检察院?是什么身份": whether a document names the unit anywhere, and in
            # what part: the unit's items
            query = replace(query, unit=unit, intent="unit_tasks")
        elif unit and _ROLE_HOLDS.search(query.text):
            # "责任单位包含各镇、街道办的是哪些?": the items whose unit column holds the unit
            query = replace(query, unit=unit, intent="unit_tasks")
        elif unit and asks_as_the_unit(query.text, unit, known_units, query.localities):
            # "檀峰市国资委想确认下，…有没有点到我们，是主办还是协办": the asker's unit, then what
            # the document asks of "us", however the two are joined
            query = replace(query, unit=unit, intent="unit_tasks")
        elif (query.intent == "unit_tasks" and (one := _ONE_ITEM.search(query.text) or ITEM_CITED.search(query.text))
              and (not SELF_INTRO_RE.search(query.text) or (unit and ASKS_ROLE.search(query.text[one.end():])))
              and not (unit and _ASKS_HAS_TASKS.search(query.text[:one.start()]))):
            # "…兑现那条,配合的有哪些?" is about one item's units, whoever issued the document;
            # "我们是县司法局的,…那条,是不是算我们牵头": one item, and the asker's part in it
            # (a unit named and its part asked after the item, "…那条,我们局是什么身份": that unit's role)
            role_asked = SELF_INTRO_RE.search(query.text) or (unit and ASKS_ROLE.search(query.text[one.end():]))
            intent = detect_intent(query.text, skip=("unit_tasks",))
            query = replace(query, intent="responsible" if intent == "other" and role_asked else intent,
                            unit=unit if role_asked else query.unit)
        elif unit and query.intent == "unit_tasks":
            query = replace(query, unit=unit)
        elif query.intent == "unit_tasks" and not _SELF.search(query.text):
            # "…配合的有哪些?" names no unit: it asks who takes part, not what a unit does
            query = replace(query, intent=detect_intent(query.text, skip=("unit_tasks",)))
        elif (unit and SELF_INTRO_RE.search(query.text) and _ASKS_TASK_LIST.search(query.text)
              and not ASKS_UNITS.search(query.text)):
            # "我是市委编办的,…派给我们的活有哪些": the asker says who they are and asks for a list of
            # tasks, in whatever words join the two (before "是牵头还是配合?", which then asks the
            # role in each of them, not in one item)
            query = replace(query, unit=unit, intent="unit_tasks")
        elif unit and query.intent in ("lead", "responsible", "other") and ASKS_ROLE.search(query.text):
            # "…那条,县发改委是牵头还是配合?": one item's units, and the named unit's part in it
            query = replace(query, unit=unit, intent="responsible" if query.intent == "other" else query.intent)
        elif (unit and query.intent in ("other", "summary") and not ASKS_UNITS.search(query.text)
              and re.search(rf"({LEAD_WORDS}|负责|参与|配合)(的|了)", query.text)):
            query = replace(query, unit=unit, intent="unit_tasks")
        elif unit and re.search(rf"({LEAD_WORDS}|负责|参与|配合|涉及).{{0,16}}((一共|总共|共)?(几|多少)[项条件]|条目数|项数|条数)", query.text):
            # "县发改委牵头的一共几项?" counts what a unit does
            query = replace(query, unit=unit, intent="unit_tasks")
        elif unit and re.search(r"(?<!拿来)(?<!用来)(?<!拿去)(要|得|需要)?(干|做|抓|承担|摊上|摊到|分到|分了|挂了|挂着|领了|揽了)了?"
                                r"(哪些|什么|啥)(活|事|工作|任务)?", query.text):
            # "各司法所要干哪些活?", "县委办摊上了啥?", "市场监管局在那份里都挂了啥?"
            query = replace(query, unit=unit, intent="unit_tasks")
        elif (unit and not ASKS_UNITS.search(query.text)
              and re.search(r"(哪些|哪几[项条件个]?|几项|几条|多少项|多少条)[^?？,，]{0,10}?(要|需要|得|由|让|交给|派给|归)"
                            r"[^?？,，]{0,12}?(做|干|办|落实|负责|承担|完成|执行|参与|配合)", query.text)):
            # "哪些任务要我们乡镇做?", "有哪些要乡镇落实?": the items asked, then who does them
            query = replace(query, unit=unit, intent="unit_tasks")
        elif unit and re.search(r"(还|另外|别的[^?？]{0,6})有没有(活|任务|事|工作)|还有(活|任务|事)(吗|么|没有?)", query.text):
            # "…市科工信局在别的条目里还有没有活?": what else the unit has
            query = replace(query, unit=unit, intent="unit_tasks")
        elif (unit and query.intent in ("lead", "responsible", "other") and not ASKS_UNITS.search(query.text)
              and (re.search(rf"(单位|部门)的{TASK_WORDS}(有|是|都有)?{LIST_ASK}", query.text)
                   or ONLY_SUPPORT.search(query.text) and re.search(rf"的(有|是|都有)?{LIST_ASK}", query.text))):
            # "县司法局只是当配合单位的任务有哪些?": a named unit's tasks in one role
            query = replace(query, unit=unit, intent="unit_tasks")
        elif unit and re.search(rf"({LEAD_WORDS}|负责|参与|配合)的{TASK_WORDS}", query.text) and ASKS_POINTS.search(query.text):
            # "县司法局挂牵头的指标,分值加起来多少?": the points of the unit's items, added up
            query = replace(query, unit=unit, intent="unit_tasks")
    return query


# the items a unit column holds a unit in: "责任单位包含各镇、街道办的是哪些?", "配合单位里有县财政局的有哪几条?"
_ROLE_HOLDS = re.compile(r"(牵头|责任|配合|协办|参加|参与)(单位|部门)(一栏|栏)?(里|中)?(包含|包括|含|含有|有|写了|写有|列了|列有)"
                         r"[^?？,，]{2,20}?的(任务|条目|事项|条|项)?(是|有)(哪些|哪几)")
# a part of a document named (第九部分, 这部分), and whether the unit is in it ("…各条里有县发改委吗")
_A_PART = re.compile(r"第[一二三四五六七八九十\d]+(部分|章|节|大项|板块)|(这|那)一?部分")
_HAS_IT = re.compile(r"(各条|几条|哪几条|条目)(里|中)[^,，?？]{0,4}有(没有)?[^,，?？]{2,16}?(吗|么|没有?)")
# a document asked whether it names a unit at all: "有没有写到县检察院", "提到我们局没有"
# (the unit alone after the verb: "有没有写市审计局今年审计的是哪5个部门" asks about a list, not the unit)
_NAMES_THE_UNIT = re.compile(r"有没有(写到|提到|点到|列到|写进|列进|写|列|点|提)了?(我们|咱们?)?[^,，?？的]{2,16}?([?？,，]|$|吗)|"
                             r"(写到|提到|点到|列到|写进|列进)了?[^,，?？的]{2,16}?(没有?|了吗|吗)")
# the asker speaking of their own unit after naming it ("…点到我们没有", "跟我们有关的", "要我们牵头")
FIRST_PERSON = re.compile(r"我们|咱们|咱|我(?![国省市县区州])|本(单位|局|部门|委|办)")
_FIRST_CLAUSE = re.compile(r"^[^,，:：。?？!！;；]{2,30}")
# the units of one item asked ("配合单位有哪些", "由谁配合"), not the asker's own tasks
_ASKS_ITEM_UNITS = re.compile(r"(单位|部门|科室)(有|是|都有|都是)?(哪些|哪几|谁)|由谁|谁(牵头|负责|配合|来)")


def asks_as_the_unit(text: str, unit: str, known_units, localities: tuple[str, ...]) -> bool:
    """The question opens with the asker's unit (its first clause names it: "漱泉县委编办这边,",
    "钧溪行政审批局的,") and then speaks of "us": what the document gives that unit to do."""
    first = _FIRST_CLAUSE.match(text)
    if not first or not FIRST_PERSON.search(text[first.end():]) or FIRST_PERSON.search(first.group(0)):
        return False  # "我们是…," openings are the self-introductions' own (above)
    rest = text[first.end():]
    if (ASKS_UNITS.search(rest) or _ASKS_ITEM_UNITS.search(rest) or _ONE_ITEM.search(rest)
            or cited_number(rest) is not None or cited_marker(rest)):  # "…若干措施第九条，我们是主办单位吗": one item
        return False
    return named_unit(first.group(0), known_units, localities) == unit


# a unit's items where it takes part without leading: "不挑头、只配合的有哪几条?", "仅作为配合单位的有哪些?"
ONLY_SUPPORT = re.compile(r"(不|没|没有|非)(挑头|牵头|主办|打头|领头)|" + ONLY_PART)


# "城管局和交通局都被点名的是哪几条?": a second unit named beside the first, the items of both asked
BOTH_UNITS = re.compile(r"[和与跟及、](?P<second>[^,，?？]{2,16}?)(都(被|有|在|出现|涉及|参与|点名|列|挂)|一起|共同(负责|牵头|承担|主办|推进|落实))|"
                        # "哪几条同时点到了城管局和交通局?": both named after 同时
                        r"同时(被)?(点到|提到|点名|涉及|出现|列|写|有)(了|到)?[^,，?？]{2,16}?[和与跟及、](?P<second_after>[^,，?？]{2,16}?)(的|[?？,，]|$)")


# a list of tasks asked: the task word, then which ones (…的活有哪些), or which ones, then the word
_ASKS_TASK_LIST = re.compile(rf"{TASK_WORDS}[^,，?？]{{0,4}}?(有|是)?(哪些|哪几|几项|几条|多少项|多少条)|"
                             rf"(哪些|哪几|什么|啥)[^,，?？]{{0,3}}?{TASK_WORDS}|"
                             # "…有我们的活吗?", "有没有咱们的任务?": whether there are any, and which
                             rf"有(没有)?(我们|咱们?|我)(单位|局|这边)?的?{TASK_WORDS}")


# the items asked for: which or how many tasks (哪几条, 哪些任务, 几个牵头, 多少项)
_ASKS_ITEMS = re.compile(r"(哪|几|多少)(些|几|一)?个?(条|项)|哪些(任务|事|活|工作|条目|地方)|"
                         # "分到了哪些要它挑头的活?": the tasks asked, a clause between
                         r"哪些(?:(?!单位|部门|机构|科室)[^?？，,]){1,8}的(任务|事|活|工作|条目)|(几|多少)个?(牵头|头|任务|事)|"
                         # "被点到几次?": how often a unit is named is how many items name it
                         r"(点到|提到|出现|点名|挂名|露面|涉及)[了过]?(几|多少)次|点了?(几|多少)次名|"
                         # "给我们派了啥活?": the tasks handed to a unit
                         r"(派|分派|分配|分|安排|布置|交办|交|下达|部署)[了给]*(我们|咱们?|我|它|他们)?(哪些|什么|啥)(活|事|工作|任务)|"
                         # "是挑头的多还是配合的多?": its items counted by its part in them
                         rf"({LEAD_WORDS}|负责|配合|参与|协办)的?(多|少)还是|"
                         # "牵头的和配合的比,哪种更多?": the same count, asked the other way
                         r"哪(种|类|样|个)(角色|身份)?(更|比较)?(多|少)")
# the units asked for: who, or which units (then a named unit is the one left out: "除了X还有谁")
ASKS_UNITS = re.compile(r"谁|哪(个|些|几个|几|家)?(单位|部门|科室|股室|机构)|哪(几)?家")

# a named unit's part in one item asked: 是牵头还是配合, 算牵头吗, 挂的是什么, 在这条里什么角色
ASKS_ROLE = re.compile(rf"({LEAD_WORDS})(单位)?还是|还是({LEAD_WORDS})|(是|算|当)({LEAD_WORDS})(单位)?(吗|么|不)|(是不是|是否)(也|还|就|要|只)?({LEAD_WORDS}|配合|协办|参与)|(什么|啥|哪种)(角色|身份)|"
                       # "是不是算我们牵头", "算不算咱们牵头": the asker's own part, checked
                       r"(是不是|算不算|是否|是)(算|由)?(我们|咱们?|我)(局|单位|这边)?(来)?(牵头|主办|挑头|打头)|"
                       r"挂的是|(是|算)(配合|责任单位|参与)(单位)?(吗|么)|负责还是|还是负责|"
                       # "县红十字会在第45项里有没有份", "要不要参与": whether the unit takes part at all
                       r"有没有份|有份(吗|没有?)|要不要(参与|配合|参加)|(在不在|有没有)(里面|其中|名单里)|(列|写|算|放)进去了?(吗|么|没有?)")
# the asker's unit's other tasks asked, at the end ("…还有别的吗?", "全篇还有它别的活吗?"); not
# other units ("还有别的单位吗?")
_ASKS_ELSE = re.compile(r"还(有|在)(没有)?(它|他|其)?的?(别的|其他|其它|别处)的?(活儿?|任务|事儿?|工作|项|条)?"
                        r"(吗|么|没有?|呢|不)?[?？]?$")


def named_unit(text: str, known_units, localities: tuple[str, ...] = ()) -> str:
    """The unit the question names: `known_units` is an assistant.unit_names.UnitNames (short
    forms, locality-aware) or a plain set of printed names."""
    text = unicodedata.normalize("NFKC", text)
    if hasattr(known_units, "find"):
        mention = known_units.find(text, localities)
        # (said after the county's name, "苕岙交通局", the form found is "县交通局": its level goes)
        owner = re.search(re.escape(mention.said[1:] if mention.said[0] in "县市区州旗" else mention.said)
                          + r"(?=(这|那)份)", text) if mention else None
        if owner:  # "苕岙交通局这份分解里执法大队要配合哪几项?": the issuer names the document
            other = known_units.find(text[:owner.start()] + text[owner.end():], localities)
            mention = other or mention
        return mention.name if mention else ""
    best = ""
    for unit in known_units:
        if len(unit) >= 3 and unit in text and len(unit) > len(best):
            best = unit
    return best
