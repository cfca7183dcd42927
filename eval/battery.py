"""`policyqa eval --battery tune|blind|all|SET,SET`: every question set in eval/data on the index it
was written for (eval/battery.toml), in one command, saved set by set so that the next run can be
compared with it question by question (`--compare DIR`).

Blind sets stay blind: for them the battery prints scores and counts of changed questions, never a
question, an answer or an id.
"""
from __future__ import annotations

import json
import shutil
import sys
import time
import tomllib
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from multiprocessing import get_context
from pathlib import Path

from eval.gold import load_set
from corpus.errors import PolicyQAError
from eval.runner import UNIT_TYPES, documents_in, run_system, score, thresholds

ROOT = Path(__file__).resolve().parents[1]
MANIFEST = Path(__file__).with_name("battery.toml")
DATA = ROOT / "eval" / "data"


@dataclass(frozen=True)
class Group:
    name: str
    docs: tuple[Path, ...]
    sets: tuple[str, ...]


def is_blind(name: str) -> bool:
    return "blind" in name


def load_manifest(path: Path = MANIFEST) -> tuple[list[Group], dict[str, list[str]]]:
    raw = tomllib.loads(path.read_text("utf-8"))
    groups = [Group(name, tuple(ROOT / d for d in spec.get("docs", [])), tuple(spec["sets"]))
              for name, spec in raw["groups"].items()]
    return groups, {k: list(v) for k, v in raw.get("totals", {}).items()}


def select(groups: list[Group], which: str) -> list[tuple[Group, str]]:
    """(group, set) pairs for tune | blind | all | a comma list of set names."""
    names = set(which.split(",")) if which not in ("tune", "blind", "all") else None
    chosen = [(g, s) for g in groups for s in g.sets
              if (names is None and (which == "all" or is_blind(s) == (which == "blind")))
              or (names is not None and s in names)]
    if names is not None and (missing := names - {s for _, s in chosen}):
        raise PolicyQAError(f"not in {MANIFEST.name}: {', '.join(sorted(missing))}")
    return chosen


def prepare(group: Group, base: Path, settings, seed: Path | None = None) -> str:
    """The group's data dir under `base`: its documents added (a changed or new file only) and the
    index brought up to date; ingest re-embeds only the chunks that changed. A new data dir starts
    as a copy of `seed` (the bundled documents' index), so the five are embedded once."""
    from index.ingest import add_files, added_dir, corpus_documents, ingest
    from index.service import open_store

    data_dir = base / group.name
    if seed is not None and not data_dir.exists():
        shutil.copytree(seed, data_dir)
    files = [p for folder in group.docs for p in documents_in(folder)]
    have = added_dir(data_dir)
    new = [p for p in files if not (have / p.name).is_file() or (have / p.name).read_bytes() != p.read_bytes()]
    if new:
        add_files(data_dir, new)
    store = open_store(str(data_dir), settings.chroma_url, settings.embed_model, settings.threads)
    report = ingest(store, store.embedder, corpus_documents(data_dir), progress=False)
    print(f"[battery] {group.name}: {report.summary()}", file=sys.stderr, flush=True)
    return str(data_dir)


_searchers: dict[str, object] = {}


def _rewords(set_name: str) -> list[str]:
    """The questions a set's records reword (`orig_question`): held out of the learned kinds with
    the set, so that a rewording is never scored by a model that read its original."""
    lines = (DATA / f"{set_name}.jsonl").read_text("utf-8").splitlines()
    return [o for o in (json.loads(x).get("orig_question") for x in lines if x.strip()) if isinstance(o, str)]


def score_set(set_name: str, data_dir: str, settings, out: str) -> dict:
    """One set, in a worker process (the searcher is kept for the next set of the same group)."""
    from assistant.service import build_assistant
    from index.service import open_searcher

    if data_dir not in _searchers:
        _searchers.clear()
        _searchers[data_dir] = open_searcher(data_dir, settings.chroma_url, settings.embed_model, settings.threads)
    questions = load_set(str(DATA / f"{set_name}.jsonl"))
    assistant = build_assistant(replace(settings, data_dir=data_dir), searcher=_searchers[data_dir],
                                held_out=[q.question for q in questions] + _rewords(set_name))

    def product(gold):
        return assistant.answer(gold.question, history=list(gold.history) or None, id=gold.id).to_dict()

    started = time.perf_counter()
    result = run_system("policyqa", product, questions, assistant.known_units, progress=False)
    result.update(set=set_name, blind=is_blind(set_name), seconds=time.perf_counter() - started)
    Path(out, f"{set_name}.json").write_text(json.dumps(result, ensure_ascii=False, indent=1), "utf-8")
    return result


