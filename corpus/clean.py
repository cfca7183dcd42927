"""Stage 2, clean: the loaded text -> the text every item span points into.

What goes: web-page chrome (navigation, 当前位置, 字体 大中小, 打印本页, 关闭窗口, share and
footer lines), page numbers (`—5—`, `- 6 -`, `第 5 页`), `（续表）` and a table header repeated
after a page break, the page markers of a paged web preview (`1、`…`15、` cutting words every few
hundred characters), Markdown syntax, and spaces inside Chinese words. What is rebuilt: a table
flattened to one cell per line becomes tab-separated rows again. Width forms are left as printed:
answers quote the document, and every comparison normalises with NFKC (`corpus.text.normalize`).
"""
from __future__ import annotations

import re
import unicodedata

from corpus.cells import CELL_BREAK, TABLE_SEP
from corpus.flat_lines import restore_breaks, restore_numbered_breaks
from corpus.paged import PAGE_NUMBER as _PAGE_NO
from corpus.rewrap import unwrap
from corpus.script import document_in_simplified
from corpus.tables import HEADER_WORDS, header_roles
from corpus.units import LABEL_RE, looks_like_unit_list

_CHROME = re.compile(
    r"^(当前位置|您?(?:当前|现在|所在)的?位置|您的位置|首页\s*[>›»]|网站首页|【?\s*字[体号]\s*[:：]?\s*[大中小\s]+】?$|"
    r"打印本页|【?打印】?\s*【?关闭|关闭窗口|【关闭】|分享到|.*分享至朋友圈|微信“?扫一扫|扫一扫在手机|"
    r"相关文件\s*[:：]|相关链接|上一篇|下一篇|主办(单位)?\s*[:：].*(地址|邮编|电话|备案|网站标识码|ICP)|"
    # the site's name over a pasted page (湝川县人民政府门户网站, 某市司法局政务网)
    r"\S{2,24}(门户网站|政府网站|政务网站?|人民政府网)\s*$|"
    # the site's sponsor and operator in the footer (主办：…人民政府办公室　承办：…大数据服务中心)
    r"主办(单位)?\s*[:：][^。；;]{2,30}(办公室|人民政府)[\s\u3000]*(承办|技术支持|运行维护|运维)(单位)?\s*[:：]|"
    r"版权所有|网站标识码|.*ICP备|浏览次数|阅读次数\s*[:：]?\s*$|【字体|【字号|"
    r"发布时间\s*[:：].*(来源|浏览|阅读|点击)|"
    # a copied WeChat article: picture placeholders, captions, the follow prompt
    r"\[(图片|视频|音频)\]\s*$|▲\s*图[为片]|点击上方.{0,8}关注|"
    # a web page printed by a browser: the URL and page count at the foot, the time and the page's
    # title at the head of every sheet
    r"https?://\S+(\s+\d+\s*/\s*\d+)?\s*$|\d{4}/\d{1,2}/\d{1,2}\s+\d{1,2}:\d{2}\s)"
)
_PICTURE = re.compile(r"^\[(图片|视频|音频)\]$")
# A portal page's own date, on its chrome line ("发布时间：2024-05-16 09:32:11    来源：县政府办    浏览次数：1265")
_PUBLISHED = re.compile(r"^发布(?:时间|日期)\s*[:：]\s*(\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)")
# Zero-width characters: WeChat articles fill blank lines with U+200B and put one before numbers.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\ufe0e\ufe0f]")  # (and emoji variation selectors: ▪️ is ▪)
# A decoration before a heading's number (`▌一、…`, `■（三）…`) hides the number from the outline.
_BULLET = re.compile(r"(?m)^[ \t\u3000]*[▌▍▎■□●◆◇▶►★☆◼▪]+[ \t\u3000]*"
                     r"(?=[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d{1,2}[.、．])")
