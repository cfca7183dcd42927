"""Computations on dates, each answered from dates written in the items or on the documents:

- days between two dates of an item, or between a document's issue and a date it sets
  ("4月6日印发,…11月30日前报,中间给了多少天?"),
- months between two time limits ("A要8月底前报,B要10月底前公布,差几个月?"),
- days between two documents' issue dates ("乌县的方案和新密的工作安排,哪个先出的?差几天?"),
- the day a validity period ends ("有效期5年,哪天到期?"),
- the month a step due before a period ends falls in ("有效期不超过2年,届满前6个月评估": 第18个月).
Each returns a plan for route_compute's answer, or None when the question is not of its kind
or the items do not hold the dates.
"""
from __future__ import annotations

import re

from assistant import compute
from assistant.evidence import ASKS_ISSUE
from assistant.gates import OPERAND_MIN
from assistant.topic import operand_topic
from corpus.text import normalize, sentences
from corpus.types import TaskItem

_GAP = re.compile(r"隔了?(多长|多久|多少天|几天|几年|多少年)|中间[^?]{0,4}?(多少|几)天|过去了?(多少|几)天|(给|留)了?(多少|几)天|(印发|发布|下发|出台|落款|发文)(日期|时间)?(后|以后|之后)?[^?]{0,4}到[^?]{1,30}?(一共|总共|共计|共|有|是)?(多少|几)天|相隔|间隔|相距|(距离?|离)[^?？]{1,30}?(还有|还剩|剩|有|是)?(多少|几)天|(再)?过(了)?(几|多少)天|差(了)?(几|多少)天|(早|晚|提前|推迟)了?(多久|多长时间|多少天|几天)|"
                  # "…截止日是施行以后第几天?": the days after the first day, counted
                  r"(以后|之后|后)[^?？]{0,4}第(几|多少)天")

_EXPIRY = re.compile(r"(有效期|期满|到期|失效).{0,8}(哪天|何时|什么时候|哪一天|几号)|(哪天|何时|什么时候)(到期|期满|失效)")

_MONTH_GAP = re.compile(r"(差|隔|相差|相隔|间隔)了?[^?]{0,3}(几|多少)个?月")
_MONTH_LIMIT = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(?:底|末|\d{1,2}日)?(?:之|以)?前")


def month_gap(a, query, items):
    """"A要8月底前报,B要10月底前公布,这两个期限差几个月?": each thing's time limit, from the
    sentence of the document that best says it, and the months between (a year not written is
    the one written before it in the same document)."""
    if not _MONTH_GAP.search(query.original) or len(query.localities) > 1 or not items:
        return None
    parts = [operand_topic(p, query) for p in re.split(r"[,;]", query.original) if not _MONTH_GAP.search(p)]
    parts = [p for p in parts if a.evidence.has_content(p)][:2]
    if len(parts) != 2:
        return None
    doc = [i for i in a.items if i.doc_id == items[0].doc_id]
    found = []
    for phrase in parts:
        scored = [(a.evidence.coverage(phrase, sent) or 0.0, item, sent, m)
                  for item in doc for sent in sentences(item.text) for m in _MONTH_LIMIT.finditer(sent)]
        if not scored:
            return None
        cover, item, sent, m = max(scored, key=lambda t: t[0])
        year = m.group(1) or year_of(item)
        if cover < OPERAND_MIN or not year:
            return None
        found.append((item, sent, (int(year), int(m.group(2)), m.group(0))))
    (first, s1, limit1), (second, s2, limit2) = found
    if limit1 == limit2:
        return None  # one limit found for both
    step = compute.months_between(limit1, limit2)
    others = [second] if second.item_id != first.item_id else []
    return first, f"相差{step.result}个月。计算:{step.working}", [step], list(dict.fromkeys([s1, s2])), others


def year_of(item: TaskItem) -> str:
    """The year of the document an item is in: its title's, else its date's; "" when neither says."""
    titled = re.search(r"(\d{4})年", item.title)
    if titled:
        return titled.group(1)
    dated = re.search(r"\d{4}", item.date or "")
    return dated.group(0) if dated else ""



