"""`policyqa items`: the "what does my bureau lead" question, answered from the parsed fields."""
from __future__ import annotations

import json

from ui.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_items_by_unit_uses_canonical_names(capsys):
    code, out, _ = run(capsys, "items", "--unit", "县政府办", "--role", "lead", "--format", "json")
    assert code == 0
    rows = json.loads(out)
    assert rows and all(r["locality"] == "乌鲁木齐县" for r in rows)
    assert all("县政府办公室" in r["lead_units"] for r in rows)
    assert {"item_id", "doc", "locality", "section", "text", "lead_units", "responsible_units"} <= set(rows[0])


def test_items_by_unit_never_crosses_levels(capsys):
    _, out, _ = run(capsys, "items", "--unit", "县司法局", "--role", "lead", "--format", "json")
    rows = json.loads(out)
    assert len(rows) == 21  # corpus-notes: 县司法局 leads 21 items of 000
    assert {r["locality"] for r in rows} == {"乌鲁木齐县"}


def test_items_csv_and_filters(capsys):
    _, out, _ = run(capsys, "items", "--locality", "阜康市", "--format", "csv")
    import csv, io
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0][:3] == ["item_id", "locality", "section"]
    assert len(rows) == 17 and all(r[1] == "阜康市" for r in rows[1:])


def test_items_bad_file_is_a_message(capsys, tmp_path):
    bad = tmp_path / "x.txt"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    code, _, err = run(capsys, "items", str(bad))
    assert code == 1 and "binary" in err and "Traceback" not in err


def test_ask_batch_keeps_ids_and_survives_a_bad_line(capsys, tmp_path, hash_index):
    batch = tmp_path / "q.jsonl"
    batch.write_text('{"id": "a", "question": "新密市政府督查谁牵头"}\n{"id": "b", "question": "   "}\n', encoding="utf-8")
    code, out, _ = run(capsys, "ask", "--data-dir", hash_index, "--embed-model", "hash", "--llm", "none",
                       "--batch", str(batch))
    rows = [json.loads(line) for line in out.strip().splitlines()]
    assert code == 0 and [r["id"] for r in rows] == ["a", "b"]
    assert rows[0]["status"] == "answered" and "error" in rows[1]
