"""report.md, report.json and report.png for an evaluation run."""
from __future__ import annotations

import json
from pathlib import Path


def _pct(v: float) -> str:
    return f"{v * 100:.0f}%"


def write_report(out: Path, systems: list[dict], retrieval: dict, set_name: str) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "report.json").write_text(json.dumps({"set": set_name, "retrieval": retrieval, "systems": systems},
                                                ensure_ascii=False, indent=1), "utf-8")
    (out / "report.md").write_text(markdown(systems, retrieval, set_name), "utf-8")
    try:
        chart(out / "report.png", systems)
    except Exception as exc:  # a chart is a nicety; the numbers are in the other two files
        (out / "chart-error.txt").write_text(str(exc))


def markdown(systems: list[dict], retrieval: dict, set_name: str) -> str:
    names = [s["name"] for s in systems]
    types = sorted({t for s in systems for t in s["scores"]["by_type"]})
    lines = [f"## Evaluation: set `{set_name}`, {systems[0]['scores']['n']} questions", ""]
    lines.append("| type | n | " + " | ".join(names) + " |")
    lines.append("|---|---|" + "---|" * len(names))
    for t in types:
        n = systems[0]["scores"]["by_type"].get(t, {}).get("n", 0)
        cells = [_pct(s["scores"]["by_type"].get(t, {}).get("accuracy", 0.0)) for s in systems]
        lines.append(f"| {t} | {n} | " + " | ".join(cells) + " |")
    rows = [
        ("**overall**", "overall"), ("unit questions (lead + responsible)", "unit_questions"),
        ("unanswerable correctly declined", "unanswerable_declined"),
        ("≥1 correct citation (answerable)", "citation_hit"), ("citation precision", "citation_precision"),
    ]
    for label, key in rows:
        lines.append(f"| {label} | | " + " | ".join(_pct(s["scores"][key]) for s in systems) + " |")
    lines.append("| answers naming a value absent from their citations | | "
                 + " | ".join(str(s["scores"]["ungrounded_answers"]) for s in systems) + " |")
    lines += ["", f"Retrieval (product, {retrieval['n']} answerable questions): recall@1 {retrieval['recall_at_1']:.2f}, "
              f"recall@5 {retrieval['recall_at_5']:.2f}, MRR@10 {retrieval['mrr_at_10']:.2f}", ""]
    lines += ["Latency by answer path (seconds, whole answer):", "",
              "| system | path | n | p50 | p90 |", "|---|---|---|---|---|"]
    for s in systems:
        for path, v in s["scores"]["latency"].items():
            lines.append(f"| {s['name']} | {path} | {v['n']} | {v['p50_s']:.2f} | {v['p90_s']:.2f} |")
    for s in systems:
        failed = [r for r in s["rows"] if not r["passed"]]
        lines += ["", f"### {s['name']}: {len(failed)} failed", ""]
        for r in failed:
            answer = r["answer"].replace("\n", " ")[:300]
            lines.append(f"- **{r['id']}** ({r['type']}) {r['question']}  \n  must include {r['must_include']}; "
                         f"status `{r['status']}` via `{r['path']}`; cited {r['cited']}  \n  answer: {answer}")
    return "\n".join(lines) + "\n"


def chart(path: Path, systems: list[dict]) -> None:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib import font_manager

    types = sorted({t for s in systems for t in s["scores"]["by_type"]}) + ["overall"]
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(13, 4.5), gridspec_kw={"width_ratios": [3, 1.3]})
    width = 0.8 / len(systems)
    for k, s in enumerate(systems):
        values = [s["scores"]["by_type"].get(t, {}).get("accuracy", 0) for t in types[:-1]] + [s["scores"]["overall"]]
        ax1.bar([x + k * width for x in range(len(types))], values, width, label=s["name"])
    ax1.set_xticks([x + width * (len(systems) - 1) / 2 for x in range(len(types))], types, rotation=35, ha="right")
    ax1.set_ylim(0, 1.05)
    ax1.set_ylabel("accuracy")
    ax1.legend()
    ax1.set_title("Answer accuracy by question type")
    for s in systems:
        ax2.hist([r["seconds"] for r in s["rows"]], bins=20, alpha=0.6, label=s["name"])
    ax2.set_xlabel("seconds per answer")
    ax2.set_title("Latency")
    ax2.legend()
    del font_manager
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
