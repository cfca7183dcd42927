"""Arithmetic in code: the numbers stated in a sentence, with what they count, and the working.

A question may need a difference, a sum, a share, a ratio or the time between two dates. The
operands are numbers written in the documents (`numbers_in` reads them with their labels: "受理
85件" -> 85, 件, "受理"); the result is computed here, never by the model, and shown with its
working ("97件 − 85件 = 12件"). `Computed` records each result with its operands, so a check can
allow a number that is in no citation only when it is computed from numbers that are.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal

from corpus.text import normalize


@dataclass(frozen=True)
class Computed:
    result: str  # as shown, without its unit: "12", "36.4"
    operands: tuple[str, ...]  # as shown; each is in a cited item or is an earlier result
    working: str  # "97件 − 85件 = 12件"
    # operands the asker gave of their own case ("一个有60名执法人员的局"): in the question, in no citation
    given: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {"result": self.result, "operands": list(self.operands), "working": self.working,
                **({"given": list(self.given)} if self.given else {})}


@dataclass(frozen=True)
class Number:
    value: Decimal
    text: str  # as written: "95.6"
    unit: str  # "%", "件", "次", "" …
    label: str  # the words of its clause before it: "成功率"
    context: str  # its part of the sentence (after a ；), up to the end of its clause
    sentence: str


_UNITS = "个工作日|个百分点|万元|亿元|学时|小时|%|％|件|次|家|项|个|人|名|条|卷|户|元|天|日|年|支|场|批|类|所|期|份"
# "1.9万件": a count written in 万 or 亿 (not 万元 / 亿元, a unit of its own) is read at its value
_NUM = re.compile(rf"(\d+(?:\.\d+)?)\s*(?:(万|亿)(?!元))?\s*({_UNITS})?")
_SCALE = {"万": 10_000, "亿": 100_000_000}
_CLAUSE_BREAK = re.compile(r"[,\uff0c、;\uff1b:\uff1a。]")
_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")


def numbers_in(sentence: str) -> list[Number]:
    """Every number of a sentence (not years or dates) with its unit and label."""
    out = []
    for m in _NUM.finditer(sentence):
        text, scale, unit = m.group(1), m.group(2), (m.group(3) or "").replace("％", "%")
        if scale and not unit:  # "增长2万余" or a bare 万: no count this code can read
            continue
        after = sentence[m.end():m.end() + 1]
        if unit == "年" and len(text) == 4 or (after == "月" and not unit) or _in_date(sentence, m.start()) \
                or _in_doc_no(sentence, m.start()):
            continue
        before = sentence[:m.start()]
        label = _CLAUSE_BREAK.split(before)[-1]
        label = re.split(r"\d+(?:\.\d+)?[^\u4e00-\u9fff]*", label)[-1]
        start = max(before.rfind(c) for c in "\uff1b;。") + 1  # its own part of the sentence,
        end = _CLAUSE_BREAK.search(sentence, m.end())  # up to the end of its clause ("60学时的…培训")
        value = Decimal(text) * _SCALE[scale] if scale else Decimal(text)
        out.append(Number(value, text + (scale or ""), unit, label, sentence[start:end.start() if end else len(sentence)], sentence))
    return out


_MONTH_DAY = re.compile(r"(?<!\d年)(?<!\d)(\d{1,2})月(\d{1,2})日")


# a document number (阜政办〔2019〕70号, 国办发[2022]27号): its year and serial are no quantities
_DOC_NO = re.compile(r"[〔\[［(（]\d{4}[〕\]］)）]\s*\d+\s*号")


def _in_doc_no(sentence: str, pos: int) -> bool:
    return any(m.start() <= pos < m.end() for m in _DOC_NO.finditer(sentence))


def _in_date(sentence: str, pos: int) -> bool:
    return any(m.start() <= pos < m.end() for m in _DATE.finditer(sentence)) or \
        bool(re.match(r"\d{4}年", sentence[pos:]))


def dates_in(text: str) -> list[tuple[date, str]]:
    """Full dates, in text order; a day written without its year right after a dated one in the
    same sentence ("于2024年7月5日和12月5日前") is in that year."""
    found = []  # (position, date, as written)
    for m in _DATE.finditer(text):
        try:
            found.append((m.start(), date(int(m.group(1)), int(m.group(2)), int(m.group(3))), m.group(0)))
        except ValueError:
            continue
    for m in _MONTH_DAY.finditer(text):
        before = [f for f in found if f[0] < m.start() and not re.search(r"[。;；]", text[f[0]:m.start()])]
        if before:
            try:
                found.append((m.start(), date(before[-1][1].year, int(m.group(1)), int(m.group(2))), m.group(0)))
            except ValueError:
                continue
    return [(d, t) for _, d, t in sorted(found, key=lambda f: f[0])]


def month_days_in(text: str, year: int = 2023) -> list[tuple[date, str]]:
    """Days a rule names without a year ("每年3月1日前…4月1日前"), in one (common) year: the gap
    between two of them does not depend on which year, unless it spans a leap day."""
    out = []
    for m in _MONTH_DAY.finditer(text):
        try:
            out.append((date(year, int(m.group(1)), int(m.group(2))), m.group(0)))
        except ValueError:
            continue
    return out


_MONTH_END = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(?:底|末)")


_YEAR_END = re.compile(r"(\d{4})\s*年\s*(?:底|末|年底|年末)(?:前|之前|以前)?")


def month_ends_in(text: str, year: int) -> list[tuple[date, str]]:
    """A time limit said as a month's end ("2024年3月底前"): that month's last day."""
    out = []
    for m in _MONTH_END.finditer(text):
        y, month = int(m.group(1) or year), int(m.group(2))
        if 1 <= month <= 12:
            last = (date(y + month // 12, month % 12 + 1, 1) - timedelta(days=1))
            out.append((last, m.group(0)))
    if not out:  # "2023年底前基本建成": the year's last day
        out = [(date(int(m.group(1)), 12, 31), m.group(0)) for m in _YEAR_END.finditer(text) if int(m.group(1)) == year]
    return out


def product(base: Number, rate: Number, given: tuple[str, ...] = ()) -> Computed:
    """A count times a rate of it: 420卷 × 83.1% ≈ 349卷 (60名 × 5% = 3名 when exact)."""
    value = base.value * rate.value / 100
    result = fmt(value, 1)
    return Computed(result, (base.text, rate.text),
                    f"{base.text}{base.unit} × {rate.text}% {_equals(value, result)} {result}{base.unit}", given)


def after_cut(base: Number, cut: Number, given: tuple[str, ...] = ()) -> list[Computed]:
    """What a cut by a rate leaves: 压缩60%,余40%; 20个工作日 × 40% = 8个工作日."""
    left = fmt(100 - cut.value)
    rest = Computed(left, (cut.text,), f"压缩{cut.text}%,余{left}%")
    rate = Number(Decimal(left), left, "%", "", "", "")
    return [rest, product(base, rate, given)]


def per_each(count: Number, quota: Number, given: tuple[str, ...] = ()) -> Computed:
    """A quota per thing times a count of things: 5个 × 3名 = 15名."""
    result = fmt(count.value * quota.value)
    return Computed(result, (count.text, quota.text),
                    f"{count.text}{count.unit} × {quota.text}{quota.unit} = {result}{quota.unit}", given)


def _equals(value: Decimal, shown: str) -> str:
    return "=" if Decimal(shown) == value else "≈"


# Things counted one by one: a count computed from a rate is a whole number of them
WHOLE_UNITS = ("件", "次", "家", "项", "人", "名", "条", "个", "户", "卷", "所", "场", "批", "类", "份", "支", "期")


# the bound a count is asked with: "至少/起码…几名" is rounded up, "最多…几件" down
AT_LEAST = re.compile(r"至少|起码|最少|最低|不少于|不低于")
AT_MOST = re.compile(r"最多|至多|顶多|不超过|最高|上限")


def whole_as_asked(step: Computed, unit: str, question: str) -> tuple[list[Computed], str]:
    """The steps of a count computed from a rate, ending in a whole number of what is counted when
    the question asks a bound, and the bound's word ("至少", "最多"; "" when none is asked)."""
    at_least, at_most = bool(AT_LEAST.search(question)), bool(AT_MOST.search(question))
    steps = [step]
    if unit in WHOLE_UNITS + ("个工作日", "天", "日") and (at_least or at_most):
        whole = whole_count(step, unit, at_least=at_least)
        steps += [whole] if whole is not step else []
    return steps, "至少" if at_least else "最多" if at_most else ""


