"""`policyqa eval`: run a gold set through the product (and optionally the baseline), score it,
write report.md / report.json / report.png, and gate on eval/thresholds.toml."""
from __future__ import annotations

import sys
import time
import tomllib
from collections import defaultdict
from importlib import resources
from pathlib import Path

from eval import metrics
from eval.gold import GoldQuestion, load_set

UNIT_TYPES = ("lead_unit", "responsible_units")


def run_system(name: str, answer_fn, questions: list[GoldQuestion], unit_names: set[str],
               progress: bool = True) -> dict:
    """answer_fn(gold) -> answer dict (Answer.to_dict() schema). Returns per-question rows."""
    rows = []
    for n, gold in enumerate(questions, start=1):
        started = time.perf_counter()
        try:
            answer = answer_fn(gold)
        except Exception as exc:  # a crash is a failed question, not a failed run
            answer = {"answer": f"ERROR {exc.__class__.__name__}: {exc}", "status": "error", "citations": []}
        seconds = time.perf_counter() - started
        hit, correct, total = metrics.citation_scores(answer, gold)
        row = {
            "id": gold.id, "type": gold.type, "question": gold.question, "gold": gold.answer,
            "must_include": list(gold.must_include), "answer": answer.get("answer", ""),
            "status": answer.get("status"), "path": answer.get("path", ""),
            "passed": metrics.answer_passes(answer, gold), "citation_hit": hit,
            "citations_correct": correct, "citations": total,
            "cited": [f"{c.get('locality')} {c.get('section')}" for c in answer.get("citations") or []],
            "ungrounded": metrics.ungrounded_values(answer, unit_names),
            "seconds": seconds, "timings": answer.get("timings", {}),
        }
        rows.append(row)
        if progress:
            mark = "✓" if row["passed"] else "✗"
            print(f"[{name}] {n}/{len(questions)} {gold.id} {mark} {seconds:.1f}s", file=sys.stderr, flush=True)
    return {"name": name, "rows": rows, "scores": score(rows)}


def score(rows: list[dict]) -> dict:
    by_type: dict[str, list[bool]] = defaultdict(list)
    for r in rows:
        by_type[r["type"]].append(r["passed"])
    answerable = [r for r in rows if r["type"] != "unanswerable"]
    unanswerable = [r for r in rows if r["type"] == "unanswerable"]
    units = [r for r in rows if r["type"] in UNIT_TYPES]
    cited = sum(r["citations"] for r in answerable)
    paths: dict[str, list[float]] = defaultdict(list)
    for r in rows:
        paths[r["path"] or "?"].append(r["seconds"])
    return {
        "n": len(rows),
        "overall": _mean([r["passed"] for r in rows]),
        "by_type": {t: {"n": len(v), "accuracy": _mean(v)} for t, v in sorted(by_type.items())},
        "unit_questions": _mean([r["passed"] for r in units]),
        "unanswerable_declined": _mean([r["status"] == "not_found" for r in unanswerable]),
        "clarify": sum(1 for r in rows if r["status"] == "clarify"),
        "citation_hit": _mean([r["citation_hit"] for r in answerable]),
        "citation_precision": (sum(r["citations_correct"] for r in answerable) / cited) if cited else 0.0,
        "ungrounded_answers": sum(1 for r in rows if r["ungrounded"]),
        "latency": {p: {"n": len(v), "p50_s": metrics.p50(v), "p90_s": metrics.percentile(v, 0.9)}
                    for p, v in sorted(paths.items())},
    }


def _mean(values) -> float:
    values = list(values)
    return sum(1 for v in values if v) / len(values) if values else 0.0


def retrieval_scores(searcher, questions: list[GoldQuestion]) -> dict:
    ranks = []
    for gold in questions:
        if not gold.answerable or not gold.sources:
            continue
        hits = [h.to_dict() for h in searcher.search(gold.question, k=10)]
        ranks.append(metrics.first_relevant_rank(hits, gold))
    return {"n": len(ranks), "recall_at_1": metrics.recall_at(ranks, 1),
            "recall_at_5": metrics.recall_at(ranks, 5), "mrr_at_10": metrics.mrr(ranks, 10)}


