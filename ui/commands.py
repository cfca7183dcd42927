"""The CLI commands that need the index or the assistant (imported only when used)."""
from __future__ import annotations

import json
import sys

from corpus.errors import BadQuestionError, PolicyQAError


def _store(settings, recover: bool = False):
    from index.service import open_store
    return open_store(settings.data_dir, settings.chroma_url, settings.embed_model, settings.threads, recover)


def ingest(args, settings) -> int:
    from index.ingest import add_files
    from index.library import Library

    if args.paths:
        docs = add_files(settings.data_dir, args.paths, locality=args.locality or "", title=args.title or "")
        for doc in docs:
            from corpus.pipeline import read_document
            parsed = read_document(doc_path(settings, doc), locality=args.locality or "", title=args.title or "")
            tasks = [i for i in parsed.items if i.kind in ("task", "point")]
            print(f"added {doc.file}: 《{doc.title}》 {doc.locality or '(地区未识别)'} {doc.date or ''} "
                  f"{doc.doc_no or ''} — {len(tasks)} items", file=sys.stderr)
            for warning in parsed.warnings:
                print(f"  ⚠ {warning}", file=sys.stderr)
    store = _store(settings, recover=args.rebuild)
    # The whole library: what the admin page uploaded, hid or corrected stays as it is.
    report = Library(settings.data_dir).rebuild(store, full=args.rebuild, progress=sys.stderr.isatty())
    print(report.summary())
    return 0


def doc_path(settings, doc):
    from index.ingest import added_dir
    return added_dir(settings.data_dir) / doc.file


def _read_batch(path: str):
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise PolicyQAError(f"{path}, line {n}: not JSON ({exc.msg}).") from exc
            if not isinstance(row, dict) or not isinstance(row.get("question"), str):
                raise PolicyQAError(f"{path}, line {n}: expected an object with a \"question\" string.")
            yield row


def search(args, settings) -> int:
    from index.search import Searcher

    store = _store(settings)
    searcher = Searcher(store, store.embedder)
    if args.batch:
        for row in _read_batch(args.batch):
            hits = searcher.search(row["question"], k=args.k, locality=args.locality or "")
            out = {"id": row.get("id"), "question": row["question"], "hits": [h.to_dict() for h in hits]}
            print(json.dumps(out, ensure_ascii=False), flush=True)
        return 0
    if not (args.question or "").strip():
        raise BadQuestionError("Give a question, e.g. policyqa search \"行政复议体制改革由哪个单位牵头?\"")
    hits = searcher.search(args.question, k=args.k, locality=args.locality or "")
    if args.json:
        print(json.dumps([h.to_dict() for h in hits], ensure_ascii=False, indent=1))
        return 0
    for h in hits:
        lead = "未知" if h.item.lead_units is None else ("、".join(h.item.lead_units) or "—")
        print(f"{h.rank}. [{h.item.locality}] {h.item.section}  牵头:{lead}  ({h.score:.4f})")
        print(f"   {h.item.text[:90]}{'…' if len(h.item.text) > 90 else ''}")
    return 0


def ask(args, settings) -> int:
    from assistant.service import build_assistant

    assistant = build_assistant(settings)
    if args.batch:
        for row in _read_batch(args.batch):
            try:
                out = assistant.answer(row["question"], locality=args.locality or "", id=row.get("id")).to_dict()
            except PolicyQAError as err:  # one bad line does not stop the batch
                out = {"id": row.get("id"), "question": row["question"], "error": str(err)}
            print(json.dumps(out, ensure_ascii=False), flush=True)
        return 0
    answer = assistant.answer(args.question or "", locality=args.locality or "")
    if args.json:
        print(json.dumps(answer.to_dict(), ensure_ascii=False, indent=1))
        return 0
    print(answer.text)
    if answer.citations:
        print("\n来源:" if answer.lang != "en" else "\nSources:")
        for c in answer.citations:
            print(f"[{c.n}] {c.item.title}({c.item.locality}) {c.item.section}")
    return 0
