"""Old office formats -> their modern form, by LibreOffice: Word 97-2003 (.doc), WPS 文字 (.wps),
RTF -> .docx; Excel 97-2003 (.xls), WPS 表格 (.et) -> .xlsx. The result is read like any .docx or
.xlsx, tables and merged cells included.

Why LibreOffice: offices still publish plans and 分工表 as .doc, .wps and .xls, and no well-kept
pure-Python reader of the binary Word format keeps its tables (text dumpers such as antiword lose
the columns a 牵头单位 lives in). `soffice --headless --convert-to` is Debian's package, installed by
`make install`; without it the file gets a message saying what to do, never a traceback.

Conversions in one process share one LibreOffice profile in a private temporary folder (a
profile of its own per process, so two processes never wait on each other's lock), one at a time.
"""
from __future__ import annotations

import atexit
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

from corpus.errors import DocumentError

# suffix -> (what people call it, the modern suffix it becomes)
FORMATS = {
    ".doc": ("Word 97-2003 (.doc)", ".docx"),
    ".wps": ("WPS 文字 (.wps)", ".docx"),
    ".rtf": ("RTF (.rtf)", ".docx"),
    ".xls": ("Excel 97-2003 (.xls)", ".xlsx"),
    ".et": ("WPS 表格 (.et)", ".xlsx"),
}
TIMEOUT_S = 120
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the compound file every .doc/.wps/.xls/.et is

_lock = threading.Lock()
_profile: Path | None = None


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def modernise(data: bytes, name: str, suffix: str) -> tuple[bytes, str]:
    """The file's bytes in a format `load` reads, and that format's suffix.

    Portals often serve something else under an old name: a .docx or .xlsx renamed, or a web page
    saved as .doc. Those are read as what they are; only a real compound file or RTF is converted."""
    kind, modern = FORMATS[suffix]
    if data.startswith(b"PK\x03\x04"):
        return data, modern
    head = data[:1024].lstrip().lower()
    if b"<html" in head or head.startswith(b"<!doctype html"):
        return data, ".html"
    if not data.startswith((_OLE, b"{\\rtf")):
        raise DocumentError(f"{name}: 不是可读的 {kind} 文件,请另存为 {modern} 后再上传 (not a readable {suffix} file).")
    program = soffice()
    if program is None:
        raise DocumentError(f"{name}: 读取 {kind} 需要 LibreOffice (make install 会安装),或另存为 {modern} 后再上传 "
                            f"(LibreOffice is not installed; save it as {modern} and retry).")
    with _lock, tempfile.TemporaryDirectory(prefix="policyqa-office-") as work:
        source = Path(work) / f"document{suffix}"
        source.write_bytes(data)
        command = [program, f"-env:UserInstallation={_profile_dir().as_uri()}", "--headless", "--norestore",
                   "--convert-to", modern.lstrip("."), "--outdir", work, str(source)]
        try:
            subprocess.run(command, capture_output=True, timeout=TIMEOUT_S, check=False)
        except subprocess.TimeoutExpired:
            raise DocumentError(f"{name}: LibreOffice 转换超过 {TIMEOUT_S} 秒,文件可能已损坏 "
                                f"(conversion timed out; save it as {modern} and retry).") from None
        result = source.with_suffix(modern)
        if not result.exists() or result.stat().st_size == 0:
            raise DocumentError(f"{name}: 不是可读的 {kind} 文件,请另存为 {modern} 后再上传 "
                                f"(LibreOffice could not read it).")
        return result.read_bytes(), modern


def _profile_dir() -> Path:
    global _profile
    if _profile is None:
        _profile = Path(tempfile.mkdtemp(prefix="policyqa-lo-profile-"))
        atexit.register(shutil.rmtree, _profile, True)
    return _profile