def thresholds(name: str = "dev") -> dict:
    text = resources.files("eval").joinpath("thresholds.toml").read_text("utf-8")
    return tomllib.loads(text).get(name, {})


def gate(scores: dict, retrieval: dict, limits: dict) -> list[str]:
    failures = []
    for key, floor in limits.items():
        if key == "ungrounded_answers_max":
            if scores["ungrounded_answers"] > floor:
                failures.append(f"ungrounded answers {scores['ungrounded_answers']} > {floor}")
            continue
        value = retrieval.get(key.replace("retrieval_", "")) if key.startswith("retrieval_") else scores.get(key)
        if value is not None and value < floor:
            failures.append(f"{key} {value:.3f} < {floor}")
    return failures


def main(args, settings) -> int:
    from assistant.service import build_assistant
    from eval.report import write_report

    if getattr(args, "layouts", None):
        return layouts_main(args)
    if getattr(args, "battery", None):
        from eval import battery
        return battery.main(args, settings)
    for folder in getattr(args, "with_docs", None) or []:
        _add_documents(settings, folder)
    questions = load_set(args.set)
    if args.limit:
        questions = questions[: args.limit]
    # the learned question kinds never learn from the questions they are scored on
    assistant = build_assistant(settings, held_out=[q.question for q in questions])
    unit_names = assistant.known_units

    def product(gold: GoldQuestion) -> dict:
        return assistant.answer(gold.question, history=list(gold.history) or None, id=gold.id).to_dict()

    systems = [run_system("policyqa", product, questions, unit_names)]
    if args.baseline:
        from eval.baseline import Baseline
        baseline = Baseline(settings, llm=assistant.llm)
        systems.append(run_system("baseline", baseline.answer_dict, questions, unit_names))
    retrieval = retrieval_scores(assistant.searcher, questions)
    out = Path(args.out)
    write_report(out, systems, retrieval, args.set)
    print((out / "report.md").read_text("utf-8"))
    if args.gate:
        failures = gate(systems[0]["scores"], retrieval, thresholds("dev" if args.set == "dev" else args.set))
        if failures:
            print("EVAL GATE FAILED: " + "; ".join(failures), file=sys.stderr)
            return 1
        print("eval gate passed", file=sys.stderr)
    return 0


def layouts_main(args) -> int:
    """`policyqa eval --layouts DIR [--gate]`: the parse benchmark (eval/parse_bench.py)."""
    from eval import parse_bench

    scores = parse_bench.run(args.layouts)
    print(parse_bench.render(scores, verbose=True))
    if args.gate:
        limits = thresholds("layouts")
        t = parse_bench.totals(scores)
        failures = [f"{k} {t[k]:.3f} < {v}" for k, v in limits.items() if k in t and t[k] < v]
        low = limits.get("per_document_min", 0)
        failures += [f"{s.file}: recall {s.recall:.3f} / unit F1 {s.f1():.3f} < {low}"
                     for s in scores if min(s.recall, s.f1()) < low]
        if failures:
            print("PARSE GATE FAILED: " + "; ".join(failures), file=sys.stderr)
            return 1
    return 0


def documents_in(folder) -> list[Path]:
    """The documents of a folder of test documents: every readable file but its README and gold."""
    from corpus.load import SUPPORTED

    return [p for p in sorted(Path(folder).iterdir())
            if p.suffix and p.suffix.lower() in SUPPORTED and not p.name.upper().startswith("README")]


def _add_documents(settings, folder: str) -> None:
    """Add every document in `folder` (not its gold files) to the data dir and re-index."""
    from index.ingest import add_files, corpus_documents, ingest
    from index.service import open_store

    add_files(settings.data_dir, documents_in(folder))
    store = open_store(settings.data_dir, settings.chroma_url, settings.embed_model, settings.threads)
    print(ingest(store, store.embedder, corpus_documents(settings.data_dir), progress=False).summary(),
          file=sys.stderr)