def line(name: str, rows: list[dict]) -> str:
    s = score(rows)
    passed = sum(r["passed"] for r in rows)
    units = [r for r in rows if r["type"] in UNIT_TYPES]
    tasks = [r for r in rows if r["type"] == "unit_tasks"]
    declined = [r for r in rows if r["type"] == "unanswerable"]
    answerable = [r for r in rows if r["type"] != "unanswerable"]
    frac = lambda part, whole: f"{sum(part)}/{len(whole)}" if whole else "-"  # noqa: E731
    return (f"| {name} | {passed}/{len(rows)} ({s['overall']:.1%}) | {frac([r['passed'] for r in units], units)} "
            f"| {frac([r['passed'] for r in tasks], tasks)} "
            f"| {frac([r['status'] == 'not_found' for r in declined], declined)} "
            f"| {frac([r['citation_hit'] for r in answerable], answerable)} | {s['ungrounded_answers']} |")


HEADER = ("| set | overall | lead+resp | unit_tasks | declined | ≥1 correct citation | ungrounded |\n"
          "|---|---|---|---|---|---|---|")


def summary(results: dict[str, dict], totals: dict[str, list[str]]) -> str:
    floors = thresholds("issue12_floors")  # reported on the totals, never gated (blind sets)
    out = [HEADER] + [line(name, results[name]["rows"]) for name in results]
    for label, names in totals.items():
        if all(n in results for n in names):
            rows = [r for n in names for r in results[n]["rows"]]
            s = score(rows)
            out.append(line(f"**{label}**", rows))
            out.append("")
            out.append(f"{label} against the floors: " + ", ".join(
                f"{k} {s[k]:.3f} {'≥' if s[k] >= v else '<'} {v}" for k, v in floors.items() if k in s)
                + f", ungrounded {s['ungrounded_answers']}")
    return "\n".join(out)


def compare(results: dict[str, dict], old_dir: Path) -> str:
    """What changed against an earlier run: questions by id on tune sets, counts on blind sets."""
    out = []
    for name, result in results.items():
        path = old_dir / f"{name}.json"
        if not path.is_file():
            continue
        before = {r["id"]: r for r in json.loads(path.read_text("utf-8"))["rows"]}
        gained = [r for r in result["rows"] if r["id"] in before and r["passed"] and not before[r["id"]]["passed"]]
        lost = [r for r in result["rows"] if r["id"] in before and not r["passed"] and before[r["id"]]["passed"]]
        text = sum(1 for r in result["rows"] if r["id"] in before and r["answer"] != before[r["id"]]["answer"])
        if not (gained or lost or text):
            continue
        out.append(f"{name}: +{len(gained)} −{len(lost)}, {text} answers changed text")
        if not result["blind"]:
            out += [f"  + {r['id']} {r['question']}" for r in gained]
            out += [f"  − {r['id']} {r['question']}\n      {r['answer'][:160]}" for r in lost]
    return "\n".join(out) or "no answer changed"


def main(args, settings) -> int:
    groups, totals = load_manifest()
    chosen = select(groups, args.battery)
    out = Path(args.out if args.out != "eval/out" else f"eval/out/battery-{args.battery.replace(',', '+')}")
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    base = Path(settings.data_dir) / "battery"
    jobs = max(1, args.jobs)
    worker_settings = replace(settings, threads=max(1, settings.threads // jobs))
    seed = Path(prepare(Group("bundled", (), ()), base, settings))
    data_dirs = {g.name: prepare(g, base, settings, seed if g.docs else None)
                 for g in dict.fromkeys(g for g, _ in chosen)}
    started = time.perf_counter()
    # the larger sets first, so that two workers end together
    order = sorted(chosen, key=lambda gs: -len(load_set(str(DATA / f"{gs[1]}.jsonl"))))
    results: dict[str, dict] = {}
    with ProcessPoolExecutor(jobs, mp_context=get_context("spawn")) as pool:
        futures = {s: pool.submit(score_set, s, data_dirs[g.name], worker_settings, str(out)) for g, s in order}
        for s, future in futures.items():
            results[s] = future.result()
            print(f"[battery] {s}: {sum(r['passed'] for r in results[s]['rows'])}/{len(results[s]['rows'])}",
                  file=sys.stderr, flush=True)
    results = {s: results[s] for _, s in chosen}  # manifest order
    report = summary(results, totals)
    (out / "summary.md").write_text(report + "\n", "utf-8")
    print(report)
    print(f"\n{len(results)} sets in {time.perf_counter() - started:.0f} s; results in {out}")
    if args.compare:
        print("\nagainst " + args.compare + ":\n" + compare(results, Path(args.compare)))
    return 0