def whole_count(step: Computed, unit: str, at_least: bool) -> Computed:
    """150卷 × 85% = 127.5卷 asked "至少…多少卷": 128卷 (up); asked "最多": 127卷 (down)."""
    value = Decimal(step.result)
    whole = value.to_integral_value(rounding=ROUND_CEILING if at_least else ROUND_FLOOR)
    if whole == value:
        return step
    word = "至少" if at_least else "最多"
    return Computed(str(whole), (step.result,), f"{step.result}{unit}取整,{word}{whole}{unit}")


def one_decimal(step: Computed) -> list[Computed]:
    """A ratio or an average is said to one decimal (约1.6次), as reports say it; the working keeps
    two (13396次 ÷ 8510家 ≈ 1.57). A value under 1 keeps its two."""
    value = Decimal(step.result)
    short = fmt(value, 1)
    if short == step.result or abs(value) < 1:
        return [step]
    return [step, Computed(short, (step.result,), f"{step.result} ≈ {short}")]


def fmt(value: Decimal, places: int = 2) -> str:
    """At most `places` decimals, no trailing zeros: 36.36… -> '36.36', 12.0 -> '12'."""
    q = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = format(q, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def difference(a: Number, b: Number) -> Computed:
    hi, lo = (a, b) if a.value >= b.value else (b, a)
    unit = "个百分点" if hi.unit == "%" else hi.unit
    result = fmt(hi.value - lo.value)
    return Computed(result, (hi.text, lo.text),
                    f"{hi.text}{hi.unit} − {lo.text}{lo.unit} = {result}{unit}")


def total(parts: list[Number]) -> Computed:
    result = fmt(sum((p.value for p in parts), Decimal(0)))
    unit = parts[0].unit
    return Computed(result, tuple(p.text for p in parts),
                    " + ".join(f"{p.text}{p.unit}" for p in parts) + f" = {result}{unit}")


def less(whole: Number, parts: list[Number]) -> list[Computed]:
    """61件 less 9件 and 4件: one step per part, each on the result before it."""
    steps: list[Computed] = []
    left, left_text = whole.value, whole.text
    for part in parts:
        left -= part.value
        result = fmt(left)
        steps.append(Computed(result, (left_text, part.text), f"{left_text}{whole.unit} − {part.text}{part.unit} = {result}{whole.unit}"))
        left_text = result
    return steps


def share(part: Computed | Number, whole: Number) -> Computed:
    value = _value(part) / whole.value * 100
    result = fmt(value, 1)
    shown = part.result if isinstance(part, Computed) else part.text
    unit = "" if isinstance(part, Computed) else part.unit
    return Computed(result, (shown, whole.text), f"{shown}{unit} ÷ {whole.text}{whole.unit} ≈ {result}%")


def ratio(numerator: Number, denominator: Number) -> Computed:
    result = fmt(numerator.value / denominator.value)
    return Computed(result, (numerator.text, denominator.text),
                    f"{numerator.text}{numerator.unit} ÷ {denominator.text}{denominator.unit} ≈ {result}")


def days_between(first: tuple[date, str], second: tuple[date, str]) -> Computed:
    (d1, t1), (d2, t2) = sorted([first, second])
    days = (d2 - d1).days
    years, rest = divmod(days, 365)
    about = f"(约{years}年{rest // 30}个月)" if years and rest >= 30 else (f"(约{years}年)" if years else "")
    return Computed(str(days), (t1, t2), f"{t1}至{t2},相隔{days}天{about}")


def months_between(first: tuple[int, int, str], second: tuple[int, int, str]) -> Computed:
    """Two time limits named by month ("2021年8月底前", "10月底前"): (year, month, as written)."""
    (y1, m1, t1), (y2, m2, t2) = sorted([first, second])
    months = (y2 - y1) * 12 + (m2 - m1)
    return Computed(str(months), (t1, t2), f"{t1}至{t2},相差{months}个月")


def add_years(start: tuple[date, str], years: int, years_text: str) -> Computed:
    d, text = start
    try:
        end = d.replace(year=d.year + years) - timedelta(days=1)
    except ValueError:  # 29 February
        end = d.replace(year=d.year + years, day=28)
    shown = f"{end.year}年{end.month}月{end.day}日"
    return Computed(shown, (text, years_text), f"{text}起{years_text} → 到{shown}")


def _value(x: Computed | Number) -> Decimal:
    return Decimal(x.result) if isinstance(x, Computed) else x.value


def grounded(computed: list[Computed], cited_text: str) -> bool:
    """Every operand is in the cited text (normalised), an earlier result or the asker's own."""
    hay = normalize(cited_text)
    known: set[str] = set()
    for c in computed:
        if not all(normalize(o) in hay or o in known or o in c.given for o in c.operands):
            return False
        known.add(c.result)
    return True
