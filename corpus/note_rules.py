"""What a document says, once, about how to read its unit notes.

A plan often explains its notes in the notice or under the table instead of marking every task:
    "所列责任单位有两个及以上的，排在第一位的为牵头单位，其余单位为配合单位"   the first listed leads
    "责任单位栏中标注“★”的为牵头单位，其余为配合单位"                          a mark makes the lead
    "主责单位（承办单位）对任务落实负总责，牵头制定推进计划"                    a label defined as lead
`read_rules(text)` finds these sentences; `corpus.units.parse_note` applies them to each note.
"""
from __future__ import annotations

import re

from corpus.units import BOLD, ROLE_OF_LABEL, NoteRules, nfkc

# "排在第一位的为牵头单位", "各项任务中列在首位的单位为牵头单位", "未明确牵头单位的，第一个单位为牵头单位"
_FIRST_IS_LEAD = re.compile(r"(排在|列在|位列|居|在)?(第一位|首位|第一个|最前|排名第一|第一家)的?(单位|部门)?"
                            r"(为|是|即为|作为|视为)牵头")
# "有两个及以上的", "有多个的": with one unit listed, the order says nothing (that unit is responsible)
_SEVERAL = re.compile(r"(两个|2个|二个|多个)(及|或|以)?以?上|有多个|多家")

_MARKS = "●○◎★☆▲△■□◆◇√✓✔※✱⭐*"
# an asterisk on its own, not Markdown bold (**牵头单位**)
_MARK = rf"[“\"]?(?P<mark>(?<!\*)[{_MARKS}](?!\*))[”\"」』）)]?"
# What a mark means, as the document says: "●为牵头单位，○为配合单位", "★牵头 ☆参与", "标注“★”的为牵头单位",
# "以▲标注的为牵头单位", "带★号者为牵头单位", or the other way round: "牵头单位后加注“★”", "牵头单位用▲标识"
_MARKED = r"标注|标识|标记|标明|标示|标出|注明|标有|注有|标"
LEGEND = re.compile(rf"(?:{_MARKED}|加注?|带有?|后加|以|用)?\s*{_MARK}\s*(?:号|符号)?(?:{_MARKED})?(?:的|者)?(?:单位|部门)?"
                    r"\s*(?:为|表示|代表|是|指|即为|系)?\s*[:：]?\s*(?:该项任务|该任务|本项任务|本任务)?的?\s*(?P<word>牵头|主办|配合|协办|参与|参加|协同|责任|负责)"
                    rf"|(?P<word2>牵头|主办|配合|协办)(?:单位|部门)(?:名称)?(?:后|前)?\s*(?:已|均)?(?:用|以|加注?|{_MARKED}|带有?)\s*"
                    + _MARK.replace("mark", "mark2"))
WORD_PART = (("牵头", "lead"), ("主办", "lead"), ("配合", "participating"), ("协办", "participating"),
             ("参与", "participating"), ("参加", "participating"), ("协同", "participating"),
             ("责任", "responsible"), ("负责", "responsible"))
# "其余为配合单位", "其他单位为协办单位", "未加粗的单位为配合单位": the role of the units beside the lead
_OTHERS = re.compile(r"(其余|其他|其它|未(?:加粗|标注|标明|注明|标)[^。；;，,]{0,6}?)[^。；;]{0,8}?(为|是|作为)?(配合|协办|参与|参加|协同|责任)")

# A label the document defines: "主责单位（承办单位）对任务落实负总责" (lead), "“主责单位”“责任主体”为具体负责
# 落实的责任单位" (responsible). The label stands on its own (after punctuation or 的), not inside a unit's
# name (各决策承办单位).
_DEFINED = (r"(?:^|(?<=[^\u4e00-\u9fff])|(?<=的))(?P<labels>(?:[“\"]?(?:{labels})[”\"]?[（(、和与及或]?[）)]?){{1,3}})"
            r"(?:(?P<lead>(?:对[^，,。；;]{{0,12}})?(?:负总责|为牵头单位|是牵头单位|即牵头单位|视为牵头单位))"
            r"|(?:为|是|即|指)[^，,。；;]{{0,12}}?(?:责任单位|负责落实|具体落实))")  # .format(labels=…)


