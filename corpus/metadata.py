"""Stage 3, metadata: title, issuer, date, 文号, kind and locality with its level, read from the
document itself — the notice title, the plan's own title line, the signature, the 索引号 block.

A notice that wraps a plan (`关于印发《X》的通知`) gives the plan's title X. The locality is the
place that opens the title or the issuer (`中共霁川县委…` → 霁川县); parent jurisdictions named
in the text (`根据《岳浦市…》`) are never it, because they are not where a title or an issuer starts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.cells import TABLE_SEP
from corpus.gazetteer import self_named_place
from corpus.text import CN_DIGITS, cn_to_int

# a date standing alone; a speech prints it in brackets under the speaker (（2026年3月18日）)
# (and a 版记's date of printing under its issuer's line: 2026年3月10日印发)
_DATE_CN = re.compile(r"^\s*[(（]?\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:印发)?[)）]?\s*$")
# the same in Chinese numerals, as a 落款 was printed before 2012 (二○○六年一月二十五日, 二00九年四月二日, 二oo九年…)
_DATE_HANZI = re.compile(r"^\s*([〇○零OoＯ0一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,2})\s*月\s*"
                         r"([一二三四五六七八九十]{1,3})\s*日\s*$")
_BARE_DATE = re.compile(r"^[•·\-*\s]*(\d{4})-(\d{1,2})-(\d{1,2})$")
_DATE_FIELD = re.compile(r"(?:发文日期|成文日期|印发日期|日期)\s*[:：]?\s*(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})")
_ISSUED_ON = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日[，,]?[^。；;，,]{0,40}?(?:印发|出台|发布)(?:了)?《")
# a portal page's info block labels its title: `名称：…`, `标题：…`
_TITLE_LABEL = re.compile(r"^(?:文件)?(?:名称|标题|题名)\s*[:：]\s*")
DOC_NO = re.compile(r"[\u4e00-\u9fff]{1,12}\s*[〔\[［(（【]\s*(?:19|20)\d{2}\s*[〕\]］)）】]\s*\d{1,4}\s*号")
_REPORTS_BELOW = re.compile(r"现将[^。]{0,30}?(?:报告|汇报|总结)如下")
_KINDS = ("政策解读", "任务分解方案", "任务分工方案", "重点任务分工方案", "实施方案", "推进方案", "工作方案", "工作要点", "工作安排",
          "任务清单", "工作任务清单", "重点任务清单", "重点工作任务", "重点任务", "推进情况台账", "台账", "分工表", "任务分工表", "分解表", "任务分解表", "工作计划", "若干措施", "情况报告",
          "工作报告", "工作总结", "报告", "会议纪要", "纪要", "实施意见", "意见", "方案", "要点", "清单", "措施", "计划", "规划",
          # an assessment's indicators (考核评价指标及评分细则)
          "评分细则", "考核细则", "考核办法", "考核评价指标", "考核指标", "评价指标", "细则",
          # what a portal publishes about a plan: its reading (《X》政策解读), a 督查 report on it
          "解读", "督查通报",
          # a leader's speech at a work meeting, a rectification plan, the plan a place takes over
          "讲话", "讲话稿", "整改方案", "承接清单")
# (a 解读 page's own title quotes the plan's: "一图读懂｜《…工作要点》")
_TITLE_HINT = re.compile("(" + "|".join(_KINDS) + r")(\s*[(（][^)）]{0,20}[)）])?》?$")
_PLACE = re.compile(r"^(?:中共|中国共产党)?([\u4e00-\u9fff]{1,12}?(?:自治县|自治州|自治旗|特区|林区|新区|街道|县|区|市|州|盟|旗))")
_LEVEL_OF_SUFFIX = {"街道": "街道", "自治县": "县", "自治州": "州", "自治旗": "旗", "新区": "区", "林区": "区", "特区": "区"}
_ISSUER_WORDS = r"(人民政府|政府办公室|人民政府办公室|委员会|委员会办公室|领导小组|领导小组办公室|办公室|司法局|局|办|委)"
_ISSUER_END = re.compile(_ISSUER_WORDS + "$")
# (a head row under the title may hold the 文号 between them: `湑阳区人民政府　湑政发〔2026〕2号　2026年3月28日`)
_SIGNATURE_LINE = re.compile(r"^(?P<issuer>\S.{1,38}?" + _ISSUER_WORDS + r")"
                             r"(?:[\s\u3000]*[\u4e00-\u9fff]{1,12}\s*[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d{1,4}\s*号)?[\s\u3000]+"
                             r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日(?:印发)?$")
# the 版记's 印发 line after a 文号 on one row (`X政办发〔2026〕5号附件　　X区人民政府办公室2026年2月28日印发`)
_PRINTED_BY = re.compile(r"(?:^|[\s\u3000])(?P<issuer>[^\s\u3000]{2,30}?" + _ISSUER_WORDS + r")\s*"
                         r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日\s*印发$")
_SOURCE_LINE = re.compile(r"^(?:来源\s*[:：]\s*)?(?P<who>[\u4e00-\u9fff]{2,16}?(?:人民政府|政府|司法局))(?:\s|$)")
# nouns that end as places do (社区法治宣传方案, 园区…)
_NOT_PLACES = {"社区", "园区", "城区", "辖区", "小区", "景区", "片区", "市区", "全区", "本区", "我区", "全县", "本县",
               "我县", "全市", "本市", "我市", "郊区", "库区", "山区", "牧区", "灾区", "试验区", "示范区", "开发区"}
_NOT_PLACE_START = ("关于", "根据", "为了", "为", "按照", "现将", "各", "我", "全", "本", "在")


@dataclass
class Metadata:
    title: str = ""
    issuer: str = ""
    date: str = ""
    doc_no: str = ""
    addressee: str = ""
    kind: str = ""
    locality: str = ""
    level: str = ""
    header_end: int = 0  # line index after the notice (signature date and 此件公开发布), 0 when none


def read_metadata(text: str) -> Metadata:
    lines = [_merged_row(ln.strip()) for ln in text.split("\n")]
    meta = Metadata()
    head = lines[: max(40, len(lines) // 3)]
    meta.doc_no = _doc_no(head)
    # the notice that 印发s the plan is signed after its own title: a page that opens with the tail
    # of another document (a 公报 page, its signature first) is dated by the notice, not by that
    notice = next((i for i, ln in enumerate(head) if "关于印发" in ln and "《" not in ln.split("关于印发")[0]), 0)
    after = _signature(lines[notice:])
    sig = after + notice if after is not None else _signature(lines)
    if sig is not None:
        meta.date = _iso(*_date_alone(lines[sig]))
        meta.issuer = _issuer_before(lines, sig)
        if sig < len(lines) * 0.5:
            end = sig + 1
            while end < len(lines) and (not lines[end] or re.match(r"^[(（]此件.{0,10}[)）]$", lines[end])):
                end += 1
            meta.header_end = end
    if not meta.date:  # issuer and date on one line: `栎阳县林业局　2025年3月8日`
        for ln in lines:
            m = _SIGNATURE_LINE.match(ln)
            if m:
                meta.issuer = m.group("issuer")
                meta.date = _iso(m.group("y"), m.group("m"), m.group("d"))
                break
    if not meta.date:
        for ln in lines:
            m = _PRINTED_BY.search(ln)
            if m:
                meta.issuer = meta.issuer or m.group("issuer")
                meta.date = _iso(m.group("y"), m.group("m"), m.group("d"))
                break
    if not meta.date:
        # a portal's labels: the date the document was issued (成文/发文/印发日期) before the date the
        # page went up (发布日期), whichever comes first on the page
        found = [m for ln in head for m in _DATE_FIELD.finditer(ln)]
        m = next((m for m in found if m.group(0).startswith(("成文", "发文", "印发"))), found[0] if found else None)
        if m:
            meta.date = _iso(*m.groups())
    if not meta.date:  # a WeChat article's byline: "原创　蕺塘司法　2026年04月02日 08:15　瓅州"
        for ln in head[:8]:
            m = re.search(r"(\d{4})年(\d{1,2})月(\d{1,2})日\s*\d{1,2}:\d{2}", ln)
            if m:
                meta.date = _iso(*m.groups())
                break
    if not meta.date:  # a report of the issue: "2025年3月21日，中共X委…办公室印发《X》（…号）"
        m = _ISSUED_ON.search("".join(head))
        if m:
            meta.date = _iso(*m.groups())
    if not meta.date:
        # a portal page's metadata list whose labels were lost (`• 2023-08-14` among 索引号, 文号…
        # values) above the notice: the date it gives most often is the document's
        above = head[:notice] if notice else head[:15]
        dates = [m.groups() for ln in above if (m := _BARE_DATE.match(ln))]
        if dates:
            meta.date = _iso(*max(dates, key=dates.count))
    if not meta.date:  # a 落款 with no issuer line over it (the notice's title names the issuer)
        alone = next((d for ln in head if (d := _date_alone(ln))), None)
        if alone:
            meta.date = _iso(*alone)
    meta.title = _title(lines)
    if not meta.issuer:
        notice = next((ln for ln in head if "关于" in ln and ln.endswith(("的通知", "的报告", "的意见"))), "")
        if notice:
            meta.issuer = notice.split("关于")[0]
        else:
            # (a page's 来源 names who published it: a speech's or a notice's office)
            m = re.search(r"(?:发布机构|发文机关|发文单位|^来源)\s*[:：]\s*([^\s\u3000]+)", "\n".join(head), re.M)
            meta.issuer = m.group(1) if m else ""
    meta.addressee = _addressee(head)
    # a notice's own title names its subject, not its kind (关于报告…进展情况的通知 is no 报告)
    meta.kind = "" if meta.title.endswith("的通知") else next((k for k in _KINDS if k in meta.title), "")
    if not meta.kind and _REPORTS_BELOW.search("".join(head)):
        meta.kind = "报告"  # a report that lost its title still says what follows (现将工作情况报告如下)
    meta.locality, meta.level = _locality(meta.title, meta.issuer)
    if not meta.issuer:  # a plan printed in a paper under its title: "中共X市委　X市人民政府印发"
        printed = next((m for ln in head[:8] if (m := _ISSUED_UNDER_TITLE.match(ln))), None)
        if printed:
            meta.issuer = re.sub(r"[\s\u3000]+", "、", printed.group("issuer").strip())
            meta.locality, meta.level = _locality(meta.title, meta.issuer)
    if not meta.date:  # a newspaper's masthead is all that dates a plan it prints: "X日报 2026年6月3日 星期三"
        masthead = next((m for ln in head[:3] if (m := _MASTHEAD.search(ln))), None)
        if masthead:
            meta.date = _iso(*masthead.groups())
    if not meta.issuer:  # a department's own report: "2023年,X区司法局坚持…" (see _AUTHOR)
        meta.issuer = _author("\n".join(head[:6]))
    if not meta.locality:  # a portal's source line under a title that names no place (中阳县政府 www… 2016-03-21)
        for ln in head[:8]:
            m = _SOURCE_LINE.match(ln)
            if m:
                meta.locality, meta.level = _locality("", m.group("who"))
                break
    if not meta.locality:  # a page about a plan ("图解｜2026年，…这样干！"): the place of the plan it quotes
        quoted = re.search(r"《([^《》]{4,60})》", "\n".join(head[:12]))
        if quoted:
            meta.locality, meta.level = _locality(quoted.group(1), "")
    if not meta.locality:
        meta.locality, meta.level = _place_of_the_text("\n".join(lines))
    if not meta.locality:  # a 我县 report that names itself only bare (法治武定)
        meta.locality, meta.level = self_named_place("\n".join(lines))
    return meta


# A department's report on its own year opens with itself as the subject: "2023年,深圳市福田区司法局坚持…",
# "今年以来,X区司法局聚焦…", "2022年,县司法局紧紧围绕…". The body it names wrote the report: its
# points with no subject are that body's own work.
_AUTHOR = re.compile(r"^\s*(?:(?:19|20)\d{2}年(?:度|以来)?|今年以来|近年来|近期)[,，]\s*"
                     r"(?P<who>[\u4e00-\u9fff]{2,24}?(?:司法局|局|委员会|委|办公室|办|中心))"
                     r"(?=在|坚持|紧紧|紧扣|聚焦|以|始终|认真|全面|深入|立足|围绕|按照|积极|扎实|持续|着力)", re.M)


def _author(text: str) -> str:
    m = _AUTHOR.search(text)
    return m.group("who") if m else ""


_OPENING_CHARS = 400
# a news report's opening: `近日,武胜县在县会展中心…召开`, `3月8日,岑川区召开…`, `今年以来,岑山县坚持…`
_REPORTED_PLACE = re.compile(r"(?:^|[。\n]|近日|日前|今年以来|近年来|\d{1,2}月\d{1,2}日)[,，]?(?P<place>[\u4e00-\u9fff]{2,3}?(?:县|区|市))"
                             r"(?=在|于|召开|举行|组织|开展|印发|出台|坚持|深入|全面|扎实|聚焦|围绕)")


def _place_of_the_text(text: str) -> tuple[str, str]:
    """A page with no title or issuer naming its place: a news report's opening says where the
    meeting or the work took place (`近日,武胜县在县会展中心召开…`)."""
    for m in _REPORTED_PLACE.finditer(text[:_OPENING_CHARS]):
        place = m.group("place")
        if place not in _NOT_PLACES and not place.startswith(_NOT_PLACE_START):
            return _locality(place, "")
    return "", ""


_NOTICE_END = re.compile(r"关于.{2,80}的(通知|决定|意见|批复|函|报告)$")


def next_document(text: str, doc_no: str) -> int | None:
    """Where another document begins after this one (a 公报 page, a compiled PDF): a notice title
    standing alone after the plan, its own 文号 right under it, not this document's. The offset
    of its first line, or None."""
    lines = text.split("\n")
    offsets, at = [], 0
    for ln in lines:
        offsets.append(at)
        at += len(ln) + 1
    own = re.sub(r"\s+", "", doc_no)
    for i in range(max(3, len(lines) // 3), len(lines) - 1):
        for span in (1, 2):  # a title may wrap onto a second line
            title = "".join(ln.strip() for ln in lines[i:i + span])
            if title.startswith("《") or not _NOTICE_END.search(title):
                continue
            below = next((ln.strip() for ln in lines[i + span:i + span + 2] if ln.strip()), "")
            if DOC_NO.fullmatch(below) and re.sub(r"\s+", "", below) != own:
                return offsets[i]
    return None


def _doc_no(head: list[str]) -> str:
    """The document's own 文号: on a line of its own or in a 文号 field — not one it cites."""
    for ln in head:
        bare = re.sub(r"^(?:[•·]\s*|文\s*号\s*[:：]?\s*|发文字号\s*[:：]?\s*)", "", ln).strip("* ")
        m = DOC_NO.fullmatch(bare)
        if m:
            return re.sub(r"\s+", "", bare)
    return ""


