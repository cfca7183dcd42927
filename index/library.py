"""The document library: which documents the index serves, as kept by the admin page and API.

State under `<data dir>/library/`: `library.json` (one record per document the admins touched:
uploaded, replaced or hidden), `files/` (the uploaded versions being served), `previews/` (uploads
parsed but not yet confirmed) and `overrides.json` (index.overrides). Bundled documents are never
deleted: hiding one, or serving an uploaded version in its place, is a record here.

Every change builds a new index build from the whole library and moves the pointer only when it is
complete (index.ingest); `library.json` is written after that, atomically. A process killed during
an upload therefore leaves the previous build and the previous records serving. Changes are
serialised by one lock; a second change to a document already being changed is refused (409).
"""
from __future__ import annotations

import hashlib
import json
import re
import shutil
import threading
import time
import uuid
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from corpus.attachments import attachments_of, paired
from corpus.errors import PolicyQAError
from corpus.load import SUPPORTED, load
from corpus.parse import parse_document
from corpus.pipeline import ParsedDocument, document_of, items_of, read_document
from corpus.types import PolicyDoc, TaskItem
from index import overrides as ov
from index.ingest import IngestReport, corpus_documents, ingest_items

# what an admin may upload: every format corpus.load reads (.xlsx and .csv 分工表 included)
SUFFIXES = tuple(sorted(s for s in SUPPORTED if s))
META_FIELDS = ("title", "locality", "level", "date", "doc_no")
PREVIEW_TTL_S = 24 * 3600


class NotFoundError(PolicyQAError):
    status_code = 404


class ConflictError(PolicyQAError):
    status_code = 409


def safe_name(name: str) -> str:
    """A file name that is only a name: no folders, no control characters, at most 120 characters."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = re.sub(r"[\x00-\x1f\x7f]", "", base).strip(" .") or "upload"
    return base[-120:]


def rekey(items: list[TaskItem], key: str, file: str, meta: dict) -> list[TaskItem]:
    """Items of an uploaded version under the library's stable key (item ids survive new versions)."""
    out = []
    for item in items:
        local = ov.item_key(item)
        fields = {"item_id": f"{key}-{local}", "doc_id": key, "doc": file}
        fields.update({f: meta[f] for f in ("title", "locality", "date") if meta.get(f)})
        out.append(replace(item, **fields))
    return out


def _decided(rec: dict) -> dict:
    """What a person decided about an uploaded document, as the readers take it."""
    return {"locality": rec.get("locality", ""), "title": rec.get("title", ""), "doc_id": rec["key"],
            "overrides": {f: rec.get(f) for f in META_FIELDS}}


def units_found(items) -> int:
    return len({u for i in items for u in i.all_units})