# two dates of the document itself: its 落款 / 发文日期 against its page's 发布时间 (not an item's day)
_DOC_DATES = re.compile(r"(落款|发文|印发|成文|签发)(日期|时间|日子)?[^,，。?？]{0,3}(跟|和|与|同|比|到)[^,，。?？]{0,4}"
                        r"(网页|网站|网上|页面|门户)[^,，。?？]{0,2}(发布|公布|上网|挂网|公开)")


def gap(a, query, items):
    if not _GAP.search(query.original) or _DOC_DATES.search(query.original):
        return None
    described = _named_to_described(a, query)
    if described:
        return described
    # "7月10号那次和10月10号那次隔了多少天?": the days the asker names, as the item writes them
    named = [t for _, t in compute.month_days_in(re.sub(r"(\d{1,2})号", r"\1日", query.original))]
    for item in items:
        found = compute.dates_in(item.text)
        said = list({t: (d, t) for d, t in compute.month_days_in(item.text) if t in named}.values())
        if len(named) == 2 and len({t for _, t in said}) == 2:
            found = said[:2]
        own_date = _iso(item.date) if item.date else []
        others = [f for f in found if not own_date or f[0] != own_date[0][0]]
        if len(found) > 2 and len(others) >= 2:  # the notice's 落款 date is not one of the days asked about
            found = others
        extra = []
        if not found and ASKS_ISSUE.search(query.original) and item.date:
            # "4月6日印发,…11月30日前报,中间给了多少天?": a day of the document's own year, or a
            # month's end ("3月底前"), against the day the document was issued
            year = int(item.date[:4])
            found = (compute.month_days_in(item.text, year) or compute.month_ends_in(item.text, year)
                     or compute.month_ends_in(item.deadline or "", year))[:1]
            if found and not said and not _says_what_the_day_is(a, query, item, found[0][1]):
                # "…每季度末月25日前报进展,离印发多少天?": this item's day is for something else
                # (a day the asker names as the item writes it is the one, whatever words go with it)
                continue
        if not found:  # "每年3月1日前…4月1日前": days of one year, never against a dated document
            found = compute.month_days_in(item.text)
        elif len(found) == 1 and item.date:  # the other end is the document's own date
            own = compute.dates_in(item.date) or _iso(item.date)
            # the date as the notice prints it, or as a portal page's 发文日期 field does (2023-08-14)
            holder = (_item_stating(a, item, own[0][1]) or _item_stating(a, item, item.date)) if own else None
            if own:  # (with no item printing it, the item's own citation shows the document's date)
                found, extra = found + own, [holder] if holder and holder is not item else []
        if (len(found) >= 2 and not named and ASKS_ISSUE.search(query.original) and own_date
                and own_date[0][0] not in {f[0] for f in found[:2]}):
            continue  # "落款日期跟网页发布日期差几天?": the document's own date is one end, or no gap of this item
        if len(named) == 1 and found and named[0] not in {_month_day(f[0]) for f in found}:
            # "措施10月1号开始施行,…截止日是施行以后第几天?": the one day the asker names, as
            # another item of the document states it, against this item's own day
            found, extra = _from_the_day_named(a, item, named[0], [f for f in found if not own_date or f[0] != own_date[0][0]])
        if len(found) >= 2 and len(named) == 2 and {_month_day(f[0]) for f in found[:2]} != set(named):
            # the asker named the two days: those are computed on, or nothing ("鹤汀要点2月27号印发,
            # …6月30日前公布,中间给了多少天?": the notice's date and the item's day, not 12月31日)
            found, extra = _the_days_named(a, item, named, said)
        if len(found) >= 2:
            found = sorted(found[:2], key=lambda f: f[0])
            step = compute.days_between(found[0], found[1])
            both = [s for s in sentences(item.text) if found[0][1] in s or found[1][1] in s][:2]
            where = ["".join(both) if "".join(both) in item.text else "…".join(both)] if both else []
            where += [s for h in extra for s in sentences(h.text) if found[0][1] in s or found[1][1] in s][:1]
            return item, f"相隔{step.result}天。计算:{step.working}", [step], where, extra
    return _two_days_said(a, query)