def _merged_row(line: str) -> str:
    """A table row with one filled cell (a title or a signature merged across the table) reads
    as that text."""
    if TABLE_SEP not in line:
        return line
    cells = [c.strip() for c in line.split(TABLE_SEP) if c.strip()]
    return cells[0] if len(cells) == 1 else line


def _iso(year, month, day) -> str:
    return f"{int(year):04d}-{int(month):02d}-{int(day):02d}"


def _date_alone(line: str) -> tuple[int, int, int] | None:
    """(year, month, day) of a line that is a date and nothing else, in digits or Chinese numerals."""
    m = _DATE_CN.match(line)
    if m:
        return int(m.group(1)), int(m.group(2)), int(m.group(3))
    m = _DATE_HANZI.match(line)
    if not m:
        return None
    year = "".join(str(CN_DIGITS.get(c, 0)) for c in m.group(1))
    try:
        return int(year), cn_to_int(m.group(2)), cn_to_int(m.group(3))
    except (KeyError, ValueError):
        return None


def _signature(lines: list[str]) -> int | None:
    """The first date line standing alone right after an issuer-like line."""
    for i, ln in enumerate(lines):
        if _date_alone(ln):
            prev = next((lines[j] for j in range(i - 1, max(-1, i - 4), -1) if lines[j]), "")
            if prev and len(prev) <= 40 and "。" not in prev:
                return i
    return None


