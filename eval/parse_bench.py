"""The parse benchmark: the parser against a folder of documents with gold items.

The gold format and the scoring are those of `../shared/layout-zoo/README.md`: an item is found
when one parsed item's text holds its quote (the shortest such item is the match); units are
compared per found item, role-aware and role-blind; lead accuracy counts `[]` = `[]` as a hit;
metadata compares title, locality and date. The last line printed is
`item_recall=0.xxx unit_f1=0.xxx metadata=0.xxx`, the figure `make test` gates on.
"""
from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

ROLES = ("lead_units", "responsible_units", "participating_units")


def norm(s: str) -> str:
    """NFKC, no spaces, Simplified characters (a Traditional document is read in Simplified)."""
    from corpus.script import to_simplified

    return to_simplified(unicodedata.normalize("NFKC", s or "").replace(" ", "").replace("\u3000", ""))


@dataclass
class DocScore:
    file: str
    gold_items: int
    found: int = 0
    parsed_tasks: int = 0
    tp: int = 0
    n_parsed: int = 0
    n_gold: int = 0
    tp_blind: int = 0
    n_parsed_blind: int = 0
    n_gold_blind: int = 0
    lead_ok: int = 0
    deadline_ok: int = 0
    deadline_n: int = 0
    metadata_ok: int = 0
    metadata_n: int = 0
    misses: list[str] = field(default_factory=list)
    error: str = ""

    @property
    def recall(self) -> float:
        return self.found / self.gold_items if self.gold_items else 1.0

    def f1(self, blind: bool = False) -> float:
        tp, np_, ng = ((self.tp_blind, self.n_parsed_blind, self.n_gold_blind) if blind
                       else (self.tp, self.n_parsed, self.n_gold))
        p = tp / np_ if np_ else 1.0
        r = tp / ng if ng else 1.0
        return 2 * p * r / (p + r) if p + r else 0.0


def score_document(doc_path: Path, gold: dict, doc=None) -> DocScore:
    """`doc`: the document as read with the files beside it (a plan and its attachment)."""
    from corpus.errors import PolicyQAError
    from corpus.pipeline import ParsedDocument, items_of, read_document

    s = DocScore(doc_path.name, len(gold["items"]))
    try:
        parsed = read_document(doc_path) if doc is None else ParsedDocument(doc, items_of(doc), [])
    except PolicyQAError as exc:
        s.error = str(exc)
        return s
    tasks = [i for i in parsed.items if i.kind in ("task", "point")]
    s.parsed_tasks = len(tasks)
    for key, got in (("title", parsed.doc.title), ("locality", parsed.doc.locality), ("date", parsed.doc.date)):
        s.metadata_n += 1
        s.metadata_ok += norm(got) == norm(gold.get(key, ""))
        if norm(got) != norm(gold.get(key, "")):
            s.misses.append(f"{key}: {got!r} ≠ {gold.get(key)!r}")
    pool = [i for i in parsed.items]
    for g in gold["items"]:
        hits = [p for p in pool if norm(g["quote"]) in norm(p.text)]
        if not hits:
            s.misses.append(f"item {g['path']}: not found")
            continue
        p = min(hits, key=lambda p: len(p.text))
        s.found += 1
        got = {"lead_units": p.lead_units or (), "responsible_units": p.responsible_units,
               "participating_units": p.participating_units}
        gs = {(r, norm(u)) for r in ROLES for u in g[r]}
        ps = {(r, norm(u)) for r in ROLES for u in got[r]}
        s.tp += len(gs & ps)
        s.n_parsed += len(ps)
        s.n_gold += len(gs)
        gb, pb = {u for _, u in gs}, {u for _, u in ps}
        s.tp_blind += len(gb & pb)
        s.n_parsed_blind += len(pb)
        s.n_gold_blind += len(gb)
        lead_hit = {norm(u) for u in g["lead_units"]} == {norm(u) for u in got["lead_units"]}
        s.lead_ok += lead_hit
        if gs != ps:
            s.misses.append(f"item {g['path']}: units {sorted(ps - gs)} vs gold {sorted(gs - ps)}")
        if g.get("deadline"):
            s.deadline_n += 1
            ok = norm(g["deadline"]) == norm(p.deadline)
            s.deadline_ok += ok
            if not ok:
                s.misses.append(f"item {g['path']}: deadline {p.deadline!r} ≠ {g['deadline']!r}")
    return s


