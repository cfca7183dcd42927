"""How long the document pipeline takes on a long document (issue 11: a 100-page plan ≤ 2 s), and
how long a scanned PDF takes to recognise.

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
    scanned(text, path.parent)
    return 0


FONT = Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc")


def scanned(text: str, folder: Path, pages: int = 3) -> None:
    """A scanned PDF (pictures only: each page drawn at 200 dpi, 32 characters a line) read end to
    end through OCR (`corpus.scan`), the first time (no cache)."""
    if not FONT.exists():
        print("scan: skipped (no CJK font to draw pages with: apt install fonts-noto-cjk)")
        return
    from PIL import Image, ImageDraw, ImageFont

    from corpus.load import load

    font, per_line, lines_per_page = ImageFont.truetype(str(FONT), 40), 32, 26
    lines = [para[i:i + per_line] for para in text.split("\n") for i in range(0, max(len(para), 1), per_line)]
    images = []
    for k in range(pages):
        image = Image.new("RGB", (1654, 2339), (238, 237, 233))
        draw = ImageDraw.Draw(image)
        for n, line in enumerate(lines[k * lines_per_page:(k + 1) * lines_per_page]):
            draw.text((170, 200 + n * 72), line, font=font, fill=(15, 15, 15))
        images.append(image.rotate(0.5, fillcolor=(238, 237, 233)))
    pdf = folder / "scan.pdf"
    images[0].save(pdf, save_all=True, append_images=images[1:], resolution=200)
    t = time.perf_counter()
    chars = len(load(pdf))
    took = time.perf_counter() - t
    print(f"scan: a {pages}-page scanned PDF ({chars:,} characters recognised): {took:.1f} s, "
          f"{took / pages:.1f} s a page (first read; a second read in the same process is cached)")


if __name__ == "__main__":
    sys.exit(main())