def trailing_signature(text: str) -> int | None:
    """Where a 落款 that closes the text begins (the issuer's line(s), then the date standing alone,
    maybe then "(此件公开发布)"), as an offset into `text`; None when the text does not end so."""
    lines = text.split("\n")
    starts = [0]
    for ln in lines[:-1]:
        starts.append(starts[-1] + len(ln) + 1)
    k = len(lines) - 1
    while k >= 0 and (not lines[k].strip() or re.match(r"^\s*[(（]此件.{0,10}[)）]\s*$", lines[k])):
        k -= 1
    if k < 1 or not _date_alone(lines[k]):
        return None
    issuer = _issuer_before([ln.strip() for ln in lines], k)
    if not issuer:
        return None
    names = set(issuer.split("、"))
    first = min(j for j in range(max(0, k - 4), k) if lines[j].strip() in names)
    return starts[first]


def _issuer_before(lines: list[str], sig: int) -> str:
    names = []
    for j in range(sig - 1, max(-1, sig - 4), -1):
        ln = lines[j]
        if not ln:
            if names:
                break
            continue
        if len(ln) > 40 or "。" in ln or "：" in ln or ":" in ln:
            break
        names.insert(0, ln)
    return "、".join(n for n in names if _ISSUER_END.search(n) or n.startswith("中共"))


