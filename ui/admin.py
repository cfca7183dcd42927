"""Document management for the admin API and the 文件管理 tab: the token check, then each change to
the library followed by a reload, so the chat page, the widget and /api/ask answer from it at once.

Tokens: `POLICYQA_ADMIN_TOKEN` / `--admin-token`, one token or several as `label=token,label=token`;
the label is who added or changed a document ("admin" for a bare token). No token: admin is off.
"""
from __future__ import annotations

import csv
import hmac
import io
import json
import logging

from corpus.errors import PolicyQAError
from index.library import NotFoundError, item_view

log = logging.getLogger("policyqa.admin")
UNIT_FIELDS = ("lead_units", "responsible_units", "participating_units")


class AuthError(PolicyQAError):
    status_code = 401


def parse_tokens(raw: str) -> dict[str, str]:
    """'s3cret' -> {'s3cret': 'admin'}; 'wang=abc,li=def' -> {'abc': 'wang', 'def': 'li'}."""
    out = {}
    for part in (raw or "").split(","):
        part = part.strip()
        if not part:
            continue
        label, sep, token = part.partition("=")
        out[token.strip() if sep else part] = label.strip() if sep else "admin"
    return {t: lab for t, lab in out.items() if t}


class Admin:
    def __init__(self, services):
        self.services = services
        self.tokens = parse_tokens(services.settings.admin_token)
        self.max_bytes = int(services.settings.max_upload_mb * 1024 * 1024)

    @property
    def enabled(self) -> bool:
        return bool(self.tokens)

    def who(self, token: str) -> str:
        """The token's label, or AuthError. Compared in constant time."""
        for known, label in self.tokens.items():
            if token and hmac.compare_digest(token.encode(), known.encode()):
                return label
        raise AuthError("管理口令不正确。 (Invalid admin token.)")

    @property
    def library(self):
        return self.services.library

    @property
    def store(self):
        return self.services.assistant.searcher.store

    def _changed(self, report) -> None:
        self.services.reload()
        log.info("library changed: %s", report.summary())

    # --- documents -------------------------------------------------------------------------------
    def check_size(self, data: bytes) -> None:
        if len(data) > self.max_bytes:
            raise TooLargeError(f"文件超过上传上限 {self.max_bytes // 2**20} MB。 (Upload limit is "
                                f"{self.max_bytes // 2**20} MB.)")

    def preview(self, data: bytes, name: str, by: str, locality: str = "", title: str = "",
                replaces: str = "") -> dict:
        self.check_size(data)
        return self.library.stage(data, name, locality=locality, title=title, by=by, replaces=replaces)

    def confirm(self, preview_id: str, metadata: dict, by: str) -> dict:
        rec, report = self.library.confirm(self.store, preview_id, metadata, by)
        self._changed(report)
        return self.document(rec["key"])

    def replace(self, doc_id: str, data: bytes, name: str, by: str) -> dict:
        self.library._row(doc_id)  # 404 before the upload is parsed
        staged = self.preview(data, name, by, replaces=doc_id)
        return self.confirm(staged["preview_id"], {}, by)

    def documents(self) -> list[dict]:
        return self.library.listing(self.services.items)

    def document(self, doc_id: str) -> dict:
        row = next((r for r in self.documents() if r["doc_id"] == doc_id), None)
        if row is None:
            raise NotFoundError(f"没有编号为 {doc_id} 的文件。 (No such document.)")
        return row

    def items_of(self, doc_id: str) -> list[dict]:
        self.document(doc_id)
        corrections = self.library.overrides.for_doc(doc_id)
        from index.overrides import item_key
        return [item_view(i, corrections.get(item_key(i))) for i in self.services.items if i.doc_id == doc_id]

    def delete(self, doc_id: str) -> None:
        self._changed(self.library.delete(self.store, doc_id))

    def hide(self, doc_id: str, hidden: bool) -> dict:
        self._changed(self.library.hide(self.store, doc_id, hidden))
        return self.document(doc_id)

    def correct(self, item_id: str, fixed: dict, by: str, preview_id: str = "") -> dict:
        fixed = clean_units(fixed)
        if not fixed:
            raise PolicyQAError("请给出要校正的单位(lead_units / responsible_units / participating_units)。")
        if preview_id:
            return self.library.correct_preview(preview_id, item_id, fixed, by)
        item = next((i for i in self.services.items if i.item_id == item_id), None)
        if item is None:
            raise NotFoundError(f"没有条目 {item_id}。 (No such item.)")
        rec, report = self.library.correct(self.store, item, fixed, by)
        self._changed(report)
        served = next((i for i in self.services.items if i.item_id == item_id), item)
        return item_view(served, rec)

    # --- feedback --------------------------------------------------------------------------------
    def feedback(self, locality: str = "", since: str = "", until: str = "", rating: str = "down") -> list[dict]:
        rows = []
        for row in reversed(self.services.feedback.all()):
            if rating and row["rating"] != rating:
                continue
            day = row["created"][:10]
            if (since and day < since) or (until and day > until):
                continue
            cites = json.loads(row["citations"] or "[]")
            if locality and not any(c.get("locality") == locality for c in cites) and locality not in row["question"]:
                continue
            rows.append({**row, "citations": cites})
        return rows


def feedback_csv(rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", "时间", "评价", "问题", "回答", "引用", "补充说明", "来源"])
    for r in rows:
        cites = "; ".join(f"[{c.get('n')}] {c.get('locality') or ''} {c.get('section') or ''} ({c.get('item_id')})"
                          for c in r["citations"])
        writer.writerow([r["id"], r["created"], r["rating"], r["question"], r["answer"], cites, r["comment"], r["source"]])
    return "\ufeff" + out.getvalue()


class TooLargeError(PolicyQAError):
    status_code = 413


def clean_units(fixed: dict) -> dict:
    """{'lead_units': ['县司法局', …]} with names stripped; a string is split at 、,;。"""
    import re

    out = {}
    for field in UNIT_FIELDS:
        if field not in fixed or fixed[field] is None:
            continue
        value = fixed[field]
        names = re.split(r"[、,,;;\s]+", value) if isinstance(value, str) else list(value)
        out[field] = [n.strip()[:60] for n in names if isinstance(n, str) and n.strip()][:30]
    return out