def _named_to_described(a, query):
    """"棠川分工表5月14号印发,离第一次报半年进展的截止日还有几天?": one day the asker names (the
    place's document's date, or a day one of its items writes) and one the asker describes, read
    from the sentence of the place's documents that best covers the description (a notice's, which
    ranks low among the tasks), and of "于7月10日和12月10日前,分别将半年和全年…" the one it names."""
    q = re.sub(r"(\d{1,2})号", r"\1日", query.original)
    named = [_month_day(d) for d, _ in compute.dates_in(q) + compute.month_days_in(q)]
    if len(query.localities) != 1 or len(named) != 1:
        return None
    place = query.localities[0]
    day = _day_written(a, place, named[0])
    if not day:
        return None
    holder, said = day
    # the clause naming the day goes; of the one asking the gap, what it says the other day is
    # ("离第一次报半年进展的截止日还有几天")
    clauses = [_GAP_WORDS.sub("", c) for c in re.split(r"[,，;；?？。]", q)
               if c.strip() and not compute.month_days_in(c) and not compute.dates_in(c)]
    described = re.sub(ASKS_ISSUE.pattern, " ", "".join(clauses))
    topic = operand_topic(described, query)
    if not a.evidence.has_content(topic):
        return None
    # (which of two days is told by the asker's words as said: 全年 is no topic word, but tells it)
    found = _best_dated(a, place, topic, lambda s, days: _the_day(days, s, described), TWO_DAYS_MIN)
    if not found or found[2][0] == said[0]:
        return None
    item, sentence, other = found
    step = compute.days_between(said, other)
    quotes = [sentence] + ([said[1]] if holder is not item else [])
    return item, f"{other[1]};相隔{step.result}天。计算:{step.working}", [step], quotes, [holder] if holder is not item else []


_GAP_WORDS = re.compile(r"^(离|距离?|到)|(中间|一共|总共|算上闰年)?(还有|还剩|剩|有|是|相隔|间隔|相距|隔了?|差了?)?"
                        r"(多少|几)天.*$|(中间|一共|总共)?(隔了?|过了?)(多长时间|多久)")


def _day_written(a, place: str, month_day: str):
    """(the item, (date, as written)) of a day the asker names without its year: written in full by
    an item of the place (its notice's 落款), else the date of the place's one document."""
    for item in a.items:
        if item.locality == place:
            for d in compute.dates_in(item.text):
                if _month_day(d[0]) == month_day:
                    return item, d
    dated = {i.doc_id: i for i in a.items if i.locality == place and i.date}
    if len(dated) == 1:
        item = next(iter(dated.values()))
        own = compute.dates_in(item.date) or _iso(item.date)
        if own and _month_day(own[0][0]) == month_day:
            return item, own[0]
    return None


# a sentence setting two days is rare: the bar for the words that find it is lower than for a
# figure among many
TWO_DAYS_MIN = 0.8 * OPERAND_MIN


def _two_days_said(a, query):
    """"半年进展和全年进展各有一个报送截止日,这两个日子差多少天?": the sentence of the place's
    documents that best covers the question and sets two full dates (a notice's, which ranks low
    among the tasks)."""
    if len(query.localities) != 1:
        return None
    topic = operand_topic(query.original[:_GAP.search(query.original).start()], query)
    found = _best_dated(a, query.localities[0], topic, _two_days, TWO_DAYS_MIN)
    if not found:
        return None
    item, sentence, days = found
    step = compute.days_between(*days)
    return item, f"相隔{step.result}天。计算:{step.working}", [step], [sentence]


