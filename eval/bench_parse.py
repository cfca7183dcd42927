"""How long the document pipeline takes on a long document (issue 11: a 100-page plan ≤ 2 s).

A "page" of a Chinese government plan holds about 700 characters; the long document is built by
repeating the layout zoo's task sections (renumbered, so the outline stays a real outline) to 100
pages, then parsed end to end from the file (`corpus.pipeline.read_document`). Printed, not
asserted: `python -m eval.bench_parse` (also part of `make bench`).
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

PAGE_CHARS = 700
CN = "一二三四五六七八九十"


def long_document(pages: int = 100) -> str:
    from corpus.parse import documents_dir

    source = (documents_dir() / "000_e5cb4a57eaca61ed.txt").read_text("utf-8")
    body = source[source.index("二、"):source.rindex("2022年7月1日")]
    parts, n = ["某县法治政府建设任务分解方案(长文档测试)"], 0
    while sum(len(p) for p in parts) < pages * PAGE_CHARS:
        n += 1
        parts.append(f"{CN[(n - 1) % 10]}、第{n}部分任务")
        parts.append(body)
    return "\n".join(parts)


def main() -> int:
    from corpus.pipeline import read_document

    text = long_document()
    path = Path(tempfile.mkdtemp(prefix="policyqa-parse-")) / "long.txt"
    path.write_text(text, encoding="utf-8")
    times, items = [], 0
    for _ in range(3):
        t = time.perf_counter()
        parsed = read_document(path)
        times.append(time.perf_counter() - t)
        items = sum(1 for i in parsed.items if i.kind == "task")
    print(f"parse a {len(text) // PAGE_CHARS}-page document ({len(text):,} characters, {items} task items): "
          f"median {statistics.median(times):.2f} s (runs: {', '.join(f'{x:.2f}' for x in times)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