# 主送: the line before a notice's or report's body, naming whom it goes to and ending with a
# colon ("各乡镇人民政府，县政府各部门：", "檀峰市人民政府："); a body sentence ending "如下：" is
# not one, nor a label ("牵头单位：") or a heading.
_ADDRESSEE = re.compile(r"^(各[^:：。；;]{1,80}|[^:：。；;]{2,80}?(政府|部门|单位|机构|团体|办事处|管委会|委员会|办公室|中心|"
                       r"科室|股室|大队|局|委|办|部|厅|署|院|所|队|站|党委|党组|工委))[:：]$")


def _addressee(head: list[str]) -> str:
    for ln in head[:25]:
        if re.match(r"^([一二三四五六七八九十]+、|[(（]|\d+[.．、]|第.{1,3}[条章]|根据|按照|为|现将)", ln):
            continue
        if _ADDRESSEE.match(ln) and not re.search(r"(牵头|责任|配合|参加|协办|主办)(单位|部门)[:：]$", ln):
            return ln[:-1]
    return ""


# a title with the addressees run on after it, as a PDF's text may join them on one line
# (`关于…情况的通报各乡镇人民政府，县直各部门：`)
_GLUED_ADDRESSEE = re.compile(r"^(.{6,70}?(?:通报|通知|方案|要点|意见|报告|决定|纪要|办法|计划))(?:各[^。：:]{1,60}|"
                              r"[^。：:]{2,40}?(?:政府|部门|单位|委员会|办公室))[:：]$")