# "半年进展报送截止日,岚峪和鹤汀谁早?早几天?": the same day asked of two places
_WHICH_EARLIER = re.compile(r"(谁|哪个|哪家|哪边|哪里)(更)?(早|晚|先|后|靠前|靠后)|(早|晚|差|相差|隔)了?(几|多少)天")


def places_gap(a, query, items):
    """The day each of two places sets for the same thing, and the days between them: each
    place's day is the full date in its sentence that best covers the question's topic."""
    q = query.original
    if len(query.localities) != 2 or not _WHICH_EARLIER.search(q) or _WHICH_FIRST.search(q):
        return None
    topic = operand_topic(re.split(r"(谁|哪个|哪家|哪边|哪里)(更)?(早|晚|先|后)", q)[0], query)
    if not topic:
        return None
    days = []
    for loc in query.localities:
        found = _best_dated(a, loc, topic, lambda s, found: _the_day(found, s, topic), OPERAND_MIN)
        if not found:
            return None
        days.append(found)
    (i1, s1, d1), (i2, s2, d2) = sorted(days, key=lambda d: d[2][0])
    if d1[0] == d2[0]:
        return None
    step = compute.days_between(d1, d2)
    text = f"{i1.locality}早{step.result}天。{i1.locality}{d1[1]},{i2.locality}{d2[1]}。计算:{step.working}"
    return i1, text, [step], [s1, s2], [i2]


def _two_days(sentence: str, days: list):
    return days if len(days) == 2 and days[0][0] != days[1][0] else None


def _best_dated(a, place: str, topic: str, day_of, bar: float):
    """(item, sentence, what `day_of(sentence, its full dates)` reads) for the sentence of `place`'s
    documents that best covers `topic`, at least `bar`; every sentence is read, since a notice's,
    where such days are set, ranks low among the tasks."""
    said = [(a.evidence.coverage(topic, s) or 0.0, item, s, day)
            for item in a.items if item.locality == place
            for s in sentences(item.text) for day in [day_of(s, compute.dates_in(s))] if day]
    said = [d for d in said if d[0] >= bar]
    return max(said, key=lambda d: d[0])[1:] if said else None


def _the_day(days: list, sentence: str, topic: str):
    """The day a sentence sets: its only one, or of "于7月5日和12月5日前,将半年和全年工作进展报送"
    the one going with the thing the topic names (the k-th day with the k-th thing listed after)."""
    if len(days) == 1:
        return days[0]
    if len(days) != 2:
        return None
    tail = sentence[sentence.find(days[-1][1]) + len(days[-1][1]):]
    listed = re.search(r"([\u4e00-\u9fff]{2,6})(?:和|、|及|与)([\u4e00-\u9fff]{2,6})", tail)
    if not listed:
        return None
    # the words that tell the two apart: the end of the first, the start of the second (半年 / 全年)
    named = [listed.group(1)[-2:] in topic, listed.group(2)[:2] in topic]
    return days[named.index(True)] if named.count(True) == 1 else None


# "乌县的方案和新密的工作安排,哪个先出的?差几天?": the two documents' dates
_DOC_WORDS = re.compile(r"文件|方案|安排|要点|报告|清单|措施|分工表|通知|材料")
# asked of the documents' issue, not of a task's deadline ("哪个年度报告先公布" is a task's)
_WHICH_FIRST = re.compile(r"(先|早|后|晚)(出|发|印发|发布|出台|制定)|(出|发|印发|发布|出台|制定)(得)?(早|晚|先|后)|"
                          r"(印发|发布|出台|发文)(时间|日期)?.{0,6}(差|隔)")


_PUBLISHED = re.compile(r"发布(?:时间|日期)[:：]\s*(\d{4})-(\d{1,2})-(\d{1,2})")