# Where a copied WeChat article's own matter ends and the account's trailer begins.
_ARTICLE_END = re.compile(r"^([-—–~=\s]*END[-—–~=\s]*|往期推荐|往期回顾|推荐阅读|精彩推荐|往期精彩)$")
# a page's layout table left as runs of bars after the text (`…的通知 | ||||||||`, a line of `|`)
_PIPE_RESIDUE = re.compile(r"(?:^|\s)\|\s*\|\|[\s|]*$|^\s*\|\s*$")
_NAV = re.compile(r"^(?!\s*\d{1,2}\s*[|｜])(\s*\S{2,6}\s*[|｜])+\s*\S{2,6}\s*$|^(\S{2,6}\s{2,}){3,}\S{0,6}\s*$")
_CONTINUED = re.compile(r"^\s*[(（]\s*续表?\s*\d*\s*[)）]\s*$|^\s*续表\s*\d*\s*$")
_PAGED = re.compile(r"^(\d{1,3})、")
_CJK = "\u4e00-\u9fff"
_INNER_SPACE = re.compile(rf"(?<=[{_CJK}])[ \u00a0\u3000]+(?=[{_CJK}])")
_UNIT_TAIL = re.compile(r"(局|办|委|院|科|股|室|所|队|中心|部门|单位|政府|办事处|分局|管委会|办公室)$")


def _spaces(text: str) -> str:
    """A space between Chinese characters is noise (`县 司法局`), except between two whole unit
    names, where it separates a list (`执法监督科 法制审核科`): there it becomes 、."""
    def whole_unit(name: str) -> bool:
        return len(name) >= 3 and bool(_UNIT_TAIL.search(name))

    def repl(m: re.Match) -> str:
        if LABEL_RE.match(text, m.end()):
            return "；"  # `牵头：A　配合：B`: the space ends one label's units
        left = re.split(r"[\s:：、，,；;（(]", text[: m.start()])[-1]
        right = re.split(r"[\s:：、，,；;（(]", text[m.end():])[0]
        return "、" if whole_unit(left) and whole_unit(right) else ""
    return _INNER_SPACE.sub(repl, text)


# PDFs printed from CJK fonts often map common characters to radical code points (人 → ⼈ U+2F08,
# 民 → ⺠ U+2EA0, 门 → ⻔): the page looks right, the extracted text matches nothing. Kangxi
# radicals have NFKC forms; the simplified forms of the Radicals Supplement are mapped here.
_RADICALS_SUPPLEMENT = str.maketrans({
    "⺠": "民", "⻔": "门", "⻓": "长", "⻅": "见", "⻆": "角", "⻢": "马", "⻋": "车", "⻛": "风",
    "⻜": "飞", "⻝": "食", "⻥": "鱼", "⻩": "黄", "⻬": "齐", "⻰": "龙", "⻄": "西", "⻚": "页",
    "⻉": "贝", "⻘": "青", "⻙": "韦", "⻨": "麦", "⻦": "鸟", "⻤": "鬼", "⺟": "母", "⻳": "龟",
    "⻭": "齿", "⻮": "齿", "⺌": "小", "⺍": "小",
})
_KANGXI = re.compile(r"[\u2f00-\u2fd5]")
# a mirror that annotates rarer characters with their pinyin (發(fā)展, 經(jīng)開區(qū)): the reading is no text
_RUBY = re.compile(r"(?<=[\u4e00-\u9fff])[(（](?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]{1,7}[)）]")


def fix_radicals(text: str) -> str:
    text = _KANGXI.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), text)
    return text.translate(_RADICALS_SUPPLEMENT)