class Library:
    def __init__(self, data_dir: str | Path):
        self.root = Path(data_dir) / "library"
        self.data_dir = Path(data_dir)
        self.files = self.root / "files"
        self.previews = self.root / "previews"
        self.index_path = self.root / "library.json"
        self.overrides = ov.Overrides(data_dir)
        self._write = threading.Lock()  # one index build at a time
        self._guard = threading.Lock()
        self._busy: set[str] = set()
        # the uploaded documents as served, for the records they were read from (`_served_uploads`)
        self._served: tuple[tuple, tuple[list, dict[str, str]]] = ((), ([], {}))

    # --- records ---------------------------------------------------------------------------------
    def records(self) -> dict:
        if not self.index_path.exists():
            return {}
        return json.loads(self.index_path.read_text("utf-8")).get("documents", {})

    def _save(self, records: dict) -> None:
        ov.write_json(self.index_path, {"documents": records})

    @contextmanager
    def changing(self, key: str):
        """Only one change per document at a time: the second gets 409 at once, never a wait."""
        with self._guard:
            if key in self._busy:
                raise ConflictError(f"文件 {key} 正在被另一位管理员修改,请稍后刷新再试。 (Document is being changed.)")
            self._busy.add(key)
        try:
            with self._write:
                yield
        finally:
            with self._guard:
                self._busy.discard(key)

    # --- what the index holds ----------------------------------------------------------------------
    def parse_record(self, rec: dict) -> ParsedDocument:
        parsed = read_document(self.files / rec["file"], **_decided(rec))
        return self._as_library(parsed, rec["key"], rec["file"], rec)

    @staticmethod
    def _as_library(parsed: ParsedDocument, key: str, file: str, meta: dict) -> ParsedDocument:
        doc = replace(parsed.doc, doc_id=key, file=file,
                      **{f: meta[f] for f in META_FIELDS if meta.get(f)})
        return ParsedDocument(doc, rekey(parsed.items, key, file, meta), list(parsed.warnings))

    def corpus_items(self, records: dict | None = None, corrections: dict | None = None
                     ) -> tuple[int, list[TaskItem]]:
        """(documents, items) the index should hold: bundled and CLI-added documents not hidden or
        replaced, plus every uploaded version, each with its corrections applied."""
        records = self.records() if records is None else records
        corrections = self.overrides.load() if corrections is None else corrections
        items, count = [], 0
        for doc in corpus_documents(self.data_dir):
            rec = records.get(doc.doc_id, {})
            if rec.get("hidden") or rec.get("file"):
                continue
            items += ov.apply(parse_document(doc), corrections.get(doc.doc_id, {}))
            count += 1
        served, _ = self._served_uploads(records)
        for key, rec, doc in served:
            parsed = self._as_library(ParsedDocument(doc, items_of(doc), []), key, rec["file"], rec)
            items += ov.apply(parsed.items, corrections.get(key, {}))
            count += 1
        return count, items

    def _served_uploads(self, records: dict) -> tuple[list[tuple[str, dict, PolicyDoc]], dict[str, str]]:
        """The uploaded documents as served, and {attachment key: plan key}: an attachment uploaded
        as a file of its own (附件1 + a title naming the plan) is read as the last part of an
        uploaded plan it names (`corpus.attachments`), in whichever order the two arrived."""
        shown = tuple((key, rec["file"], *(rec.get(f) for f in META_FIELDS))
                      for key, rec in sorted(records.items()) if rec.get("file") and not rec.get("hidden"))
        if self._served[0] != shown:  # read once per state of the library, not on every listing
            entries = [(key, records[key], self._record_document(records[key])) for key, *_ in shown]
            docs = [doc for _, _, doc in entries]
            attached = attachments_of(docs)
            joined = {doc.doc_id: doc for doc in paired(docs, attached)}
            self._served = (shown, ([(key, rec, joined[key]) for key, rec, _ in entries if key in joined], attached))
        return self._served[1]

    def _record_document(self, rec: dict) -> PolicyDoc:
        """An uploaded record's document, as read with what a person decided about it."""
        return document_of(load(self.files / rec["file"]), file=rec["file"], **_decided(rec))[0]

    def rebuild(self, store, records: dict | None = None, corrections: dict | None = None,
                full: bool = False, progress: bool = False) -> IngestReport:
        """Index the whole library (unchanged chunks reuse their vectors); `full` re-embeds all."""
        count, items = self.corpus_items(records, corrections)
        return ingest_items(store, store.embedder, items, count, rebuild=full, progress=progress)

    def listing(self, served: list[TaskItem]) -> list[dict]:
        """Every document, served or hidden, with what the index holds of it now."""
        records = self.records()
        by_doc: dict[str, list[TaskItem]] = {}
        for item in served:
            by_doc.setdefault(item.doc_id, []).append(item)
        rows = {}
        for doc in corpus_documents(self.data_dir):
            rec = records.get(doc.doc_id, {})
            rows[doc.doc_id] = {"doc_id": doc.doc_id, "source": rec.get("source") or (
                "bundled" if doc.doc_id.isdigit() else "cli"), "file": doc.file,
                **{f: getattr(doc, f) for f in META_FIELDS}, "added_at": "", "added_by": ""}
        for key, rec in records.items():
            row = rows.setdefault(key, {"doc_id": key, "source": rec.get("source", "added")})
            row.update({k: rec.get(k, "") for k in (*META_FIELDS, "added_at", "added_by") if rec.get(k)})
            if rec.get("name"):
                row["file"] = rec["name"]
        _, attached = self._served_uploads(records)
        out = []
        for key, row in rows.items():
            items = by_doc.get(key, [])
            rec = records.get(key, {})
            out.append({**row, "hidden": bool(rec.get("hidden")), "items": len(items),
                        "attached_to": attached.get(key, ""),
                        "units": units_found(items), "replaced": bool(rec.get("file")) and row["source"] == "bundled",
                        "corrections": len(self.overrides.for_doc(key))})
        return sorted(out, key=lambda r: (r["source"] != "added", r.get("added_at") or "", r["doc_id"]),
                      reverse=False)

    # --- previews ----------------------------------------------------------------------------------
    def stage(self, data: bytes, name: str, *, locality: str = "", title: str = "", by: str = "",
              replaces: str = "") -> dict:
        """Parse an upload into a preview; nothing the index serves changes."""
        name = safe_name(name)
        suffix = Path(name).suffix.lower()
        if suffix not in SUFFIXES:
            raise PolicyQAError(f"{name}: 不支持的文件类型 {suffix or '(无扩展名)'}。支持 " + " ".join(SUFFIXES))
        if replaces:  # a new version keeps the old one's locality unless told otherwise
            locality = locality or self._row(replaces).get("locality") or ""
        self._expire_previews()
        pid = uuid.uuid4().hex[:16]
        folder = self.previews / pid
        folder.mkdir(parents=True)
        stored = f"upload{suffix}"
        (folder / stored).write_bytes(data)
        key = replaces or "d" + hashlib.sha256(f"{pid}{time.time()}".encode()).hexdigest()[:9]
        meta = {"preview_id": pid, "key": key, "name": name, "stored": stored, "replaces": replaces,
                "locality": locality.strip(), "title": title.strip(), "by": by, "created": time.time(),
                "corrections": {}}
        try:
            parsed = read_document(folder / stored, locality=meta["locality"], title=meta["title"], doc_id=key)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        ov.write_json(folder / "preview.json", meta)
        return self._preview_view(meta, parsed)

    def preview(self, pid: str) -> tuple[dict, ParsedDocument]:
        folder = self.previews / re.sub(r"[^0-9a-f]", "", pid or "")
        if not pid or not (folder / "preview.json").exists():
            raise NotFoundError("预览不存在或已过期,请重新上传。 (No such preview.)")
        meta = json.loads((folder / "preview.json").read_text("utf-8"))
        parsed = read_document(folder / meta["stored"], locality=meta["locality"], title=meta["title"],
                               doc_id=meta["key"])
        return meta, self._as_library(parsed, meta["key"], meta["name"], meta)

    def _preview_view(self, meta: dict, parsed: ParsedDocument) -> dict:
        parsed = self._as_library(parsed, meta["key"], meta["name"], meta)
        existing = self.overrides.for_doc(meta["key"]) if meta["replaces"] else {}
        return view(meta, parsed, {**existing, **meta["corrections"]})

    def preview_view(self, pid: str) -> dict:
        meta, parsed = self.preview(pid)
        existing = self.overrides.for_doc(meta["key"]) if meta["replaces"] else {}
        return view(meta, parsed, {**existing, **meta["corrections"]})

    def cancel(self, pid: str) -> None:
        self.preview(pid)
        shutil.rmtree(self.previews / pid, ignore_errors=True)

    def correct_preview(self, pid: str, item_id: str, fixed: dict, by: str) -> dict:
        meta, parsed = self.preview(pid)
        item = next((i for i in parsed.items if i.item_id == item_id), None)
        if item is None:
            raise NotFoundError(f"预览中没有条目 {item_id}。 (No such item.)")
        key = ov.item_key(item)
        meta["corrections"][key] = ov.Overrides.record(item, fixed, by, meta["corrections"].get(key))
        ov.write_json(self.previews / meta["preview_id"] / "preview.json", meta)
        return item_view(ov.apply([item], {key: meta["corrections"][key]})[0], meta["corrections"][key])

    def _expire_previews(self) -> None:
        if not self.previews.is_dir():
            return
        for folder in self.previews.iterdir():
            if folder.is_dir() and time.time() - folder.stat().st_mtime > PREVIEW_TTL_S:
                shutil.rmtree(folder, ignore_errors=True)

    # --- changes -----------------------------------------------------------------------------------
    def confirm(self, store, pid: str, metadata: dict | None = None, by: str = "") -> tuple[dict, IngestReport]:
        meta, _ = self.preview(pid)
        key = meta["key"]
        with self.changing(key):
            meta, parsed = self.preview(pid)  # again, inside the lock: a parallel cancel wins cleanly
            records = self.records()
            old = records.get(key, {})
            if meta["replaces"] and not (old or key in {r["doc_id"] for r in self.listing([])}):
                raise NotFoundError(f"文件 {key} 已被删除。 (Document was deleted.)")
            data = (self.previews / pid / meta["stored"]).read_bytes()
            suffix = Path(meta["stored"]).suffix
            file = f"{key}-{hashlib.sha256(data).hexdigest()[:10]}{suffix}"
            self.files.mkdir(parents=True, exist_ok=True)
            (self.files / file).write_bytes(data)
            source = old.get("source") or ("bundled" if key.isdigit() else "cli" if meta["replaces"] else "added")
            edits = {f: str(v).strip() for f, v in (metadata or {}).items() if f in META_FIELDS and v is not None}
            doc_meta = {f: getattr(parsed.doc, f) for f in META_FIELDS}
            rec = {"key": key, "source": source, "file": file, "name": meta["name"], **doc_meta, **edits,
                   "hidden": False, "added_at": old.get("added_at") or time.strftime("%Y-%m-%d %H:%M:%S"),
                   "added_by": old.get("added_by") or by or meta["by"],
                   "updated_at": time.strftime("%Y-%m-%d %H:%M:%S"), "updated_by": by or meta["by"]}
            new_records = {**records, key: rec}
            corrections = self.overrides.load()
            corrections[key] = {**corrections.get(key, {}), **meta["corrections"]}
            try:
                report = self.rebuild(store, new_records, corrections)
            except BaseException:
                (self.files / file).unlink(missing_ok=True)
                raise
            if meta["corrections"]:
                self.overrides.set_many(key, meta["corrections"])
            self._save(new_records)
            if old.get("file") and old["file"] != file:
                (self.files / old["file"]).unlink(missing_ok=True)
            if source == "cli":  # the CLI copy is superseded by this version
                self._drop_cli_copy(key)
            shutil.rmtree(self.previews / pid, ignore_errors=True)
            return rec, report

    def _drop_cli_copy(self, key: str) -> None:
        from index.ingest import added_dir

        for doc in corpus_documents(self.data_dir):
            if doc.doc_id == key and not key.isdigit():
                (added_dir(self.data_dir) / doc.file).unlink(missing_ok=True)
                (added_dir(self.data_dir) / f"{doc.file}.meta.json").unlink(missing_ok=True)

    def delete(self, store, key: str) -> IngestReport:
        row = self._row(key)
        if row["source"] == "bundled":
            raise ConflictError("随软件提供的文件不能删除,只能隐藏。 (Bundled documents can only be hidden.)")
        with self.changing(key):
            records = self.records()
            rec = records.pop(key, {})
            if row["source"] == "cli":
                records[key] = {"key": key, "source": "cli", "hidden": True}
            corrections = self.overrides.load()
            corrections.pop(key, None)
            report = self.rebuild(store, records, corrections)
            self._save(records)
            self.overrides.drop_doc(key)
            if rec.get("file"):
                (self.files / rec["file"]).unlink(missing_ok=True)
            if row["source"] == "cli":
                self._drop_cli_copy(key)
                records.pop(key, None)
                self._save(records)
            return report

    def hide(self, store, key: str, hidden: bool = True) -> IngestReport:
        self._row(key)
        with self.changing(key):
            records = self.records()
            rec = dict(records.get(key) or {"key": key, "source": self._row(key)["source"]})
            rec["hidden"] = hidden
            records[key] = rec
            report = self.rebuild(store, records)
            self._save(records)
            return report

    def correct(self, store, item: TaskItem, fixed: dict, by: str) -> tuple[dict, IngestReport]:
        """A correction to an item being served: stored, then the index rebuilt with it."""
        key = item.doc_id
        with self.changing(key):
            records = self.overrides.for_doc(key)
            original = self._parsed_item(item)
            rec = ov.Overrides.record(original, fixed, by, records.get(ov.item_key(item)))
            corrections = self.overrides.load()
            corrections.setdefault(key, {})[ov.item_key(item)] = rec
            report = self.rebuild(store, corrections=corrections)
            self.overrides.set_many(key, {ov.item_key(item): rec})
            return rec, report

    def _parsed_item(self, item: TaskItem) -> TaskItem:
        """The parser's own version of a served item (before any correction), for `original`."""
        rec = self.records().get(item.doc_id, {})
        if rec.get("file"):
            for i in self.parse_record(rec).items:
                if i.item_id == item.item_id:
                    return i
        for doc in corpus_documents(self.data_dir):
            if doc.doc_id == item.doc_id:
                return next((i for i in parse_document(doc) if i.item_id == item.item_id), item)
        return item

    def _row(self, key: str) -> dict:
        row = next((r for r in self.listing([]) if r["doc_id"] == key), None)
        if row is None:
            raise NotFoundError(f"没有编号为 {key} 的文件。 (No such document.)")
        return row


