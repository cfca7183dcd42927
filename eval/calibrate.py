"""Fit the relevance gates (assistant/gates.toml) on every question the project may tune on.

For each gold question the assistant's own steps are replayed up to the gate: understanding,
search, the context items with their relevance, and (for drafted answers) the best supporting
sentence's coverage. A gate setting predicts "answer" or "decline"; the right call is "answer"
for an answerable question and "decline" for an unanswerable one. The grid point with the best
balanced accuracy wins (ties: the one nearest the current values). The blind set is never read.

    python -m eval.calibrate [--write]    (needs an index with the layout-zoo and tune documents
                                           added, as `policyqa eval --with-docs` builds)
"""
from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

SETS = ("dev", "own", "eval/data/sections.jsonl",
        *(f"eval/data/tune{n}.jsonl" for n in ("", 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14)),
        "eval/data/newdocs-tune.jsonl", "eval/data/newdocs2-tune.jsonl",
        # the tune questions reworded by another writer (para-blind is never read here)
        "eval/data/para-tune.jsonl")
GRID = {
    "rel_min": [0.30, 0.35, 0.40, 0.45, 0.50, 0.55],
    "rel_min_named": [0.15, 0.20, 0.25, 0.30, 0.35, 0.40],
    "sentence_min": [0.20, 0.25, 0.30, 0.35, 0.40, 0.45],
    "rel_min_agreed": [0.15, 0.20, 0.25, 0.30, 0.35, 0.40],
}


def features(a, gold) -> dict | None:
    from assistant.context_items import context
    from assistant.support import support
    from assistant.route_fields import agreed, pick_per_locality
    from assistant.understand import understand

    query = understand(gold.question, list(gold.history) or None, 2000, a.unit_names,
                       tuple(a.searcher.localities))
    if query.intent in ("unit_tasks", "doc_info") or query.lang != "zh":
        return None  # no relevance gate on these paths
    hits = a._quoted_first(query, a.searcher.search(query.text, k=8, localities=list(query.localities) or None))
    if query.intent in ("lead", "responsible"):
        picks = pick_per_locality(a, query, hits)
        best = max(picks, key=lambda p: p[1], default=None)
        rel = best[1] if best else 0.0
        agree = bool(best and query.localities and agreed(hits, best[0]))
        return {"named": bool(query.localities), "rel": rel, "sentence": 1.0, "agreed": agree,
                "answerable": gold.answerable}
    ctx = context(a, query, hits)
    rel = max((r for _, r in ctx), default=0.0)
    sups = [support(a, query, i) for i, _ in ctx[:1]]
    sentence = max((p[2] for p in sups if p), default=0.0)
    return {"named": bool(query.localities), "rel": rel, "sentence": sentence, "agreed": False,
            "answerable": gold.answerable}


def predict(f: dict, g: dict) -> bool:
    floor = g["rel_min_named"] if f["named"] else g["rel_min"]
    if f["agreed"]:
        floor = min(floor, g["rel_min_agreed"])
    return f["rel"] >= floor and f["sentence"] >= g["sentence_min"]


def balanced_accuracy(rows: list[dict], g: dict) -> float:
    pos = [r for r in rows if r["answerable"]]
    neg = [r for r in rows if not r["answerable"]]
    tpr = sum(predict(r, g) for r in pos) / len(pos) if pos else 1.0
    tnr = sum(not predict(r, g) for r in neg) / len(neg) if neg else 1.0
    return (tpr + tnr) / 2


def main(argv=None) -> int:
    from assistant.gates import _VALUES
    from assistant.service import build_assistant
    from eval.gold import load_set
    from ui.settings import load

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--write", action="store_true", help="write assistant/gates.toml")
    args = ap.parse_args(argv)
    a = build_assistant(load({"llm": "none"}))
    rows = []
    for name in SETS:
        if name.endswith(".jsonl") and not Path(name).exists():
            continue
        for gold in load_set(name):
            f = features(a, gold)
            if f:
                rows.append(f)
    current = {k: float(_VALUES[k]) for k in GRID}
    best, best_score = current, balanced_accuracy(rows, current)
    for values in itertools.product(*GRID.values()):
        g = dict(zip(GRID, values))
        score = balanced_accuracy(rows, g)
        distance = sum(abs(g[k] - current[k]) for k in g)
        if score > best_score + 1e-9 or (abs(score - best_score) < 1e-9 and
                                         distance < sum(abs(best[k] - current[k]) for k in best)):
            best, best_score = g, score
    n_pos = sum(r["answerable"] for r in rows)
    print(f"{len(rows)} gated questions ({n_pos} answerable, {len(rows) - n_pos} not)")
    for label, g in (("current", current), ("best", best)):
        pos = [r for r in rows if r["answerable"]]
        neg = [r for r in rows if not r["answerable"]]
        print(f"{label:<8}{g}: balanced accuracy {balanced_accuracy(rows, g):.3f} "
              f"(answers {sum(predict(r, g) for r in pos)}/{len(pos)} answerable, "
              f"declines {sum(not predict(r, g) for r in neg)}/{len(neg)} unanswerable)")
    if args.write:
        path = Path(__file__).resolve().parents[1] / "assistant" / "gates.toml"
        body = "\n".join(f"{k} = {v}" for k, v in best.items())
        path.write_text("# Written by `python -m eval.calibrate --write` (balanced accuracy "
                        f"{best_score:.3f} on {len(rows)} questions).\n[gates]\n{body}\n", "utf-8")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