def clean(raw: str, plain_text: bool = True) -> str:
    """`plain_text`: the lines are a text file's own, where a PDF's wrapped lines may have been
    pasted (a page's or a Word file's lines are its elements, never wrapped lines)."""
    text = _RUBY.sub("", fix_radicals(raw.replace("\r\n", "\n").replace("\r", "\n")))
    text = document_in_simplified(text)
    text = _INVISIBLE.sub("", text)
    text = _BULLET.sub("", text)
    lines = [_PIPE_RESIDUE.sub("", ln) for ln in text.split("\n")]
    end = next((n for n, ln in enumerate(lines) if _ARTICLE_END.match(ln.strip())), None)
    lines = lines[:end]  # a copied article's trailer: its own credits, links to other posts
    if plain_text:
        lines = restore_breaks(lines)  # a scraped page whose line breaks became spaces
    lines = restore_numbered_breaks(lines)  # a reprint whose whole section is one paragraph
    if _is_markdown(lines):
        lines = _markdown_paragraphs(lines)  # its blank lines end paragraphs; its wrapped lines join
    else:
        lines = _single_spaced(lines)
        if plain_text:
            lines = unwrap(lines, _PAGE_NO)  # text copied out of a PDF viewer, one visual line per line
    lines = _attachment_list(lines)
    lines = _join_paged_preview(lines)
    lines = _markdown(lines)
    lines = _pipe_rows(lines)
    lines = _unflatten_table(lines)
    lines = _spaced_columns(lines)
    lines = _join_bare_labels(_numbered_cards([_glued_labels(ln) for ln in _symbol_labels(lines)]))
    out: list[str] = []
    last_header = None
    after_picture = False
    for line in lines:
        bare = line.strip().replace("\u00a0", "")
        # a picture's caption (`▲3月25日，…召开会议`) stands right under its placeholder; a ▲ elsewhere
        # marks a point of the text
        caption, after_picture = after_picture and bare.startswith("▲"), bool(_PICTURE.match(bare)) or (after_picture and not bare)
        if caption:
            continue
        if TABLE_SEP in line:
            cells = [c.strip() for c in line.split(TABLE_SEP)]
            if header_roles(cells):
                key = tuple(cells)
                if key == last_header:
                    continue  # the header row repeated after a page break
                last_header = key
            out.append(TABLE_SEP.join(_cell(c) for c in cells))
            continue
        published = _PUBLISHED.match(bare)
        if published:  # the page's own date, which people ask about; the rest of its line is chrome
            out.append(f"发布时间：{published.group(1)}")
            continue
        if _CHROME.match(bare) or (_NAV.match(bare) and not LABEL_RE.match(bare)) or _PAGE_NO.match(bare) or _CONTINUED.match(bare):
            continue
        out.append(_spaces(line.rstrip()) if not _is_indent_only(line) else "")
    return "\n".join(out)


_ATTACHMENT_HEAD = re.compile(r"^附\s*件\s*[:：]\s*(\d{1,2}\s*[.．、].{2,60})?$")
_ATTACHMENT_TITLE = re.compile(r"^\d{1,2}\s*[.．、]\s*[^。，,；;：:]{2,60}$")


def _attachment_list(lines: list[str]) -> list[str]:
    """A notice's list of its attachments (`附件:` over `1.废止的规范性文件目录`, `2.…`) is one line:
    the numbered titles are what is attached, not tasks under the paragraph above them."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        j = i + 1
        if _ATTACHMENT_HEAD.match(lines[i].strip()):
            while j < len(lines) and _ATTACHMENT_TITLE.match(lines[j].strip()):
                j += 1
        out.append(" ".join(ln.strip() for ln in lines[i:j]) if j > i + 1 else lines[i])
        i = j
    return out


def _single_spaced(lines: list[str]) -> list[str]:
    """A page copied with a blank line after every line (a web page's <p>s, a viewer's paragraph
    spacing): the single blank lines mean nothing and go, so a table flattened one cell per line
    reads as one again; a run of several blank lines stays as one."""
    filled = [n for n, ln in enumerate(lines) if ln.strip()]
    if len(filled) < 10:
        return lines
    spaced = sum(1 for a, b in zip(filled, filled[1:]) if b == a + 2)
    if spaced < 0.8 * (len(filled) - 1):
        return lines
    out: list[str] = []
    for n, ln in enumerate(lines):
        if ln.strip() or (out and out[-1].strip() and n + 1 < len(lines) and not lines[n + 1].strip()):
            out.append(ln)  # a filled line, or the first of several blank ones
    return out


_COLUMN_GAP = re.compile(r"[\u3000 \u00a0]{2,}")


def _spaced_columns(lines: list[str]) -> list[str]:
    """A task table pasted as text, its columns apart by tabs or runs of spaces
    (`1　　规范涉企检查…　　县司法局（牵头）、…　　长期坚持`), becomes tab-separated rows, from a
    header row that names a task and a unit column on. A row wrapped onto the next line (which
    then starts with the gap) continues the row's last cell. Lines with one cell stay text."""
    out: list[str] = []
    table, row_at = False, None
    for line in lines:
        if TABLE_SEP in line:  # already a row (a real table, or one rebuilt above)
            if row_at is not None and _continues(out[row_at].split(TABLE_SEP), line.split(TABLE_SEP)):
                out[row_at] = TABLE_SEP.join(_merge_row(out[row_at].split(TABLE_SEP), line.split(TABLE_SEP)))
                continue
            out.append(line)
            row_at = len(out) - 1
            continue
        cells = [c.strip() for c in _COLUMN_GAP.split(line.strip(" "))]
        filled = [c for c in cells if c]
        if not table:
            table = len(filled) >= 3 and bool(header_roles(filled))
            out.append(TABLE_SEP.join(filled) if table else line)
            continue
        if len(filled) < 2:
            out.append(line)
            row_at = None if filled else row_at
            continue
        if not cells[0] and row_at is not None:  # the wrapped rest of the row above
            prev = out[row_at].split(TABLE_SEP)
            prev[-1] += filled[0]
            out[row_at] = TABLE_SEP.join(prev + filled[1:])
            continue
        out.append(TABLE_SEP.join(filled))
        row_at = len(out) - 1
    return out


