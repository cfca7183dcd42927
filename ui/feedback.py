"""Thumbs up / down with an optional comment, stored with question, answer and citations.

SQLite in WAL mode under the data dir; one writer at a time (a lock), so concurrent requests
never lose a row. Stores what is needed to improve answers and nothing about the person.
"""
from __future__ import annotations

import json
import sqlite3
import threading
import time
from pathlib import Path

from corpus.errors import BadQuestionError

MAX_COMMENT = 2000
SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created TEXT NOT NULL,
    rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
    comment TEXT NOT NULL DEFAULT '',
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    citations TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT ''
)
"""


class FeedbackStore:
    def __init__(self, data_dir: str | Path):
        path = Path(data_dir)
        path.mkdir(parents=True, exist_ok=True)
        self.path = path / "feedback.sqlite3"
        self._lock = threading.Lock()
        with self._connect() as db:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute(SCHEMA)

    def _connect(self):
        return sqlite3.connect(self.path, timeout=30)

    def add(self, rating: str, question: str, answer: str, citations: list | None = None,
            comment: str = "", source: str = "") -> int:
        if rating not in ("up", "down"):
            raise BadQuestionError("rating must be 'up' or 'down'.")
        cites = [{k: c.get(k) for k in ("n", "item_id", "locality", "section")} for c in citations or []
                 if isinstance(c, dict)]
        row = (time.strftime("%Y-%m-%dT%H:%M:%S"), rating, (comment or "")[:MAX_COMMENT], question[:4000],
               answer[:20000], json.dumps(cites, ensure_ascii=False), source[:40])
        with self._lock, self._connect() as db:
            cur = db.execute("INSERT INTO feedback (created, rating, comment, question, answer, citations, source)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?)", row)
            return int(cur.lastrowid)

    def all(self) -> list[dict]:
        with self._connect() as db:
            db.row_factory = sqlite3.Row
            return [dict(r) for r in db.execute("SELECT * FROM feedback ORDER BY id")]
