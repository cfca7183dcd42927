"""English -> Chinese terms of this domain, appended to English questions before searching.

The documents are Chinese; the embedder is multilingual but weak across languages on these
terms, and BM25 sees no Chinese in an English question at all. A small glossary of the
domain's recurring terms fixes the common cases without a translation model.
"""
from __future__ import annotations

import re

GLOSSARY = {
    "administrative reconsideration": "行政复议",
    "reconsideration": "行政复议",
    "administrative mediation": "行政调解",
    "mediation": "调解",
    "people's mediation": "人民调解",
    "law enforcement": "行政执法",
    "enforcement": "执法",
    "training": "培训",
    "hours": "学时",
    "lead": "牵头",
    "leads": "牵头",
    "responsible unit": "责任单位",
    "responsible": "责任单位",
    "power and responsibility list": "权责清单",
    "responsibility list": "权责清单",
    "normative document": "行政规范性文件",
    "normative documents": "行政规范性文件",
    "legality review": "合法性审核",
    "major decision": "重大行政决策",
    "major administrative decision": "重大行政决策",
    "legal adviser": "法律顾问",
    "legal advisers": "法律顾问",
    "public lawyer": "公职律师",
    "government supervision": "政府督查",
    "inspection": "督查",
    "supervision": "监督",
    "transparency": "政务公开",
    "government affairs disclosure": "政务公开",
    "open government": "政务公开",
    "integrity": "诚信",
    "credit": "信用",
    "emergency": "突发事件",
    "emergencies": "突发事件",
    "emergency plan": "应急预案",
    "petition": "信访",
    "petitions": "信访",
    "administrative litigation": "行政应诉",
    "court": "法院",
    "procuratorate": "检察院",
    "business environment": "营商环境",
    "streamline administration": "放管服",
    "certificate": "证明事项",
    "certificates": "证明事项",
    "licence": "许可",
    "license": "许可",
    "random inspection": "双随机、一公开",
    "digital government": "数字法治政府",
    "electronic seal": "电子印章",
    "electronic certificate": "电子证照",
    "filed": "备案",
    "file": "备案",
    "filing": "备案",
    "days": "日",
    "annual report": "年度报告",
    "assessment": "考核",
    "discretion": "裁量权",
    "judicial office": "司法所",
    "rule of law": "法治",
    "decision": "决定",
    "decisions": "决定",
}
_PATTERNS = sorted(GLOSSARY, key=len, reverse=True)


def expand(question: str) -> str:
    """'Who leads mediation in Xinmi?' -> the question followed by ' 牵头 调解'."""
    lower = question.lower()
    found = []
    for term in _PATTERNS:
        if re.search(rf"\b{re.escape(term)}\b", lower):
            found.append(GLOSSARY[term])
            lower = re.sub(rf"\b{re.escape(term)}\b", " ", lower)
    return f"{question} {' '.join(dict.fromkeys(found))}".strip() if found else question