# "🚩后面是牵头单位", "🤝后为配合单位", "👤后面是分管县领导": a key giving a symbol the meaning of a label
_SYMBOL_KEY = re.compile(r"^\s*(?P<sym>[^\u4e00-\u9fff\w\s（(【\[“\"]{1,4}?)\s*(?:后面?(?:是|为)|表示|代表|即|为|是|[:：])\s*"
                         r"(?P<what>(?:牵头|配合|责任|协办|参与|主办)(?:单位|部门)|分管[县区市]?领导|牵头领导|责任领导)")


def _symbol_labels(lines: list[str]) -> list[str]:
    """Units marked by symbols a key defines (a WeChat article's 🚩县司法局　🤝县财政局): each symbol
    before names becomes its label, `牵头单位：县司法局　配合单位：县财政局`; the key's own lines stay."""
    keys = {}
    for ln in lines:
        m = _SYMBOL_KEY.match(ln)
        if m:
            what = m["what"]
            keys[m["sym"].strip()] = "分管领导" if what.startswith("分管") else what
    if not keys:
        return lines
    pattern = re.compile("(" + "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True)) + r")\s*(?!的)(?=[\u4e00-\u9fff])")
    return [ln if _SYMBOL_KEY.match(ln) else pattern.sub(lambda m: f"{keys[m.group(1)]}：", ln) for ln in lines]


_GLUED = re.compile(r"(?P<role>牵头|主办|配合|协办|参与|参加|落实|挂帅)(?P<names>[^\s\u3000:：]+)")


def _glued_labels(line: str) -> str:
    """A card's units with role words set in bold, the bold lost (`牵头区委编办 参与区司法局`): each role
    word before its names is a label again, `牵头：区委编办 参与：区司法局`. Only a line made of such
    pieces alone, each naming units (挂帅 a leader), is read so: "牵头制定方案" is a sentence."""
    pieces = line.split()
    if not pieces or TABLE_SEP in line:
        return line
    if any(LABEL_RE.match(p) for p in pieces):
        return line  # labelled already (牵头单位丨县司法局)
    found = [_GLUED.fullmatch(p) for p in pieces]
    if not all(found) or not any(m["role"] != "挂帅" for m in found):
        return line
    if not all(m["role"] == "挂帅" or looks_like_unit_list(m["names"]) for m in found):
        return line
    lead = line[: len(line) - len(line.lstrip())]
    return lead + " ".join(f"{m['role']}：{m['names']}" for m in found)


_CARD_NO = re.compile(r"^\s*(\d{2})\s*$")