# "责任单位中加粗的为牵头单位", "牵头单位以粗体显示": the Word reader marks bold names with BOLD
_BOLD_KEY = re.compile(r"(加粗|粗体)[^。；;，,]{0,8}?(的|者)?(单位|部门)?(为|是|表示|即为|系)牵头|牵头单位[^。；;，,]{0,6}?(加粗|粗体)")


# "牵头单位栏为“/”的，配合单位即为责任单位", "“牵头单位”栏为“/”的，不设牵头单位，由“配合单位”栏所列单位按职责分工负责"
_NO_LEAD_RESPONSIBLE = re.compile(r"牵头(?:单位|部门)[”\"]?栏?(?:为|填写?|是|标注)?[“\"]?[—\-/－―]+[”\"]?的[^。；;]{0,24}?"
                                  r"(?:配合|协办|参与)(?:单位|部门)[”\"]?栏?[^。；;]{0,8}?"
                                  r"(?:(?:即为|为|视为|作为|是|均为)责任(?:单位|部门)|按职责(?:分工)?负责|负责落实)")


def read_rules(text: str) -> NoteRules | None:
    text = nfkc(text)
    first = _FIRST_IS_LEAD.search(text)
    at_least, others = 1, "responsible"
    if first:
        sentence = _sentence_around(text, first.start(), first.end())
        at_least = 2 if _SEVERAL.search(sentence[: sentence.find(first.group(0))]) else 1
        others = _others_role(sentence) or "responsible"
    marks = marks_legend(text)
    bold = _BOLD_KEY.search(text)
    if bold:
        marks[BOLD] = "lead"
    legend = next(LEGEND.finditer(text), None) or bold
    if legend and not first:
        others = _others_role(_sentence_around(text, legend.start(), legend.end())) or "responsible"
    defined = _defined_labels(text)
    no_lead = bool(_NO_LEAD_RESPONSIBLE.search(text))
    if not (first or marks or defined or no_lead):
        return None
    return NoteRules(first_leads=bool(first), at_least=at_least, marks=tuple(marks.items()), others=others,
                     defined=tuple(sorted(defined.items())), no_lead_makes_responsible=no_lead)


def marks_legend(text: str) -> dict[str, str]:
    """{mark: role} from the document's own key to its marks."""
    parts = dict(WORD_PART)
    text = nfkc(text)
    found = {}
    for m in LEGEND.finditer(text):
        if text[max(0, m.start() - 1):m.start()] in ("未", "不", "没", "非"):
            continue  # "未标注“√”的单位为配合单位" says what the others are, not what the mark means
        found.setdefault(m.group("mark") or m.group("mark2"), parts[m.group("word") or m.group("word2")])
    return found


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding a match (at most 200 characters back), its line breaks dropped: a
    notice is wrapped as printed ("有两个及以\n上的")."""
    left = max(text.rfind("。", 0, start), start - 200)
    right = text.find("。", end)
    return re.sub(r"\s*\n\s*", "", text[left + 1:right if right >= 0 else len(text)])


def _others_role(sentence: str) -> str:
    m = _OTHERS.search(sentence)
    return {"责任": "responsible"}.get(m.group(3), "participating") if m else ""


def _defined_labels(text: str) -> dict[str, str]:
    """{label: role} for the labels of a main role (责任单位, 主责单位, 承办单位…) the text defines."""
    labels = sorted((w for w, role in ROLE_OF_LABEL.items() if role == "responsible"
                     and w.endswith(("单位", "部门", "主体"))), key=len, reverse=True)
    pattern = re.compile(_DEFINED.format(labels="|".join(map(re.escape, labels))))
    found = {}
    for m in pattern.finditer(text):
        for w in labels:
            if w in m.group("labels") and not any(w != o and w in o and o in m.group("labels") for o in labels):
                found.setdefault(w, "lead" if m.group("lead") else "responsible")
    return found