def page_gap(a, query, items):
    """"落款日期跟网站发布时间差几天?": the document's date against the 发布时间 its portal page
    shows (kept by corpus.clean), both in the document's own items."""
    if not _GAP.search(query.original) or not _DOC_DATES.search(query.original) or not items:
        return None
    item = items[0]
    own = (compute.dates_in(item.date) or _iso(item.date)) if item.date else []
    page = next(((i, m) for i in a.items if i.doc_id == item.doc_id for m in [_PUBLISHED.search(i.text)] if m), None)
    if not own or not page:
        return None
    holder, m = page
    published = compute.dates_in(f"{int(m.group(1))}年{int(m.group(2))}月{int(m.group(3))}日")
    if not published:
        return None
    day = m.group(0).split("：")[-1].split(":")[-1].strip()
    step = compute.days_between(own[0], (published[0][0], day))
    signed = _item_stating(a, item, own[0][1])
    others = [signed] if signed and signed is not holder else []
    quotes = [m.group(0)] + ([own[0][1]] if others else [])
    issued = f"{item.issuer}印发的" if item.issuer else ""
    text = (f"相隔{step.result}天:{issued}《{item.title}》落款日期{own[0][1]},网页发布时间{day}。"
            f"计算:{step.working}")
    return holder, text, [step], quotes, others


def doc_gap(a, query, items):
    q = query.original
    if len(query.localities) != 2 or not _WHICH_FIRST.search(q) or not _DOC_WORDS.search(q):
        return None
    docs = []
    for loc in query.localities:  # each place's document; of several, the one its title says
        own = [d for d in a.searcher.maps.first_of_doc.values() if d.locality == loc]
        doc = max(own, key=lambda d: a.evidence.coverage(q, d.title) or 0.0, default=None)
        when = (compute.dates_in(doc.date) or _iso(doc.date)) if doc and doc.date else []
        if not when:
            return None
        docs.append((doc, when[0]))
    (d1, t1), (d2, t2) = sorted(docs, key=lambda d: d[1][0])
    step = compute.days_between(t1, t2)
    text = (f"{d1.locality}的《{d1.title}》在先({t1[1]}),{d2.locality}的《{d2.title}》在后({t2[1]}),"
            f"相隔{step.result}天。计算:{step.working}")
    return d1, text, [step], [], [d2]  # the dates are the documents' own (their citations show them)


def _small_int(n: str) -> int:
    """"6" or "六"/"两" (the numbers a period is written in) as an int."""
    return int(n) if n.isdigit() else 2 if n == "两" else "一二三四五六七八九十".index(n) + 1


def expiry(a, query, items):
    if not _EXPIRY.search(query.original):
        return None
    for item in items:
        for s in sentences(item.text):
            years = re.search(r"有效期(为)?(\d+|[一二两三四五六七八九十])年", s)
            found = compute.dates_in(s)
            if years and found:
                n = _small_int(years.group(2))
                step = compute.add_years(found[0], n, years.group(0))
                return item, f"到{step.result}。计算:{step.working}(含首日,满{n}年的前一天)", [step], [s]
    return None


# "…实施后多少个月就得评估?", "出台后第几个月": a month counted from the start. Documents set a step
# by the end of a period ("有效期不超过2年,有效期届满前6个月由起草单位组织评估"), so it falls the
# period less that lead time after the start: 2年 = 24个月, 24 − 6 = 18
_MONTHS_AFTER = re.compile(r"(实施|施行|出台|印发|发布|公布|生效|制定|执行)[^,，?？]{0,2}?((后|以后|之后|起)[^,，?？]{0,8}?(第)?(多少|几)个?月"
                           r"|(满)?(多少|几)个?月(后|以后|之后))")
_PERIOD = re.compile(r"有效期[^，,；;。]{0,4}?(不超过|不得超过|为|是)?(?P<n>\d+|[一二两三四五六七八九十])年")
_BEFORE_END = re.compile(r"(届满|到期|期满|结束)(之|以)?前(?P<m>\d+|[一二两三四五六七八九十])个月")