NO_UNITS = "未识别到牵头或责任单位"


def item_warnings(item: TaskItem) -> list[str]:
    """The parser's doubts about an item, plus the checks every preview makes (no unit found)."""
    out = list(item.warnings)
    if not item.all_units and item.kind in ("task", "point") and not any("单位" in w for w in out):
        out.append(NO_UNITS)
    return out


def doc_warnings(parsed: ParsedDocument) -> list[str]:
    from corpus.parse import localities

    out = list(parsed.warnings)
    loc = parsed.doc.locality
    if not loc:
        out.append("未识别出地区:请填写地区,否则问题里写了地区也找不到这份文件")
    elif loc not in localities() and not any("地区" in w for w in out):
        out.append(f"地区“{loc}”不在已收录的地区中:请确认名称")
    if not parsed.items:
        out.append("没有解析出任何条目")
    return out


def item_view(item: TaskItem, correction: dict | None = None) -> dict:
    d = item.to_dict()
    d["warnings"] = item_warnings(item)
    d["corrected"] = bool(correction)
    d["original"] = correction.get("original") if correction else None
    d["corrected_fields"] = sorted(correction.get("fixed", {})) if correction else []
    return d


def view(meta: dict, parsed: ParsedDocument, corrections: dict) -> dict:
    items = []
    for item in parsed.items:
        rec = ov.find(corrections, item) if corrections else None
        fixed = ov.apply([item], {ov.item_key(item): rec})[0] if rec else item
        items.append(item_view(fixed, rec))
    doc = parsed.doc.meta()
    return {"preview_id": meta["preview_id"], "replaces": meta["replaces"] or None, "file": meta["name"],
            "document": {"doc_id": meta["key"], "title": doc["title"], "locality": doc["locality"],
                         "level": doc.get("level", ""), "date": doc["date"], "doc_number": doc["doc_no"],
                         "issuer": doc["issuer"], "addressee": doc.get("addressee", ""), "kind": doc["kind"]},
            "items": items, "warnings": doc_warnings(parsed),
            "units": units_found(parsed.items)}
