"""Read a file into text: UTF-8 (with or without BOM), GB18030/GBK, .docx, .pdf.

Every failure is a `DocumentError` that says what is wrong with which file.
"""
from __future__ import annotations

from pathlib import Path

from corpus.errors import DocumentError

TEXT_SUFFIXES = {".txt", ".md", ".text", ""}
SUPPORTED = TEXT_SUFFIXES | {".docx", ".pdf"}
MAX_BYTES = 20 * 1024 * 1024


def decode(data: bytes, name: str = "file") -> str:
    """Bytes -> text. Tries UTF-8, then GB18030 (a superset of GBK and GB2312)."""
    if not data.strip():
        raise DocumentError(f"{name} is empty: nothing to index.")
    if b"\x00" in data[:4096]:
        if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
            return data.decode("utf-16")
        raise DocumentError(f"{name} looks like a binary file, not text. Supported: .txt .md .docx .pdf")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _mostly_text(text):
            return text
    raise DocumentError(
        f"{name}: cannot decode the text (tried UTF-8 and GB18030/GBK). Save it as UTF-8 and retry."
    )


def _mostly_text(text: str) -> bool:
    bad = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\n\r\t\f") or ch == "\ufffd")
    return bad <= max(2, len(text) // 200)


def read_text(path: str | Path) -> str:
    path = Path(path)
    if not path.exists():
        raise DocumentError(f"{path}: no such file.")
    if path.is_dir():
        raise DocumentError(f"{path} is a folder; give the files inside it.")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise DocumentError(f"{path.name}: unsupported file type {suffix!r}. Supported: .txt .md .docx .pdf")
    if path.stat().st_size > MAX_BYTES:
        raise DocumentError(f"{path.name} is larger than {MAX_BYTES // 2**20} MB.")
    if suffix == ".docx":
        return _read_docx(path)
    if suffix == ".pdf":
        return _read_pdf(path)
    return decode(path.read_bytes(), path.name)


def _read_docx(path: Path) -> str:
    try:
        import docx  # python-docx
        document = docx.Document(str(path))
    except Exception as exc:  # a broken zip, not a docx, …
        raise DocumentError(f"{path.name}: not a readable .docx file ({exc.__class__.__name__}).") from exc
    text = "\n".join(p.text for p in document.paragraphs)
    if not text.strip():
        raise DocumentError(f"{path.name}: the .docx has no text.")
    return text


def _read_pdf(path: Path) -> str:
    try:
        from pypdf import PdfReader
        pages = [page.extract_text() or "" for page in PdfReader(str(path)).pages]
    except Exception as exc:
        raise DocumentError(f"{path.name}: not a readable .pdf file ({exc.__class__.__name__}).") from exc
    text = "\n".join(pages)
    if not text.strip():
        raise DocumentError(f"{path.name}: the PDF has no text layer (a scan?); OCR it first.")
    return text