def _numbered_cards(lines: list[str]) -> list[str]:
    """An infographic's or a slide's cards, each a number alone on its line over its title (`01` /
    `权责清单动态调整` / text): the number joins its title as a numbered heading, `01｜权责清单动态调整`.
    Only a run counting up from a zero-padded 01 (three cards at least) is one: a page number is
    never written 01."""
    cards: list[int] = []
    expected = 1
    for i, line in enumerate(lines[:-1]):
        m = _CARD_NO.match(line)
        if m and int(m.group(1)) == expected and lines[i + 1].strip() and not _CARD_NO.match(lines[i + 1]):
            cards.append(i)
            expected += 1
    if len(cards) < 3:
        return lines
    out, skip = [], set()
    for i, line in enumerate(lines):
        if i in skip:
            continue
        if i in cards:
            out.append(f"{line.strip()}｜{lines[i + 1].strip()}")
            skip.add(i + 1)
        else:
            out.append(line)
    return out


def _join_bare_labels(lines: list[str]) -> list[str]:
    """A label alone on its line, its value on the next (`【牵头单位】` in a <span> of its own):
    one line again, `【牵头单位】县发展改革局`."""
    out: list[str] = []
    for line in lines:
        prev = out[-1].strip() if out else ""
        bare = bool(prev) and (m := LABEL_RE.match(prev)) is not None and m.end() == len(prev)
        if bare and line.strip() and not LABEL_RE.match(line.strip()) and TABLE_SEP not in line:
            out[-1] = out[-1].rstrip() + line.strip()
        else:
            out.append(line)
    return out


def _continues(prev: list[str], cells: list[str]) -> bool:
    """A row whose first cells are empty and whose first filled cell goes on from the row above,
    which ended that cell mid-list (`县司法局（牵头）、县公安局、` / `县城市管理局、县交通运输局`)."""
    k = next((n for n, c in enumerate(cells) if c.strip()), None)
    return bool(k) and k < len(prev) and prev[k].rstrip().endswith(("、", "，", ",", "；", ";"))


def _merge_row(prev: list[str], cells: list[str]) -> list[str]:
    merged = prev + [""] * (len(cells) - len(prev))
    for n, c in enumerate(cells):
        if c.strip():
            merged[n] = merged[n].rstrip() + c.strip()
    return merged


def _is_indent_only(line: str) -> bool:
    return not line.replace("\u00a0", "").replace("\u3000", "").strip()


def _cell(cell: str) -> str:
    """One table cell on one line: paragraphs of a unit list join with 、, of text with ；."""
    cell = _spaces(cell.strip())
    if CELL_BREAK not in cell:
        return cell
    parts = [p.strip() for p in cell.split(CELL_BREAK) if p.strip()]
    if all(len(p) <= 25 and "。" not in p and not p.endswith(("，", ",", "：")) for p in parts):
        return "、".join(parts)
    out = parts[0]
    for p in parts[1:]:  # a sentence broken after a comma goes on; a new paragraph after a ；
        out += p if out.endswith(("。", "；", ";", "！", "？", "，", ",", "：")) else "；" + p
    return out


def _join_paged_preview(lines: list[str]) -> list[str]:
    """A document viewer's preview cut the text into pages of a few hundred characters, each
    line starting with its page number `N、` (often mid-word). Strip the markers, join the pages
    with no separator; lines before the first page (site boilerplate) are dropped."""
    numbered = [(i, _PAGED.match(ln)) for i, ln in enumerate(lines)]
    pages = [(i, int(m.group(1))) for i, m in numbered if m]
    if len(pages) < 5 or [n for _, n in pages] != list(range(1, len(pages) + 1)):
        return lines
    if sum(len(lines[i]) >= 200 for i, _ in pages) < 0.8 * len(pages):
        return lines
    last = pages[-1][0]
    joined = "".join(_PAGED.sub("", lines[i], count=1) for i, _ in pages)
    return [joined] + lines[last + 1:]


_MD_BLOCK = re.compile(r"^\s*(#{1,6}\s|>|[-*+]\s|\d{1,3}[.)]\s|\||!\[|```|-{3,}|\*{3,}|_{3,})")