def _title(lines: list[str]) -> str:
    """The plan's title: the 《X》 a notice 印发s, or the first short title-like line."""
    for n, ln in enumerate(lines[:40]):
        if n + 1 < len(lines) and (("关于印发《" in ln and "》" not in ln) or (
                "关于印发" in ln and "的通知" not in ln and lines[n + 1].strip().endswith("的通知"))):
            ln += lines[n + 1].strip()  # a title wrapped onto a second line: "…实施方案" / "（2025—2027年）》的通知"
        # (a reprint may drop 关于 from the notice's heading: "印发《X》的通知")
        m = re.search(r"关于印发(?:《(.+)》|(.+?))的通知", ln) or re.match(r"^[#\s*]*印发《(.+)》()的通知$", ln)
        before = ln[:m.start()] if m else ""
        if m and before.count("《") > before.count("》"):
            m = None  # a notice the text cites (根据《…关于印发〈X〉的通知》精神): not this one
        if m:
            quoted = (m.group(1) or m.group(2)).strip()
            # the plan's own title line, when it repeats the quoted title, prints it as issued
            # (a quotation nests 〈〉 where the title itself has 《》)
            same = _bracket_blind(quoted)
            own = next((x for x in lines[:80] if x != ln and _bracket_blind(x) == same), "")
            return own or quoted
    for ln in lines[:40]:  # a report of the issue (`…印发《X》（…号）`) above the plan's own title line X
        for quoted in re.findall(r"印发(?:了)?《([^《》]{6,70})》", ln):
            if any(_bracket_blind(x) == _bracket_blind(quoted) for x in lines[:80] if x != ln):
                return quoted
    for ln in lines[:40]:
        clean = _TITLE_LABEL.sub("", re.sub(r"【.*?】$", "", ln).strip().strip("*#").strip())
        if re.search(r"[！!？?→↓]", clean):
            continue  # a headline (`重磅！…来了→`), not a document's title
        if 6 <= len(clean) <= 70 and "。" not in clean and "，" not in clean and _TITLE_HINT.search(clean):
            if not clean.startswith(("附件", "根据", "为")) and not re.match(r"^[一二三四五六七八九十]+、|^[(（]", clean):
                return clean
    for ln in lines[:5]:
        if "关于" in ln and 8 <= len(ln) <= 80:
            return _GLUED_ADDRESSEE.sub(r"\1", ln)
    return ""