def run(folder: str | Path, verbose: bool = False) -> list[DocScore]:
    folder = Path(folder)
    read_together = _documents(folder)
    scores = []
    for gold_path in sorted(folder.glob("*.gold.json")):
        gold = json.loads(gold_path.read_text("utf-8"))
        scores.append(score_document(folder / gold["file"], gold, read_together.get(gold["file"])))
    return scores


def _documents(folder: Path) -> dict:
    """The folder's documents as `policyqa ingest` reads a set of files: an attachment published
    as a file of its own (附件1 …任务分工表) read with the plan it names."""
    from corpus.attachments import paired
    from corpus.errors import PolicyQAError
    from corpus.load import SUPPORTED
    from corpus.parse import document_from_file

    docs = []
    for path in sorted(folder.iterdir()):
        if path.suffix and path.suffix.lower() in SUPPORTED and path.name.lower() != "readme.md":
            try:
                docs.append(document_from_file(path))
            except PolicyQAError:
                continue  # scored (as an error) by its own gold
    return {d.file: d for d in paired(docs)}


def totals(scores: list[DocScore]) -> dict:
    def ratio(a, b):
        return a / b if b else 1.0
    tp = sum(s.tp for s in scores)
    np_ = sum(s.n_parsed for s in scores)
    ng = sum(s.n_gold for s in scores)
    p, r = ratio(tp, np_), ratio(tp, ng)
    tpb = sum(s.tp_blind for s in scores)
    pb, rb = ratio(tpb, sum(s.n_parsed_blind for s in scores)), ratio(tpb, sum(s.n_gold_blind for s in scores))
    return {
        "item_recall": ratio(sum(s.found for s in scores), sum(s.gold_items for s in scores)),
        "unit_precision": p, "unit_recall": r, "unit_f1": 2 * p * r / (p + r) if p + r else 0.0,
        "unit_f1_role_blind": 2 * pb * rb / (pb + rb) if pb + rb else 0.0,
        "lead_accuracy": ratio(sum(s.lead_ok for s in scores), sum(s.found for s in scores)),
        "deadline_accuracy": ratio(sum(s.deadline_ok for s in scores), sum(s.deadline_n for s in scores)),
        "metadata": ratio(sum(s.metadata_ok for s in scores), sum(s.metadata_n for s in scores)),
    }


def render(scores: list[DocScore], verbose: bool = False) -> str:
    rows = [f"{'document':<14} {'gold':>4} {'found':>5} {'parsed':>6} {'recall':>6} {'unitF1':>6} "
            f"{'blindF1':>7} {'lead':>5} {'meta':>4}"]
    for s in scores:
        lead = s.lead_ok / s.found if s.found else 0.0
        rows.append(f"{s.file:<14} {s.gold_items:>4} {s.found:>5} {s.parsed_tasks:>6} {s.recall:>6.3f} "
                    f"{s.f1():>6.3f} {s.f1(True):>7.3f} {lead:>5.2f} {s.metadata_ok}/{s.metadata_n}"
                    + (f"  ERROR {s.error}" if s.error else ""))
        if verbose:
            rows += [f"    - {m}" for m in s.misses]
    t = totals(scores)
    rows.append(f"overall: unit P {t['unit_precision']:.3f} R {t['unit_recall']:.3f}, role-blind F1 "
                f"{t['unit_f1_role_blind']:.3f}, lead accuracy {t['lead_accuracy']:.3f}, deadline "
                f"{t['deadline_accuracy']:.3f}")
    rows.append(f"item_recall={t['item_recall']:.3f} unit_f1={t['unit_f1']:.3f} metadata={t['metadata']:.3f}")
    return "\n".join(rows)


def main(argv=None) -> int:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    print(render(run(args.folder), args.verbose))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