def before_period_end(a, query, items):
    q = query.original
    if not _MONTHS_AFTER.search(q):
        return None
    for item in items[:1]:  # the item the question is about: a period elsewhere times something else
        for s in sentences(item.text):
            lead = _BEFORE_END.search(s)
            periods = [p for p in _PERIOD.finditer(s) if p.start() < lead.start()] if lead else []
            if not periods:
                continue
            # each period with the words that say what it is for ("标注“暂行”“试行”的有效期…"):
            # those the question names, or every one when it names none or asks each
            labelled = [(p, re.split(r"[，,；;]", s[:p.start()])[-1]) for p in periods]
            named = [(p, label) for p, label in labelled if any(w in q for w in re.findall(r"“([^”]{1,6})”", label))]
            chosen = named if named and not re.search(r"分别|各|一般的?和|和[^,，?？]{0,6}的", q) else labelled
            m = _small_int(lead.group("m"))
            steps, said = [], []
            for p, label in chosen:
                months = _small_int(p.group("n")) * 12
                years_text, lead_text = f"{p.group('n')}年", f"{lead.group('m')}个月"
                in_months = compute.Computed(str(months), (years_text,), f"{years_text} = {months}个月")
                step = compute.Computed(str(months - m), (in_months.result, lead_text),
                                        f"{months}个月 − {lead_text} = {months - m}个月")
                steps += [in_months, step]
                who = label.rstrip("的") or "有效期内"  # as the document says what the period is for
                working = f"{in_months.working},{step.working}"
                said.append(f"{who}(有效期{years_text}):第{step.result}个月" +
                            (f"({working})" if len(chosen) > 1 else f"。计算:{working}"))
            return item, ";".join(said), steps, [s]
    return None




def _says_what_the_day_is(a, query, item: TaskItem, written: str) -> bool:
    """The question says what the item's day is for, in words the sentence holding it has: its
    words (less days, the issue words and the asking) cover that sentence's (or say nothing)."""
    asked = query.original[:_GAP.search(query.original).start()]
    asked = re.sub(r"\d{1,2}月\d{1,2}[日号]|\d{1,2}月(上|中|下)旬|(" + ASKS_ISSUE.pattern + ")", " ", asked)
    topic = operand_topic(asked, query)
    if not a.evidence.has_content(topic):
        return True
    held = [s for s in sentences(item.text) if written in s] or [item.text]
    return max(a.evidence.coverage(topic, s) or 0.0 for s in held) >= DAY_SAID_MIN


# the question's words about a day must be found in part where the item sets it: less than for a
# figure among many (OPERAND_MIN), since people say the task in their own words ("全年情况要…报")
DAY_SAID_MIN = 0.3


def _month_day(day) -> str:
    return f"{day.month}月{day.day}日"


def _the_days_named(a, item: TaskItem, named: list[str], said: list) -> tuple[list, list]:
    """The two days the asker named, when one is the document's own date (stated in one of its
    items) and the item holds the other: ([both], [the item stating the date]); else ([], [])."""
    own = _iso(item.date) if item.date else []
    if not own or _month_day(own[0][0]) not in named or len(said) != 1 or said[0][1] == _month_day(own[0][0]):
        return [], []
    holder = _item_stating(a, item, own[0][1]) or _item_stating(a, item, item.date)
    if not holder:
        return [], []
    year = own[0][0].year
    day = said[0][0].replace(year=year)
    return [own[0], (day, said[0][1])], [holder]


def _from_the_day_named(a, item: TaskItem, named: str, days: list) -> tuple[list, list]:
    """([this item's day, the named day], [the item stating it]) when one item of the document
    writes the named day with its year; else ([], [])."""
    holder = _item_stating(a, item, named)
    if not holder or len(days) != 1:
        return [], []
    day = [d for d in compute.dates_in(holder.text) if _month_day(d[0]) == named][:1]
    return ([days[0], day[0]], [holder]) if day else ([], [])


def _iso(text: str):
    m = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    return compute.dates_in(f"{int(m.group(1))}年{int(m.group(2))}月{int(m.group(3))}日") if m else []


def _item_stating(a, item: TaskItem, value: str) -> TaskItem | None:
    return next((i for i in a.items if i.doc_id == item.doc_id and normalize(value) in normalize(i.text)), None)