def _bracket_blind(s: str) -> str:
    return re.sub(r"[《》〈〉<>\s*#]", "", s)


_ISSUED_UNDER_TITLE = re.compile(r"^(?P<issuer>(?:中共)?[\u4e00-\u9fff][\u4e00-\u9fff\s\u3000]{1,50}?" + _ISSUER_WORDS + r")\s*(?:联合)?印发$")
_MASTHEAD = re.compile(r"[报刊][\s\u3000]*(\d{4})年(\d{1,2})月(\d{1,2})日[\s\u3000]*星期")
# a title named as a campaign for the place (法治滠州建设规划, 平安X建设): the place stands bare after
# the slogan's word, its level unsaid; the issuer says it
_SLOGAN = re.compile(r"^(?:法治|平安)(?!政府|社会|建设|中国)")


def _locality(title: str, issuer: str) -> tuple[str, str]:
    for source in (title, issuer.split("、")[0] if issuer else ""):
        source = re.sub(r"^(?:关于印发|关于|印发)", "", source)
        # the verb of a notice's title (关于公布临沭县…的通知) and a report's year (2020年静海区…报告)
        # stand before the place
        source = re.sub(r"^(?:公布|转发|做好|开展|调整|(?:19|20)\d{2}年度?)", "", source)
        if source.startswith(_NOT_PLACE_START) or (source == title and issuer and _SLOGAN.match(source)):
            continue
        m = _PLACE.match(source)
        if m and len(m.group(1)) >= 2:
            place = m.group(1)
            if place.endswith("州") and source[m.end(1):m.end(1) + 1] in ("市", "县", "区"):
                place += source[m.end(1)]  # 扬州市, not 扬州 read as a 州
            if place in _NOT_PLACES:
                continue
            if place.endswith("委") or len(place) > 10:
                continue
            suffix = next((s for s in _LEVEL_OF_SUFFIX if place.endswith(s)), place[-1])
            return place, _LEVEL_OF_SUFFIX.get(suffix, suffix)
    return "", ""