def _is_markdown(lines: list[str]) -> bool:
    """A Markdown file: headings written with # (two at least)."""
    return sum(1 for ln in lines if re.match(r"^#{1,6}\s+\S", ln)) >= 2


def _markdown_paragraphs(lines: list[str]) -> list[str]:
    """Markdown's own paragraphs: a line wrapped inside one (no blank line, no block marker before it)
    goes on the line above; a block (heading, quote, list item, table row, picture) stays a line."""
    out: list[str] = []
    for ln in lines:
        # (a wrapped line runs long and stops mid-sentence; a short line is a line of its own: a
        # signature's issuer over its date, a label's line)
        joins = (out and len(out[-1].strip()) >= 30 and ln.strip() and not _MD_BLOCK.match(ln)
                 and not _MD_BLOCK.match(out[-1]) and not re.search(r"[。；;：:！!？?]$|\s{2}$|<br\s*/?>$", out[-1]))
        if joins:
            out[-1] = out[-1].rstrip() + ln.strip()
        else:
            out.append(ln)
    return out


def _markdown(lines: list[str]) -> list[str]:
    """Markdown exports: headings lose their #, bold its **, pipe tables become tab rows."""
    if not any(ln.lstrip().startswith(("#", "|")) or "**" in ln for ln in lines):
        return lines
    out = []
    for ln in lines:
        s = ln.strip()
        if s.startswith("|") and s.endswith("|") and not s.endswith("\\|"):
            # cells split at pipes the export did not escape (`\|` is a pipe inside a cell)
            cells = [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", s[1:-1])]
            if all(re.fullmatch(r":?-{2,}:?", c) for c in cells if c):
                continue
            cells = [_markdown_inline(c.replace("<br/>", CELL_BREAK).replace("<br />", CELL_BREAK)) for c in cells]
            out.append(TABLE_SEP.join(cells))
            continue
        s = re.sub(r"^>\s?", "", s)  # a quoted block (an online document's note under its title)
        s = re.sub(r"^#{1,6}\s+", "", s)
        s = re.sub(r"\*\*(.+?)\*\*", r"\1", s).replace("**", "")
        s = re.sub(r"(?<![*\w])\*(?=\S)(.+?)(?<=\S)\*(?![*\w])", r"\1", s)  # *italic* (a units line)
        s = re.sub(r"\\([\\`*_{}\[\]()#+\-.!|])", r"\1", s)  # pandoc's escapes: `1\.` is `1.`
        if re.fullmatch(r"[-*_]{3,}", s):
            s = ""  # a horizontal rule
        s = re.sub(r"^[-*+]\s+(?=\S)", "", s)
        out.append(s)
    return out


_PIPE = re.compile(r"\s+\|\s*|\s*\|\s+|\s*\|$")


def _pipe_rows(lines: list[str]) -> list[str]:
    """A web table rendered as cells joined by ` | ` (`序号 | 事项名称 | 承办 单位 | 承办时间 |`), with no
    Markdown frame: from a header row that names table columns, each following line cut at the same
    bars is a row of tab-separated cells, until a line that has no bars."""
    out, in_table = [], False
    for ln in lines:
        cells = [c.strip() for c in _PIPE.split(ln.strip())]
        while cells and not cells[-1]:
            cells.pop()
        if len(cells) < 3 or TABLE_SEP in ln:
            in_table = False
            out.append(ln)
            continue
        if not in_table:
            named = sum(re.sub(r"\s+", "", c) in HEADER_WORDS for c in cells)
            if named < 2:
                out.append(ln)
                continue
            in_table = True
            cells = [re.sub(r"\s+", "", c) for c in cells]  # a header letter-spaced (承办 单位)
        out.append(TABLE_SEP.join(cells))
    return out


def _markdown_inline(cell: str) -> str:
    """A table cell's own Markdown: **bold** and pandoc's escapes dropped."""
    cell = re.sub(r"\*\*(.+?)\*\*", r"\1", cell).replace("**", "")
    return re.sub(r"\\([\\`*_{}\[\]()#+\-.!|])", r"\1", cell)


# --- a table flattened to one cell per line -------------------------------------------------

_ROW_NO = re.compile(r"^\s*\d{1,3}\s*$")


def _unflatten_table(lines: list[str]) -> list[str]:
    """`序号` / `工作任务` / … / `完成时限` each on its own line, then rows whose cells are one per
    line, starting with a bare row number. A merged cell is printed only on its group's first
    row, and a long cell may wrap onto a second line, so cells are assigned by what they look
    like: the number, then text cells, then unit cells, then the deadline."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        header, j = _header_run(lines, i)
        if not header:
            out.append(lines[i])
            i += 1
            continue
        out.append(TABLE_SEP.join(header))
        roles = header_roles(header)
        rows, i = _flat_rows(lines, j)
        for cells in rows:  # (a section row between groups, `二、…`, stays a line of its own)
            out.append(cells if isinstance(cells, str) else TABLE_SEP.join(_assign_cells(cells, header, roles)))
    return out


def _header_run(lines: list[str], i: int) -> tuple[list[str], int]:
    j, cells = i, []
    while j < len(lines) and lines[j].strip() and lines[j].strip() in HEADER_WORDS and TABLE_SEP not in lines[j]:
        cells.append(lines[j].strip())
        j += 1
    first = j + 1 if j < len(lines) and _SECTION_ROW.match(lines[j].strip()) else j
    if len(cells) >= 3 and header_roles(cells) and first < len(lines) and _ROW_NO.match(lines[first]):
        return cells, j
    return [], i


_SECTION_ROW = re.compile(r"^[一二三四五六七八九十]{1,3}、\S")


def _flat_rows(lines: list[str], j: int) -> tuple[list[list[str] | str], int]:
    rows: list[list[str] | str] = []
    expected = None
    while j < len(lines):
        s = lines[j].strip()
        if _SECTION_ROW.match(s) and j + 1 < len(lines) and _ROW_NO.match(lines[j + 1].strip()) and (
                expected is None or int(lines[j + 1].strip()) == expected):
            rows.append(s)
        elif _ROW_NO.match(s) and (expected is None or int(s) == expected):
            rows.append([s])
            expected = int(s) + 1
        elif not s and rows and j + 1 < len(lines) and not _ROW_NO.match(lines[j + 1].strip()):
            break  # a blank line not followed by a row ends the table
        elif s and rows:
            rows[-1].append(s)
        elif s:
            break
        j += 1
    return rows, j


_DEADLINE_LIKE = re.compile(r"(\d{4}年|\d{1,2}月|年底|年内|全年|长期|持续|常态|季度|月底|上半年|下半年|前$|^/$|^—$|^-$)")


def _assign_cells(cells: list[str], header: list[str], roles: dict[int, str]) -> list[str]:
    from corpus.units import looks_like_unit_list

    n = len(header)
    no, rest = cells[0], cells[1:]
    out = [""] * n
    out[0] = no
    cols = list(range(1, n))
    # from the right: the deadline column, then unit columns, each one line
    while cols and rest:
        c = cols[-1]
        role = roles.get(c, "")
        value = rest[-1]
        if role == "deadline" and (_DEADLINE_LIKE.search(value) or len(value) <= 12):
            out[c] = rest.pop()
        elif role in ("lead", "responsible", "participating") and (looks_like_unit_list(value) or value in "/—-"):
            out[c] = rest.pop()
        else:
            break
        cols.pop()
    text_cols = [c for c in cols if roles.get(c) in ("text", "category", None, "")]
    if not text_cols:
        return out
    if len(text_cols) >= 2 and rest:
        # a merged category cell appears on its group's first row only: a short line or a
        # heading-like line (`一、…`) fills the category column
        first = rest[0]
        heading_like = re.match(r"^[一二三四五六七八九十]+、", first) or (
            len(first) <= 20 and not re.search(r"[，,。；;：:]", first))
        if len(rest) >= 2 and heading_like:
            out[text_cols[0]] = rest.pop(0)
        out[text_cols[-1]] = "".join(rest)
    else:
        out[text_cols[0]] = "".join(rest)
    return out
