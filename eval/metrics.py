"""Scoring: pure functions over answers and hits (normalised matching, see corpus.text)."""
from __future__ import annotations

import re
from functools import lru_cache
from statistics import median

from corpus.script import to_simplified
from corpus.text import normalize as _normalize


@lru_cache(maxsize=65536)  # (a unit name is normalised once per run, not once per answer)
def normalize(text: str) -> str:
    """The metric's string form: corpus.text.normalize, in Simplified characters — a document a
    mirror republished in Traditional ones is read (and quoted) in Simplified (corpus.script)."""
    return to_simplified(_normalize(text))
from eval.gold import GoldQuestion, GoldSource


def _norm_section(section: str) -> str:
    """A section as the answers print it ("二、(一)", "三、 7.") or as gold files write the path
    ("二、 > （一）", "三、 > 7"): the same item either way."""
    text = re.sub(r"[.．](?=\s|>|$)", "", normalize(section))  # "7." as printed, "7" in a path; 1.1 stays
    return re.sub(r"[\s>•]", "", text)


def item_matches_source(item: dict, source: GoldSource) -> bool:
    """An item dict (item_id, locality, section, text) is a gold source's item."""
    if item.get("locality") != source.locality:
        return False
    if source.section and _norm_section(item.get("section", "")) == _norm_section(source.section):
        return True
    # (a gold quote may be the item's unit note, printed with it but kept apart from its text)
    return bool(source.quote) and normalize(source.quote) in normalize(item.get("text", "") + "\n" + (item.get("units_note") or ""))


def first_relevant_rank(hits: list[dict], gold: GoldQuestion) -> int | None:
    for hit in hits:
        if any(item_matches_source(hit, s) for s in gold.sources):
            return hit.get("rank") or hits.index(hit) + 1
    return None


def recall_at(ranks: list[int | None], k: int) -> float:
    return sum(1 for r in ranks if r is not None and r <= k) / max(len(ranks), 1)


def mrr(ranks: list[int | None], k: int = 10) -> float:
    return sum(1 / r for r in ranks if r is not None and r <= k) / max(len(ranks), 1)


def answer_passes(answer: dict, gold: GoldQuestion) -> bool:
    """Answerable: every must_include and no may_not_include, and not a refusal.
    Unanswerable: status not_found and no value asserted."""
    text = normalize(answer.get("answer", ""))
    status = answer.get("status")
    if not gold.answerable:
        return status == "not_found" and not any(normalize(m) in text for m in gold.may_not_include)
    if status == "not_found":
        return False
    if any(normalize(m) in text for m in gold.may_not_include):
        return False
    return all(normalize(m) in text for m in gold.must_include)


def citation_correct(citation: dict, gold: GoldQuestion) -> bool:
    return any(item_matches_source(citation, s) for s in gold.sources)


def citation_scores(answer: dict, gold: GoldQuestion) -> tuple[bool, int, int]:
    """(at least one correct citation, correct citations, all citations)."""
    cites = answer.get("citations") or []
    correct = sum(1 for c in cites if citation_correct(c, gold))
    return correct > 0, correct, len(cites)


_NUMBER = re.compile(r"\d+(?:\.\d+)?%?")


def ungrounded_values(answer: dict, unit_names: set[str] | None = None) -> list[str]:
    """Numbers and unit names in the answer that none of its citations contains."""
    if answer.get("status") != "answered":
        return []
    cited = normalize(" ".join(
        c.get("text", "") + "".join(c.get("lead_units") or []) + "".join(c.get("responsible_units") or [])
        + "".join(c.get("participating_units") or []) + c.get("section", "") + c.get("section_path", "")
        + c.get("title", "") + c.get("date", "") + c.get("doc_no", "") + c.get("issuer", "")
        + c.get("deadline", "") + c.get("score", "") + c.get("status", "")
        + c.get("locality", "") + _written_date(c.get("date", "")) for c in answer.get("citations") or []))
    body = re.sub(r"\[\d+\]", "", answer.get("answer", ""))
    # A count of the cited items ("共21项") is grounded in the citations themselves.
    counts = {str(len(answer.get("citations") or []))} | _computed_results(answer, cited) | _given(answer)
    said = normalize(body)
    missing = [n for n in _NUMBER.findall(said) if n not in cited and n.rstrip("%") not in counts]
    for name in unit_names or ():
        form = normalize(name)
        if form in said and form not in cited:
            missing.append(name)
    return missing


def _written_date(iso: str) -> str:
    """A citation's date as a document writes it ("2023-08-14" -> 2023年8月14日), as the answer
    checks (assistant.verify) read it: a day gap computed from it is grounded in that citation."""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", iso or "")
    return f"{m.group(1)}年{int(m.group(2))}月{int(m.group(3))}日" if m else ""


def _given(answer: dict) -> set[str]:
    """Figures the asker gave of their own case ("一个有60名执法人员的局") that a computation used:
    grounded by the question, where the answer's step says so and the question does say them."""
    asked = set(_NUMBER.findall(normalize(answer.get("question") or "")))
    return {g for step in answer.get("computed") or [] for g in step.get("given", []) if g in asked}


def _computed_results(answer: dict, cited: str) -> set[str]:
    """Results the answer computed (assistant.compute) from operands that its citations state or
    the asker gave (`_given`)."""
    known: set[str] = _given(answer)
    for step in answer.get("computed") or []:
        if all(normalize(o) in cited or o in known for o in step.get("operands", [])):
            for n in _NUMBER.findall(normalize(step.get("result", ""))):
                known.add(n.rstrip("%"))
            known.add(str(step.get("result", "")))
    return known


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q
    lo = int(pos)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


def p50(values: list[float]) -> float:
    return median(values) if values else 0.0
